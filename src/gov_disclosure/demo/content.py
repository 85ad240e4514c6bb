"""The demo subdistrict 庄市街道: its departments, categories and 174 items of 2012.

Everything is derived deterministically from the shared corpus and a fixed seed,
so two runs build exactly the same catalogue.
"""

import datetime
import random
from dataclasses import dataclass, field
from html import escape

import holidays

from gov_disclosure.core.law_corpus import Law, iter_laws, markdown_to_paragraphs
from gov_disclosure.demo.corpus import (
    DEMO_YEAR,
    demo_uses,
    state_council_regulation,
    zhejiang_regulation,
)
from gov_disclosure.pages import validators
from gov_disclosure.pages.models import Genre, Subject, Validity

YEAR = DEMO_YEAR
AGENCY_SHORT = "庄市街道"
DOC_PREFIX = "庄街"

# A valid 统一社会信用代码 for the demo: 1 (机构编制) 1 (机关), 330211 (镇海区),
# 组织机构代码 00295837 + its check character.
_ORG_BODY = "00295837"
_USCC_BODY = "11330211" + _ORG_BODY + validators.org_code_check_char(_ORG_BODY)
ORG_CODE = _USCC_BODY + validators.uscc_check_char(_USCC_BODY)

AGENCY = {
    "title": "庄市街道办事处政府信息公开",
    "slug": "zhuangshi",
    "agency_name": "宁波市镇海区人民政府庄市街道办事处",
    "org_code": ORG_CODE,
    "disclosure_office": "庄市街道党政办公室",
    "address": "浙江省宁波市镇海区庄市街道庄市大道1号",
    "postcode": "315201",
    "office_hours": "工作日 上午8:30—12:00，下午13:30—17:00（法定节假日除外）",
    "phone": "0574-86000000",
    "fax": "0574-86000001",
    "email": "zsjd@example.gov.cn",
}

DEPARTMENTS = [
    ("DZB", "党政办公室"),
    ("JFB", "经济发展办公室"),
    ("SWB", "社会事务管理办公室"),
    ("CJB", "城市建设管理办公室"),
    ("ZZB", "社会治安综合治理办公室"),
    ("CZS", "财政所"),
    ("LBS", "劳动保障所"),
    ("JSZ", "计划生育服务中心"),
]

# (code, title, [(subcode, subtitle, count)] or count)
CATEGORIES = [
    ("01", "机构概况", 8),
    ("02", "法规公文", [("01", "规范性文件", 12), ("02", "政策文件", 26)]),
    ("03", "规划计划", 14),
    ("04", "工作动态", 70),
    ("05", "财政信息", [("01", "预算", 6), ("02", "决算", 5), ("03", "三公经费", 4)]),
    ("06", "人事信息", 9),
    ("07", "公共服务", 14),
    ("08", "其他", 6),
]

TOPICS = [
    ("安全生产", "SWB", Subject.MARKET, "安全生产"),
    ("防汛防台", "CJB", Subject.AGRICULTURE, "防汛"),
    ("文明城市创建", "DZB", Subject.URBAN, "文明"),
    ("人口和计划生育", "JSZ", Subject.POPULATION, "计划生育"),
    ("社会治安综合治理", "ZZB", Subject.JUSTICE, "治安"),
    ("食品安全", "SWB", Subject.MARKET, "食品安全"),
    ("消防安全", "ZZB", Subject.MARKET, "消防"),
    ("城乡环境整治", "CJB", Subject.URBAN, "环境"),
    ("社会救助", "SWB", Subject.CIVIL_AFFAIRS, "救助"),
    ("就业创业", "LBS", Subject.LABOUR, "就业"),
    ("城乡居民养老保险", "LBS", Subject.LABOUR, "养老"),
    ("信访维稳", "ZZB", Subject.JUSTICE, "信访"),
    ("农村土地管理", "JFB", Subject.LAND, "土地"),
    ("招商引资", "JFB", Subject.ECONOMY, "投资"),
    ("水环境治理", "CJB", Subject.URBAN, "水"),
    ("残疾人帮扶", "SWB", Subject.CIVIL_AFFAIRS, "残疾人"),
    ("政府信息公开", "DZB", Subject.GENERAL, "政府信息公开"),
    ("财政预算管理", "CZS", Subject.FINANCE, "预算"),
]

