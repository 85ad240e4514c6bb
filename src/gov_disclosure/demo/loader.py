"""Builds the demo subdistrict; running it again changes nothing."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from gov_disclosure.core.origin import default_site, default_site_follow_origin, site_origin
from gov_disclosure.pages import roles
from gov_disclosure.pages.models import (
    Department,
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosurePortalPage,
    ItemAttachment,
    ItemRelation,
    RelationKind,
)
from gov_disclosure.pages.selectors import disclosure_collection

from . import content, second_agency
from .assessment import demo_assessment_load
from .building import child_page, morning_of, review_and_publish
from .feedback import demo_campaign_load, demo_proposals_load, demo_ratings_load
from .letters import demo_letters_load
from .reports import demo_report_load
from .requests import demo_requests_load
from .standards import demo_standards_load
from .website_report import demo_website_report_load

# Shown at start by load_demo; these accounts exist only in demo databases.
DEMO_PASSWORD = "demo-zhuangshi-2012"
DEMO_USERS = [
    ("admin", "系统管理员", None),
    ("quzwgk", "区政务公开办", roles.DISTRICT_OFFICE),
    ("xinxiyuan", "信息员（党政办公室）", roles.INFORMATION_OFFICER),
    ("fenguan", "分管领导", roles.LEADER_IN_CHARGE),
    ("baomi", "保密审查员", roles.CONFIDENTIALITY_REVIEWER),
    ("dangzhengban", "党政办", roles.OFFICE),
    ("jiandu", "纪工委监督", roles.SUPERVISOR),
]

Progress = Callable[[int, int, str], None]


@dataclass
class DemoResult:
    agency: DisclosureIndexPage
    items_created: int
    items_total: int


def _agency_parent(by) -> Page:
    """Where the demo agency goes: under a host site's own home page when the site has one
    that may hold an agency (``AGENCY_PARENT_PAGE_TYPES``); otherwise under a portal that
    becomes the default site's root, replacing Wagtail's empty placeholder page."""
    site = default_site()
    home = site.root_page.specific if site else None
    if (
        home is not None
        and type(home) not in (Page, DisclosurePortalPage)
        and DisclosureIndexPage.can_create_at(home)
    ):
        return home
    root = Page.get_first_root_node()
    portal = child_page(
        root,
        DisclosurePortalPage,
        "gov",
        by=by,
        title="政府信息公开平台",
        intro="<p>本平台集中发布各机关依法主动公开的政府信息。</p>",
    )
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=portal, is_default_site=True)
    elif site.root_page_id != portal.pk:
        previous_root = site.root_page
        site.root_page = portal
        site.site_name = "政府信息公开平台"
        site.save()
        # Wagtail's placeholder home page is of no use once the portal is the root.
        if previous_root.specific_class is Page and not previous_root.get_children().exists():
            previous_root.delete()
    return portal


def _site_follow_origin() -> None:
    """Before anything is published: the feed, the sitemap and mails name the items at the
    address ``./scripts/run`` serves (WAGTAILADMIN_BASE_URL), not Wagtail's localhost:80."""
    if site_origin():
        default_site_follow_origin()


def _officer_username(department_code: str) -> str:
    # 党政办公室's officer keeps the short name printed at start.
    return "xinxiyuan" if department_code == "DZB" else f"xinxiyuan_{department_code.lower()}"


def demo_accounts() -> list[tuple[str, str, str | None]]:
    officers = [
        (_officer_username(code), f"信息员（{name}）", roles.INFORMATION_OFFICER)
        for code, name in content.DEPARTMENTS
        if code != "DZB"
    ]
    return DEMO_USERS + officers


def _users() -> dict[str, object]:
    User = get_user_model()
    users = {}
    for username, display_name, role in demo_accounts():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=display_name,
                email=f"{username}@example.gov.cn",
                is_staff=role is None,
                is_superuser=role is None,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[username] = user
    return users


def _grant_roles(users: dict[str, object], agency: DisclosureIndexPage) -> None:
    for username, _display_name, role in demo_accounts():
        if role == roles.DISTRICT_OFFICE:
            users[username].groups.add(roles.district_group_ensure())
        elif role:
            roles.role_grant(user=users[username], agency=agency, role=role)


def demo_accounts_by_place() -> list[tuple[str, list[tuple[str, str]]]]:
    """Who is who, as load_demo prints it: the platform's accounts, then each agency's."""
    platform, zhuangshi = [], []
    for username, display_name, role in demo_accounts():
        place = platform if role in (None, roles.DISTRICT_OFFICE) else zhuangshi
        place.append((username, display_name))
    return [
        ("平台（镇海区）", platform),
        (content.AGENCY_SHORT, zhuangshi),
        ("蛟川街道", [(username, shown) for username, shown, _role in second_agency.ACCOUNTS]),
    ]


def _categories(agency: DisclosureIndexPage, by) -> dict[tuple[str, ...], DisclosureCategoryPage]:
    categories = {}
    for code, title, children in content.CATEGORIES:
        category = child_page(
            agency, DisclosureCategoryPage, f"c{code}", by=by, title=title, code=code
        )
        categories[(code,)] = category
        if isinstance(children, list):
            for subcode, subtitle, _count in children:
                categories[(code, subcode)] = child_page(
                    category,
                    DisclosureCategoryPage,
                    f"c{code}{subcode}",
                    by=by,
                    title=subtitle,
                    code=subcode,
                )
    return categories


