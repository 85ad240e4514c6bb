"""A second subdistrict on the demo platform, 蛟川街道: a small catalogue, its own staff
for every role, a few items published through its own reviewers and one waiting for its
分管领导, so each agency's staff can see that the other's work is not theirs."""

import datetime
from html import escape

from django.contrib.auth import get_user_model
from wagtail.models import Page

from gov_disclosure.pages import roles, validators
from gov_disclosure.pages.models import (
    Department,
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    Genre,
    Subject,
)

from .building import child_page, morning_of, review_and_publish

_ORG_BODY = "00295845"
_USCC_BODY = "11330211" + _ORG_BODY + validators.org_code_check_char(_ORG_BODY)

AGENCY = {
    "title": "蛟川街道办事处政府信息公开",
    "agency_name": "宁波市镇海区人民政府蛟川街道办事处",
    "org_code": _USCC_BODY + validators.uscc_check_char(_USCC_BODY),
    "disclosure_office": "蛟川街道党政办公室",
    "address": "浙江省宁波市镇海区蛟川街道俞范东路1号",
    "postcode": "315200",
    "office_hours": "工作日 上午8:30—12:00，下午13:30—17:00（法定节假日除外）",
    "phone": "0574-86100000",
    "email": "jcjd@example.gov.cn",
}
SLUG = "jiaochuan"

DEPARTMENTS = [("DZB", "党政办公室"), ("CZS", "财政所")]
CATEGORIES = [("01", "机构概况"), ("04", "工作动态"), ("05", "财政信息")]

# (username, shown as, role)
ACCOUNTS = [
    ("jc_xinxiyuan", "蛟川街道信息员（党政办公室）", roles.INFORMATION_OFFICER),
    ("jc_xinxiyuan_czs", "蛟川街道信息员（财政所）", roles.INFORMATION_OFFICER),
    ("jc_fenguan", "蛟川街道分管领导", roles.LEADER_IN_CHARGE),
    ("jc_baomi", "蛟川街道保密审查员", roles.CONFIDENTIALITY_REVIEWER),
    ("jc_dangzhengban", "蛟川街道党政办", roles.OFFICE),
    ("jc_jiandu", "蛟川街道纪工委监督", roles.SUPERVISOR),
]
OFFICERS = {"DZB": "jc_xinxiyuan", "CZS": "jc_xinxiyuan_czs"}

# (category code, department, title, 发布日期, paragraphs); addresses come from the 索引号
ITEMS = [
    ("01", "DZB", "蛟川街道办事处机构职能", datetime.date(2012, 1, 9),
     ["蛟川街道办事处是镇海区人民政府的派出机关，负责辖区经济发展、社会管理和公共服务。",
      "内设党政办公室、经济发展办公室、社会事务管理办公室、城市建设管理办公室和财政所。"]),
    ("04", "DZB", "蛟川街道召开安全生产工作会议", datetime.date(2012, 3, 6),
     ["3月5日，蛟川街道召开2012年安全生产工作会议，部署全年安全生产工作。",
      "会议要求各村（社区）和企业落实安全生产主体责任，开展隐患排查治理。"]),
    ("04", "DZB", "蛟川街道部署防汛防台工作", datetime.date(2012, 6, 11),
     ["6月8日，蛟川街道召开防汛防台工作会议，落实各级防汛责任人。"]),
    ("05", "CZS", "蛟川街道2012年财政预算", datetime.date(2012, 2, 20),
     ["2012年街道一般公共预算收入安排一亿二千万元，支出安排一亿一千五百万元。",
      "预算重点保障民生、社会事业和城市建设管理支出。"]),
    ("05", "CZS", "蛟川街道2012年“三公”经费预算", datetime.date(2012, 4, 16),
     ["2012年“三公”经费预算八十六万元，比上年下降百分之五。"]),
]  # fmt: skip
# Written by the finance office's officer, waiting for 蛟川's 分管领导.
IN_REVIEW = ("05", "CZS", "蛟川街道2011年财政决算", datetime.date(2012, 7, 2),
             ["2011年街道一般公共预算收入完成一亿一千八百万元。"])  # fmt: skip


def _users(password: str) -> dict[str, object]:
    User = get_user_model()
    users = {}
    for username, display_name, _role in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=display_name)
            user.email = f"{username}@example.gov.cn"
            user.set_password(password)
            user.save()
        users[username] = user
    return users


def _item(category, department, author, spec) -> DisclosureItemPage:
    _code, _department, title, published, paragraphs = spec
    existing = DisclosureItemPage.objects.child_of(category).filter(title=title).first()
    if existing is not None:
        return existing
    item = DisclosureItemPage(
        title=title,
        live=False,
        owner=author,
        subject=Subject.FINANCE if category.code == "05" else Subject.GENERAL,
        genre=Genre.OTHER,
        publisher=department,
        written_date=published - datetime.timedelta(days=3),
        publish_date=published,
        first_published_at=morning_of(published),
        summary=paragraphs[0],
        keywords="蛟川街道",
        body=[{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in paragraphs],
    )
    category.add_child(instance=item)
    item.save_revision(user=author)
    return item


def demo_second_agency_load(*, parent: Page, admin, password: str) -> DisclosureIndexPage:
    """Build 蛟川街道 under ``parent``; running it again changes nothing."""
    users = _users(password)
    agency = child_page(parent, DisclosureIndexPage, SLUG, by=admin, **AGENCY)
    for username, _display_name, role in ACCOUNTS:
        roles.role_grant(user=users[username], agency=agency, role=role)
    office = users["jc_dangzhengban"]
    categories = {
        code: child_page(agency, DisclosureCategoryPage, f"c{code}", by=office, title=t, code=code)
        for code, t in CATEGORIES
    }
    departments = {}
    for code, name in DEPARTMENTS:
        department = Department.objects.get_or_create(
            agency=agency, code=code, defaults={"name": name}
        )[0]
        department.members.add(users[OFFICERS[code]])
        department.categories.add(*(categories[c] for c in {s[0] for s in ITEMS if s[1] == code}))
        departments[code] = department
    child_page(
        agency,
        DisclosureGuidePage,
        "guide",
        by=office,
        title="蛟川街道政府信息公开指南",
        body="<p>蛟川街道政府信息公开工作机构为街道党政办公室。</p>",
        revised_date=datetime.date(2012, 1, 4),
    )
    reviewers = {
        "分管领导审签": users["jc_fenguan"],
        "保密审查": users["jc_baomi"],
        "党政办终审发布": office,
    }
    for spec in ITEMS:
        author = users[OFFICERS[spec[1]]]
        item = _item(categories[spec[0]], departments[spec[1]], author, spec)
        if not item.live and item.current_workflow_state is None:
            review_and_publish(item, author, reviewers)
    pending = _item(
        categories[IN_REVIEW[0]], departments[IN_REVIEW[1]], users[OFFICERS["CZS"]], IN_REVIEW
    )
    if pending.current_workflow_state is None and not pending.live:
        pending.get_workflow().start(pending, users[OFFICERS["CZS"]])
    return agency