NEWS_FORMS = [
    "{agency}召开{topic}工作会议",
    "{agency}开展{topic}专项检查",
    "{agency}部署{month}月份{topic}工作",
    "{agency}举办{topic}业务培训班",
    "{agency}扎实推进{topic}工作",
    "{agency}召开{topic}工作推进会",
    "{agency}组织{topic}集中宣传活动",
]

COMMUNITIES = [
    "庄市社区",
    "勤勇村",
    "万市村",
    "永旺村",
    "兴庄社区",
    "钟包村",
    "光明村",
    "中官路社区",
]
HOLIDAYS_2012 = holidays.country_holidays("CN", years=YEAR)


@dataclass
class Attachment:
    title: str
    filename: str
    content: bytes


@dataclass
class ItemSpec:
    category_path: tuple[str, ...]
    title: str
    genre: str
    subject: str
    department: str
    written_date: datetime.date
    publish_date: datetime.date
    summary: str
    keywords: str
    body: list[tuple[str, object]]
    document_number: str = ""
    validity: str = Validity.VALID
    effective_date: datetime.date | None = None
    abolished_date: datetime.date | None = None
    attachments: list[Attachment] = field(default_factory=list)
    # A 政策解读: the title of the document it interprets, and the form of interpretation.
    interprets: str = ""
    interpretation_form: str = ""


def _paragraphs(texts: list[str]) -> list[tuple[str, object]]:
    return [("paragraph", f"<p>{escape(text)}</p>") for text in texts]


def _law_blocks(law: Law, limit: int = 60) -> list[tuple[str, object]]:
    blocks = []
    for kind, text in markdown_to_paragraphs(law.body)[:limit]:
        tag = "h3" if kind == "heading" else "p"
        blocks.append(("paragraph", f"<{tag}>{escape(text)}</{tag}>"))
    return blocks


