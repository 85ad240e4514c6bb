"""The 政府网站工作年度报表 as the national form lays it out (《政府网站发展指引》,
国办发〔2017〕47号, and the yearly table the State Council's office asks for).

A report's figures are a flat mapping ``{entry key: value}``; each entry says how it is
shown (its section and sub-section, the form's own wording) and what it holds. Entries
with a ``source`` are filled from the platform's data when the report is generated
(``selectors.website_figures``); the rest are entered by the office. Labels are the
national wording whatever language the admin is shown in: the report is a document
filed in Chinese.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

COUNT, DAYS, YES_NO, TEXT, SITE_TYPE, DATE = "count", "days", "yes_no", "text", "site_type", "date"
SITE_TYPES = ("政府门户网站", "部门网站", "专项网站")
YES, NO = "是", "否"
MAX_COUNT = 10**12  # visits of a large portal run to the billions
MAX_TEXT = 100


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    kind: str = COUNT
    section: str = ""  # the form's first column; empty for the identity and signature lines
    group: str = ""  # the second column, where the form has one
    source: str = ""  # how the platform fills it; empty: entered by the office
    required: bool = True  # must be filled before the report goes to review

    @property
    def full_label(self) -> str:
        """The entry named with its section, as errors and the differences list say it."""
        return "·".join(part for part in (self.section, self.group, self.label) if part)


def _e(*args, **kwargs) -> Entry:
    return Entry(*args, **kwargs)


_ITEMS = "按本年度发布（发布日期在本年）的公开信息统计"
_LETTERS = "按信件办理记录统计"

ENTRIES: tuple[Entry, ...] = (
    _e("site_name", "网站名称", TEXT, source="机关全称"),
    _e("home_url", "首页网址", TEXT, source="本机关政府信息公开首页地址"),
    _e("sponsor", "主办单位", TEXT, source="机关全称"),
    _e("site_type", "网站类型", SITE_TYPE),
    _e("site_code", "政府网站标识码", TEXT, required=False),
    _e("icp_number", "ICP备案号", TEXT, required=False),
    _e("police_number", "公安机关备案号", TEXT, required=False),
    _e("unique_visitors", "独立用户访问总量（单位：个）"),
    _e("page_views", "网站总访问量（单位：次）"),
    _e("published_total", "总数", section="信息发布（单位：条）", source=_ITEMS),
    _e(
        "published_overview",
        "概况类信息更新量",
        section="信息发布（单位：条）",
        source=_ITEMS + "：分类名称含“概况”的",
    ),
    _e(
        "published_news",
        "政务动态信息更新量",
        section="信息发布（单位：条）",
        source=_ITEMS + "：体裁为“工作动态”的",
    ),
    _e(
        "published_catalogue",
        "信息公开目录信息更新量",
        section="信息发布（单位：条）",
        source=_ITEMS,
    ),
    _e("columns_kept", "维护数量（单位：个）", section="专栏专题"),
    _e("columns_opened", "新开设数量（单位：个）", section="专栏专题"),
    _e("interpretations", "总数（单位：条）", section="解读回应", group="解读信息发布"),
    _e(
        "interpretation_materials",
        "其中：解读材料数量（单位：条）",
        section="解读回应",
        group="解读信息发布",
    ),
    _e(
        "interpretation_products",
        "解读产品数量（单位：个）",
        section="解读回应",
        group="解读信息发布",
    ),
    _e(
        "media_commentaries",
        "媒体评论文章数量（单位：篇）",
        section="解读回应",
        group="解读信息发布",
    ),
    _e("responses", "回应公众关注热点或重大舆情数量（单位：次）", section="解读回应"),
    _e("service_catalogue", "是否发布服务事项目录", YES_NO, section="办事服务"),
    _e("registered_users", "注册用户数（单位：个）", section="办事服务"),
    _e("service_items", "政务服务事项数量（单位：项）", section="办事服务"),
    _e("online_service_items", "可全程在线办理政务服务事项数量（单位：项）", section="办事服务"),
    _e("cases_total", "总数", section="办事服务", group="办件量（单位：件）"),
    _e("cases_people", "自然人办件量", section="办事服务", group="办件量（单位：件）"),
    _e("cases_organisations", "法人办件量", section="办事服务", group="办件量（单位：件）"),
    _e("unified_platform", "是否使用统一平台", YES_NO, section="互动交流"),
    _e(
        "letters_received",
        "收到留言数量（单位：条）",
        section="互动交流",
        group="留言办理",
        source=_LETTERS + "：本年收到的信件",
    ),
    _e(
        "letters_closed",
        "办结留言数量（单位：条）",
        section="互动交流",
        group="留言办理",
        source=_LETTERS + "：本年答复或决定不予处理的信件",
    ),
    _e(
        "letters_average_days",
        "平均办理时间（单位：天）",
        DAYS,
        section="互动交流",
        group="留言办理",
        source=_LETTERS + "：本年答复的信件从收信到答复的平均自然日数",
        required=False,
    ),
    _e(
        "letters_published",
        "公开答复数量（单位：条）",
        section="互动交流",
        group="留言办理",
        source=_LETTERS + "：本年公开、现仍公开的答复",
    ),
    _e(
        "surveys",
        "征集调查期数（单位：期）",
        section="互动交流",
        group="征集调查",
        source="本年开始的民主评议",
    ),
    _e(
        "survey_opinions",
        "收到意见数量（单位：条）",
        section="互动交流",
        group="征集调查",
        source="本年提交的民主评议答卷与本年收到的群众点题",
    ),
    _e(
        "survey_results",
        "公布调查结果期数（单位：期）",
        section="互动交流",
        group="征集调查",
        source="本年开始、评议结果已作为公开信息发布的民主评议",
    ),
    _e("interviews", "访谈期数（单位：期）", section="互动交流", group="在线访谈"),
    _e("interview_messages", "网民留言数量（单位：条）", section="互动交流", group="在线访谈"),
    _e("interview_answers", "答复网民提问数量（单位：条）", section="互动交流", group="在线访谈"),
    _e("smart_answers", "是否提供智能问答功能", YES_NO, section="互动交流"),
    _e("security_checks", "安全检测评估次数（单位：次）", section="安全防护"),
    _e("security_problems", "发现问题数量（单位：个）", section="安全防护"),
    _e("security_fixed", "问题整改数量（单位：个）", section="安全防护"),
    _e("security_monitoring", "是否建立安全监测预警机制", YES_NO, section="安全防护"),
    _e("security_drills", "是否开展应急演练", YES_NO, section="安全防护"),
    _e("security_owner", "是否明确网站安全负责人", YES_NO, section="安全防护"),
    _e("new_media", "是否有移动新媒体", YES_NO, section="移动新媒体"),
    _e("weibo_name", "名称", TEXT, section="移动新媒体", group="微博", required=False),
    _e(
        "weibo_posts",
        "信息发布量（单位：条）",
        section="移动新媒体",
        group="微博",
        required=False,
    ),
    _e("weibo_followers", "关注量（单位：个）", section="移动新媒体", group="微博", required=False),
    _e("wechat_name", "名称", TEXT, section="移动新媒体", group="微信", required=False),
    _e(
        "wechat_posts",
        "信息发布量（单位：条）",
        section="移动新媒体",
        group="微信",
        required=False,
    ),
    _e(
        "wechat_subscribers",
        "订阅数（单位：个）",
        section="移动新媒体",
        group="微信",
        required=False,
    ),
    _e("other_media", "其他", TEXT, section="移动新媒体", required=False),
    _e(
        "search_service",
        "搜索即服务",
        YES_NO,
        section="创新发展",
        source="本平台提供全文检索（可改）",
    ),
    _e("multilingual", "多语言版本", YES_NO, section="创新发展"),
    _e(
        "accessible",
        "无障碍浏览",
        YES_NO,
        section="创新发展",
        source="本平台公开页面按 WCAG 2.1 AA 制作（可改）",
    ),
    _e("personalised", "千人千网", YES_NO, section="创新发展"),
    _e("other_innovation", "其他", TEXT, section="创新发展", required=False),
    _e("head", "单位负责人", TEXT),
    _e("checker", "审核人", TEXT),
    _e("filler", "填报人", TEXT, source="生成报表的用户（可改）"),
    _e("phone", "联系电话", TEXT),
    _e("filled_on", "填报日期", DATE, source="生成日期（可改）"),
)
ENTRIES_BY_KEY = {entry.key: entry for entry in ENTRIES}
SIGNATURE_KEYS = ("head", "checker", "filler", "phone", "filled_on")


def parse_value(entry: Entry, raw) -> tuple[object, str]:
    """``raw`` (what the form sent, or what is stored) as the entry's value, and the error.

    Blank is ``None``: a report may be saved unfinished; ``missing_entries`` says what
    must be filled before review.
    """
    if raw is None:
        return None, ""
    if entry.kind == YES_NO and isinstance(raw, bool):
        return raw, ""
    text = str(raw).strip()
    if entry.kind == YES_NO:
        if not text:
            return None, ""
        if text in (YES, "true", "True"):
            return True, ""
        if text in (NO, "false", "False"):
            return False, ""
        return None, "须选择“是”或“否”"
    if not text:
        return None, ""
    if entry.kind == COUNT:
        text = text.replace(",", "")
        # isdecimal, not isdigit: "²" is a digit that int() refuses.
        if not text.isdecimal() or int(text) > MAX_COUNT:
            return None, "须为不小于 0 的整数"
        return int(text), ""
    if entry.kind == DAYS:
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None, "须为数字（天，最多 1 位小数）"
        if not value.is_finite() or value < 0 or value.as_tuple().exponent < -1 or value > 3650:
            return None, "须为不小于 0、最多 1 位小数的天数"
        return str(value), ""
    if entry.kind == SITE_TYPE:
        if text not in SITE_TYPES:
            return None, "须为" + "、".join(SITE_TYPES) + "之一"
        return text, ""
    if entry.kind == DATE:
        try:
            return datetime.date.fromisoformat(text).isoformat(), ""
        except ValueError:
            return None, "须为日期，例如 2026-01-15"
    if len(text) > MAX_TEXT:
        return None, f"不能超过 {MAX_TEXT} 个字"
    return text, ""


def parse_figures(raw: dict | None) -> tuple[dict, dict[str, str]]:
    """Every entry's value from ``raw``, and the errors by entry key."""
    raw = raw if isinstance(raw, dict) else {}
    values, errors = {}, {}
    for entry in ENTRIES:
        value, error = parse_value(entry, raw.get(entry.key))
        values[entry.key] = value
        if error:
            errors[entry.key] = error
    return values, errors