def _attachments(spec: content.ItemSpec, owner) -> list[ItemAttachment]:
    Document = get_document_model()
    collection = disclosure_collection()
    attachments = []
    for attachment in spec.attachments:
        document = Document(title=attachment.title, uploaded_by_user=owner, collection=collection)
        document.file.save(attachment.filename, ContentFile(attachment.content), save=False)
        document.save()
        attachments.append(ItemAttachment(document=document, title=attachment.title))
    return attachments


def _departments(agency, users, specs, categories) -> dict[str, Department]:
    """The 8 departments, each with its information officer and the categories it reports to."""
    departments = {}
    for code, name in content.DEPARTMENTS:
        department = Department.objects.get_or_create(
            agency=agency, code=code, defaults={"name": name}
        )[0]
        department.members.add(users[_officer_username(code)])
        reported = {spec.category_path[:1] for spec in specs if spec.department == code}
        department.categories.add(*(categories[path] for path in reported))
        departments[code] = department
    return departments


def _create_item(
    category: DisclosureCategoryPage,
    spec: content.ItemSpec,
    departments: dict[str, Department],
    users: dict[str, object],
    reviewers: dict[str, object],
) -> None:
    author = users[_officer_username(spec.department)]
    item = DisclosureItemPage(
        first_published_at=morning_of(spec.publish_date),
        title=spec.title,
        live=False,
        owner=author,
        subject=spec.subject,
        genre=spec.genre,
        publisher=departments[spec.department],
        document_number=spec.document_number,
        written_date=spec.written_date,
        # Historical items keep their real 发布日期; the 索引号 follows its year.
        publish_date=spec.publish_date,
        validity=spec.validity,
        effective_date=spec.effective_date,
        abolished_date=spec.abolished_date,
        summary=spec.summary,
        keywords=spec.keywords,
        body=[{"type": kind, "value": value} for kind, value in spec.body],
    )
    item.attachments = _attachments(spec, author)
    if spec.interprets:
        # Published before it, in the same 法规公文 category.
        document = DisclosureItemPage.objects.descendant_of(category.get_parent()).get(
            title=spec.interprets
        )
        item.relations = [
            ItemRelation(
                target=document,
                kind=RelationKind.INTERPRETATION,
                interpretation_form=spec.interpretation_form,
            )
        ]
    category.add_child(instance=item)
    item.save_revision(user=author)
    review_and_publish(item, author, reviewers)


def demo_load(*, corpus_path: Path, progress: Progress | None = None) -> DemoResult:
    """Build 庄市街道 with its catalogue, guide, departments, roles' users and 174 items."""
    specs = content.build_items(corpus_path)
    with transaction.atomic():
        users = _users()
        # The system administrator sets up the platform and the agency; 党政办 runs
        # the catalogue from there on, within its page permissions.
        admin, office = users["admin"], users["dangzhengban"]
        parent = _agency_parent(admin)
        _site_follow_origin()
        agency_fields = {k: v for k, v in content.AGENCY.items() if k != "slug"}
        agency = child_page(
            parent, DisclosureIndexPage, content.AGENCY["slug"], by=admin, **agency_fields
        )
        _grant_roles(users, agency)
        categories = _categories(agency, office)
        departments = _departments(agency, users, specs, categories)
        reviewers = {
            "分管领导审签": users["fenguan"],
            "保密审查": users["baomi"],
            "党政办终审发布": office,
        }
        child_page(
            agency,
            DisclosureGuidePage,
            "guide",
            by=office,
            title=f"{content.AGENCY_SHORT}政府信息公开指南",
            body=content.GUIDE_HTML,
            revised_date=datetime.date(content.YEAR, 1, 4),
        )

    created = 0
    for done, spec in enumerate(specs, 1):
        category = categories[spec.category_path]
        if not DisclosureItemPage.objects.child_of(category).filter(title=spec.title).exists():
            with transaction.atomic():
                _create_item(category, spec, departments, users, reviewers)
            created += 1
        if progress:
            progress(done, len(specs), spec.title)
    with transaction.atomic():
        demo_standards_load(agency=agency, office=office)
    with transaction.atomic():
        second_agency.demo_second_agency_load(parent=parent, admin=admin, password=DEMO_PASSWORD)
    with transaction.atomic():
        demo_requests_load(agency=agency, users=users)
    with transaction.atomic():
        demo_letters_load(agency=agency, users=users)
    with transaction.atomic():
        demo_ratings_load(agency=agency, office=users["dangzhengban"])
        demo_proposals_load(agency=agency, office=users["dangzhengban"])
        demo_campaign_load(agency=agency, office=users["dangzhengban"])
    with transaction.atomic():
        report = demo_report_load(agency=agency, office=office)
        if report is not None:
            review_and_publish(report, office, reviewers)
    with transaction.atomic():
        website_report = demo_website_report_load(agency=agency, office=office)
        if website_report is not None:
            review_and_publish(website_report, office, reviewers)
    with transaction.atomic():
        demo_assessment_load(agency=agency, district_user=users["quzwgk"])
    return DemoResult(agency=agency, items_created=created, items_total=len(specs))
