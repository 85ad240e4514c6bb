import datetime

import factory
from django.contrib.auth import get_user_model
from wagtail.test.utils.wagtail_factories import DocumentFactory, PageFactory

from gov_disclosure.pages import roles
from gov_disclosure.pages.models import (
    Department,
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    Genre,
    Subject,
)
from gov_disclosure.pages.validators import org_code_check_char, uscc_check_char

PASSWORD = "test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A staff member; ``role`` is a role of gov_disclosure.pages.roles, held in
    ``role__agency`` (区政务公开办 is held on the platform, without one)."""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.gov.cn")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def role(user, create, extracted, agency=None, **kwargs):
        if not extracted:
            return
        if extracted == roles.DISTRICT_OFFICE:
            user.groups.add(roles.district_group_ensure())
        else:
            assert agency is not None, "a role is held in an agency: pass role__agency"
            roles.role_grant(user=user, agency=agency, role=extracted)


def valid_uscc(n: int) -> str:
    """A 统一社会信用代码 with correct check characters, distinct for each ``n``."""
    org_body = f"{n:08d}"
    body = "11330211" + org_body + org_code_check_char(org_body)
    return body + uscc_check_char(body)


class AgencyFactory(PageFactory):
    title = factory.Sequence(lambda n: f"测试街道{n}政府信息公开")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    agency_name = factory.Sequence(lambda n: f"测试区人民政府测试街道{n}办事处")
    org_code = factory.Sequence(lambda n: valid_uscc(n + 1))
    disclosure_office = "党政办公室"
    address = "测试路1号"
    office_hours = "工作日 8:30—17:00"
    phone = "0574-12345678"

    class Meta:
        model = DisclosureIndexPage


class DepartmentFactory(factory.django.DjangoModelFactory):
    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"部门{n}")
    code = factory.Sequence(lambda n: f"D{n}")

    class Meta:
        model = Department


class CategoryFactory(PageFactory):
    title = factory.Sequence(lambda n: f"分类{n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    code = factory.Sequence(lambda n: f"{n % 100:02d}")

    class Meta:
        model = DisclosureCategoryPage


class GuideFactory(PageFactory):
    title = "公开指南"
    slug = "guide"
    body = "<p>指南</p>"

    class Meta:
        model = DisclosureGuidePage


class ItemFactory(PageFactory):
    """An item; ``live=False`` by default so tests publish it the way editors do."""

    title = factory.Sequence(lambda n: f"关于政府信息公开工作的通知（{n}）")
    slug = factory.Sequence(lambda n: f"item-{n}")
    live = False
    subject = Subject.GENERAL
    genre = Genre.NOTICE
    written_date = datetime.date(2024, 3, 1)
    summary = "通知的内容概述。"

    class Meta:
        model = DisclosureItemPage


__all__ = [
    "AgencyFactory",
    "CategoryFactory",
    "DepartmentFactory",
    "DocumentFactory",
    "GuideFactory",
    "ItemFactory",
    "valid_uscc",
]