def normalized(values: dict) -> dict:
    """``values`` as a report stores them (blank text is None, as the form saves it)."""
    return {key: parse_value(ENTRIES_BY_KEY[key], value)[0] for key, value in values.items()}


def shown(entry: Entry, value) -> str:
    """The value as the printed form shows it."""
    if value is None:
        return ""
    if entry.kind == YES_NO:
        return YES if value else NO
    return str(value)


def missing_entries(figures: dict) -> list[Entry]:
    """Entries the form requires and the report leaves blank."""
    missing = [
        entry for entry in ENTRIES if entry.required and figures.get(entry.key) in (None, "")
    ]
    # With 移动新媒体 the accounts' figures are required too; without, none are.
    if figures.get("new_media"):
        accounts = [e for e in ENTRIES if e.section == "移动新媒体" and e.group]
        named = {e.group for e in accounts if e.kind == TEXT and figures.get(e.key)}
        missing += [e for e in accounts if e.group in named and figures.get(e.key) in (None, "")]
        if not named and not figures.get("other_media"):
            missing.append(ENTRIES_BY_KEY["weibo_name"])
    return missing


def merge_generated(*, current: dict, baseline: dict | None, fresh: dict) -> tuple[dict, list]:
    """The figures after generating again: each generated entry takes the fresh value
    unless the office changed it since the last generation; returns the entries kept
    although the data now differs."""
    merged, kept = dict(current), []
    for key, value in fresh.items():
        was_generated = baseline is not None and current.get(key) == baseline.get(key)
        if baseline is None or was_generated:
            merged[key] = value
        elif current.get(key) != value:
            kept.append(ENTRIES_BY_KEY[key])
    return merged, kept