def _summary_of(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _working_days(rng: random.Random, count: int) -> list[datetime.date]:
    """``count`` working days spread over the year, in order (repeats allowed)."""
    day = datetime.date(YEAR, 1, 4)
    days = []
    while day.year == YEAR:
        if day.weekday() < 5 and day not in HOLIDAYS_2012:
            days.append(day)
        day += datetime.timedelta(days=1)
    return sorted(rng.choice(days) for _ in range(count))


def _demo_laws(path) -> tuple[list[Law], list[Law]]:
    """The Zhejiang local regulations and State Council regulations the demo uses."""
    laws = [law for law in iter_laws(path) if demo_uses(law)]
    return [law for law in laws if zhejiang_regulation(law)], [
        law for law in laws if state_council_regulation(law)
    ]


class _Builder:
    def __init__(self, corpus_path):
        self.rng = random.Random(YEAR)
        self.zhejiang, self.national = _demo_laws(corpus_path)
        self.rng.shuffle(self.zhejiang)
        self.rng.shuffle(self.national)
        self.doc_serial = 0

    def next_document_number(self) -> str:
        self.doc_serial += 1
        return f"{DOC_PREFIX}〔{YEAR}〕{self.doc_serial}号"

    def law_related_to(self, keyword: str) -> Law:
        for law in self.national + self.zhejiang:
            if keyword in law.title:
                return law
        return self.national[0]

    # -- one function per kind of item -----------------------------------------

    def organisation(self) -> list[dict]:
        entries = [
            ("庄市街道办事处主要职能", "街道办事处是区人民政府的派出机关，履行经济发展、社会管理、公共服务、"
             "城市管理和社会治安综合治理等职能。"),
            ("庄市街道领导班子成员及分工", "公布街道党工委、办事处领导班子成员姓名、职务及工作分工。"),
            ("庄市街道内设机构及职能", "街道设党政办公室、经济发展办公室、社会事务管理办公室、城市建设管理"
             "办公室、社会治安综合治理办公室等内设机构。"),
            ("庄市街道下属事业单位", "街道下设财政所、劳动保障所、计划生育服务中心、文化站等事业单位。"),
            ("庄市街道村（社区）基本情况", "街道辖" + "、".join(COMMUNITIES) + "等村（社区）。"),
            ("庄市街道办公地址及联系方式", f"办公地址：{AGENCY['address']}；联系电话：{AGENCY['phone']}。"),
            ("庄市街道便民服务中心窗口设置", "便民服务中心设社会保障、计划生育、民政救助、城建等服务窗口。"),
            ("庄市街道政府信息公开工作机构", "街道党政办公室负责政府信息公开的日常工作。"),
        ]  # fmt: skip
        return [
            {"title": t, "genre": Genre.OTHER, "subject": Subject.GENERAL, "department": "DZB",
             "summary": s, "body": _paragraphs([s, "本信息长期公开，内容如有变化将及时更新。"])}
            for t, s in entries
        ]  # fmt: skip

    def normative_document(self) -> dict:
        law = self.zhejiang.pop()
        title = f"关于贯彻落实《{law.title}》的实施意见"
        intro = (
            f"为贯彻落实《{law.title}》，结合本街道实际，现提出如下实施意见。各村（社区）、"
            "各办所中心要认真组织学习，切实抓好落实。"
        )
        return {
            "title": title,
            "genre": Genre.NORMATIVE,
            "subject": Subject.GENERAL,
            "department": "DZB",
            "document_number": self.next_document_number(),
            "summary": _summary_of(intro),
            "keywords": f"{law.title}、实施意见",
            "body": _paragraphs([intro]) + _law_blocks(law, limit=12),
            "attachments": [
                Attachment(
                    f"《{law.title}》全文", f"{law.title[:40]}.txt", law.body.encode("utf-8")
                )
            ],
        }

    def policy_document(self) -> dict:
        # Half Zhejiang regulations (national ones once those run out), half national.
        source = self.zhejiang if self.rng.random() < 0.5 and self.zhejiang else self.national
        law = source.pop()
        title = f"关于转发《{law.title}》的通知"
        intro = f"各村（社区）、各办所中心：现将《{law.title}》转发给你们，请认真贯彻执行。"
        return {
            "title": title,
            "genre": Genre.NOTICE,
            "subject": Subject.GENERAL,
            "department": "DZB",
            "document_number": self.next_document_number(),
            "summary": _summary_of(intro),
            "keywords": f"{law.title}、转发",
            "body": _paragraphs([intro]) + _law_blocks(law),
        }

    def plan(self, index: int) -> dict:
        topic, department, subject, keyword = TOPICS[index % len(TOPICS)]
        kind = ("工作计划", Genre.PLAN) if index % 2 == 0 else ("工作实施方案", Genre.SCHEME)
        title = f"庄市街道{YEAR}年{topic}{kind[0]}"
        law = self.law_related_to(keyword)
        texts = [
            f"为做好{YEAR}年度{topic}工作，依据《{law.title}》等有关规定，结合街道实际，制定本"
            f"{kind[0][-2:]}。",
            f"一、指导思想。以科学发展观为指导，坚持以人为本，全面提升{topic}工作水平。",
            f"二、工作目标。全年{topic}各项指标全面完成，群众满意度明显提高。",
            "三、主要任务。（一）健全工作机制；（二）加强宣传教育；（三）强化督查考核。",
            "四、保障措施。各村（社区）、各办所中心要明确责任分工，确保各项任务落到实处。",
        ]
        return {
            "title": title, "genre": kind[1], "subject": subject, "department": department,
            "document_number": self.next_document_number(), "summary": _summary_of(texts[0]),
            "keywords": f"{topic}、{kind[0]}", "body": _paragraphs(texts),
        }  # fmt: skip

    def news(self, index: int, publish_date: datetime.date) -> dict:
        topic, department, subject, keyword = TOPICS[index % len(TOPICS)]
        form = NEWS_FORMS[index % len(NEWS_FORMS)]
        title = form.format(agency=AGENCY_SHORT, topic=topic, month=publish_date.month)
        community = COMMUNITIES[index % len(COMMUNITIES)]
        law = self.law_related_to(keyword)
        texts = [
            f"{publish_date.month}月{publish_date.day}日，{AGENCY_SHORT}围绕{topic}开展专题工作，"
            f"街道相关负责人、各村（社区）及有关单位负责人参加。",
            f"会议传达了上级关于{topic}工作的部署要求，学习了《{law.title}》的有关规定，"
            f"通报了前一阶段工作情况，{community}作了交流发言。",
            f"会议要求，各单位要进一步提高认识，落实责任，把{topic}工作抓细抓实，确保取得实效。",
        ]
        return {
            "title": title, "genre": Genre.NEWS, "subject": subject, "department": department,
            "summary": _summary_of(texts[0]), "keywords": topic, "body": _paragraphs(texts),
        }  # fmt: skip

    def finance(self, sub: str, index: int) -> dict:
        titles = {
            "01": [f"庄市街道{YEAR}年部门预算", f"庄市街道{YEAR}年财政预算草案",
                   f"庄市街道{YEAR}年上半年预算执行情况", f"庄市街道{YEAR}年政府采购预算",
                   f"庄市街道{YEAR}年项目支出预算", f"庄市街道{YEAR}年预算调整方案"],
            "02": [f"庄市街道{YEAR - 1}年部门决算", f"庄市街道{YEAR - 1}年财政决算",
                   f"庄市街道{YEAR - 1}年项目支出决算", f"庄市街道{YEAR - 1}年政府采购决算",
                   f"庄市街道{YEAR - 1}年预算执行审计整改情况"],
            "03": [f"庄市街道{YEAR - 1}年度“三公”经费决算说明",
                   f"庄市街道{YEAR}年度“三公”经费预算说明",
                   f"庄市街道{YEAR}年上半年“三公”经费支出情况",
                   "庄市街道公务用车购置及运行费使用情况"],
        }[sub]  # fmt: skip
        title = titles[index]
        base = self.rng.randint(800, 4000)
        rows = [
            ["项目", "金额（万元）", "占比"],
            ["一般公共服务", str(base), ""],
            ["公共安全", str(base // 5), ""],
            ["社会保障和就业", str(base // 3), ""],
            ["城乡社区事务", str(base // 2), ""],
        ]
        total = sum(int(r[1]) for r in rows[1:])
        for row in rows[1:]:
            row[2] = f"{int(row[1]) * 100 / total:.1f}%"
        rows.append(["合计", str(total), "100%"])
        intro = f"现将{title}公开如下，收支总额 {total} 万元。"
        return {
            "title": title, "genre": Genre.REPORT, "subject": Subject.FINANCE, "department": "CZS",
            "summary": intro, "keywords": "预算、决算、三公经费",
            "body": _paragraphs([intro]) + [("table", {"data": rows, "first_row_is_table_header": True,
                                   "first_col_is_header": False, "table_caption": title})]
                    + _paragraphs(["以上数据经街道财政所审核，如有疑问请与财政所联系。"]),
        }  # fmt: skip

    def personnel(self, index: int) -> dict:
        titles = [
            f"庄市街道{YEAR}年公开招聘编外工作人员公告", f"庄市街道{YEAR}年公开招聘社区专职工作者公告",
            "庄市街道公开招聘编外工作人员拟录用人员公示", "庄市街道干部任前公示",
            f"庄市街道{YEAR}年公开招聘协管员公告", "庄市街道公开招聘体检结果公示",
            "庄市街道公益性岗位招聘公告", f"庄市街道{YEAR}年度公务员考核优秀等次人员公示",
            "庄市街道社区工作者招聘笔试成绩公示",
        ]  # fmt: skip
        law = self.law_related_to("公务员") if index % 3 == 0 else self.law_related_to("就业")
        text = f"根据《{law.title}》和上级有关规定，经研究，现将有关事项公告如下。"
        return {
            "title": titles[index], "genre": Genre.ANNOUNCEMENT, "subject": Subject.LABOUR,
            "department": "DZB", "summary": text, "keywords": "招聘、公示",
            "body": _paragraphs([text, "一、招聘岗位及人数（详见附表）。", "二、报名条件。",
                                 "三、报名时间和地点：街道党政办公室。", "四、公示期间如有异议，"
                                 "请向街道纪工委反映。"]),
        }  # fmt: skip

    def service_guide(self, index: int) -> dict:
        services = [
            ("最低生活保障申请", "救助"), ("城乡居民养老保险参保登记", "养老"),
            ("独生子女父母光荣证办理", "计划生育"), ("残疾人证申领", "残疾人"),
            ("就业失业登记", "就业"), ("临时救助申请", "救助"), ("流动人口婚育证明办理", "计划生育"),
            ("医疗救助申请", "救助"), ("城乡居民医疗保险参保", "保险"), ("廉租住房申请", "住房"),
            ("高龄津贴申领", "老年人"), ("农村建房审批", "土地"), ("殡葬补助申请", "殡葬"),
            ("信息公开申请", "政府信息公开"),
        ]  # fmt: skip
        name, keyword = services[index]
        law = self.law_related_to(keyword)
        texts = [
            f"一、事项名称：{name}。",
            f"二、办理依据：《{law.title}》。",
            "三、申请条件：符合相关规定的本街道户籍居民。",
            "四、所需材料：申请书、居民身份证、户口簿及相关证明材料。",
            "五、办理流程：申请→受理→审核→审批→办结。",
            "六、办理时限：材料齐全的，自受理之日起20个工作日内办结。",
            "七、收费标准：不收费。",
            f"八、办理地点：街道便民服务中心；咨询电话：{AGENCY['phone']}。",
        ]
        return {
            "title": f"{name}办事指南", "genre": Genre.GUIDE, "subject": Subject.CIVIL_AFFAIRS,
            "department": "SWB", "summary": f"{name}的办理依据、条件、材料、流程和时限。",
            "keywords": f"{name}、办事指南", "body": _paragraphs(texts),
        }  # fmt: skip

    def other(self, index: int) -> dict:
        titles = [
            "庄市街道政府信息公开工作考核办法", "庄市街道政府信息公开保密审查制度",
            "庄市街道政府信息公开责任追究制度", "庄市街道依申请公开工作制度",
            "庄市街道政务公开监督电话", f"庄市街道{YEAR}年政务公开工作要点",
        ]  # fmt: skip
        law = self.law_related_to("政府信息公开")
        text = f"为规范政府信息公开工作，根据《{law.title}》，结合街道实际，制定本制度。"
        return {
            "title": titles[index], "genre": Genre.OTHER, "subject": Subject.GENERAL,
            "department": "DZB", "summary": text, "keywords": "政府信息公开、制度",
            "body": _paragraphs([text]) + _law_blocks(law, limit=8),
        }  # fmt: skip


def build_items(corpus_path) -> list[ItemSpec]:
    """The demo's items in publication order, each with its category and dates."""
    builder = _Builder(corpus_path)
    planned: list[tuple[tuple[str, ...], int]] = []
    for code, _title, content in CATEGORIES:
        if isinstance(content, int):
            planned += [((code,), i) for i in range(content)]
        else:
            for subcode, _subtitle, count in content:
                planned += [((code, subcode), i) for i in range(count)]
    builder.rng.shuffle(planned)
    dates = _working_days(builder.rng, len(planned))
    organisation = builder.organisation()

    items = []
    for number, ((path, index), publish_date) in enumerate(zip(planned, dates, strict=True), 1):
        kind = path if len(path) == 2 else path[0]
        if kind == "01":
            data = organisation[index]
        elif kind == ("02", "01"):
            data = builder.normative_document()
        elif kind == ("02", "02"):
            data = builder.policy_document()
        elif kind == "03":
            data = builder.plan(index)
        elif kind == "04":
            data = builder.news(index, publish_date)
        elif kind[0] == "05":
            data = builder.finance(kind[1], index)
        elif kind == "06":
            data = builder.personnel(index)
        elif kind == "07":
            data = builder.service_guide(index)
        else:
            data = builder.other(index)
        # The seed report names speed of publication as a weakness: a few items
        # went out after Art. 26's 20 working days, and the timeliness report shows them.
        lag = builder.rng.randint(32, 45) if number % 29 == 0 else builder.rng.randint(0, 12)
        written = publish_date - datetime.timedelta(days=lag)
        spec = ItemSpec(
            category_path=path,
            written_date=written,
            publish_date=publish_date,
            keywords=data.pop("keywords", ""),
            **data,
        )
        if kind == ("02", "01") and index < 2:
            # Two normative documents were later abolished: the site must say so.
            spec.validity = Validity.ABOLISHED
            spec.abolished_date = datetime.date(YEAR, 12, 28)
        if spec.genre in (Genre.NORMATIVE, Genre.NOTICE):
            spec.effective_date = publish_date
        items.append(spec)
    _interpret_first_normative_document(items)
    return items


def _interpret_first_normative_document(items: list[ItemSpec]) -> None:
    """The first valid normative document is interpreted (问答) by the first policy document
    published after it (a day or more later: the interpretation report flags it)."""
    document = next(
        spec for spec in items if spec.category_path == ("02", "01") and spec.validity == "有效"
    )
    later = [
        spec
        for spec in items
        if spec.category_path == ("02", "02") and spec.publish_date > document.publish_date
    ]
    interpretation = later[0]
    subject = document.title.removeprefix("关于贯彻落实").removesuffix("的实施意见")
    questions = [
        f"一、为什么要制定《{document.title}》？答：为贯彻落实{subject}，结合本街道实际，"
        "明确各村（社区）、各办所中心的工作任务。",
        "二、实施意见的主要内容是什么？答：实施意见明确了指导思想、工作目标、主要任务和保障措施。",
        "三、实施意见从什么时候开始施行？答：自印发之日起施行。",
        f"四、群众有疑问可以向谁咨询？答：可以向{AGENCY['disclosure_office']}咨询，电话"
        f"{AGENCY['phone']}。",
    ]
    interpretation.title = f"《{document.title}》政策解读"
    interpretation.genre = Genre.OTHER
    interpretation.document_number = ""
    interpretation.summary = f"以问答形式解读《{document.title}》的出台背景、主要内容和施行时间。"
    interpretation.keywords = "政策解读、问答"
    interpretation.body = _paragraphs(questions)
    interpretation.attachments = []
    interpretation.effective_date = None
    interpretation.interprets = document.title
    interpretation.interpretation_form = "qa"


GUIDE_HTML = f"""
<h2>一、总则</h2>
<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。
需要获得{AGENCY["agency_name"]}政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。</p>
<h2>二、主动公开</h2>
<p>公开内容以本机关政府信息公开目录为准，公开形式包括政府门户网站、政务公开栏、便民服务中心等。
属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。</p>
<h2>三、依申请公开</h2>
<p>公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请应当采用书面形式，
包括信件、传真、电子邮件、网上申请等。本机关收到申请后，能够当场答复的当场答复；
不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，
经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日。</p>
<h2>四、收费</h2>
<p>行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，
可以按照国家有关规定收取信息处理费。</p>
<h2>五、受理机构</h2>
<p>名称：{AGENCY["disclosure_office"]}<br>地址：{AGENCY["address"]}<br>
办公时间：{AGENCY["office_hours"]}<br>电话：{AGENCY["phone"]}　传真：{AGENCY["fax"]}</p>
<h2>六、监督和救济</h2>
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，
可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
"""
