import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from gov_disclosure.pages.models import (
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosurePortalPage,
)
from tests.factories import (
    AgencyFactory,
    CategoryFactory,
    DepartmentFactory,
    GuideFactory,
    ItemFactory,
)


class TreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.portal = DisclosurePortalPage(title="平台", slug="portal")
        root.add_child(instance=cls.portal)
        cls.agency = AgencyFactory(parent=cls.portal)
        cls.category = CategoryFactory(parent=cls.agency, code="02")
        cls.subcategory = CategoryFactory(parent=cls.category, code="01")
        cls.item = ItemFactory(
            parent=cls.subcategory, publisher=DepartmentFactory(agency=cls.agency)
        )

    def test_agency_roots_sit_under_the_site_root_or_a_portal(self):
        self.assertAllowedParentPageTypes(DisclosureIndexPage, {Page, DisclosurePortalPage})
        self.assertAllowedSubpageTypes(
            DisclosureIndexPage, {DisclosureCategoryPage, DisclosureGuidePage}
        )

    def test_a_portal_holds_several_agencies(self):
        AgencyFactory(parent=self.portal)
        self.assertAllowedParentPageTypes(DisclosurePortalPage, {Page})
        self.assertAllowedSubpageTypes(DisclosurePortalPage, {DisclosureIndexPage})
        self.assertEqual(self.portal.get_children().type(DisclosureIndexPage).count(), 2)

    def test_categories_nest_one_level_only(self):
        self.assertCanCreateAt(DisclosureIndexPage, DisclosureCategoryPage)
        self.assertTrue(DisclosureCategoryPage.can_create_at(self.category))
        self.assertFalse(DisclosureCategoryPage.can_create_at(self.subcategory))

    def test_a_category_with_subcategories_cannot_become_a_subcategory(self):
        other_top = CategoryFactory(parent=self.agency, code="03")
        self.assertFalse(self.category.can_move_to(other_top))
        lone = CategoryFactory(parent=self.agency, code="04")
        self.assertTrue(lone.can_move_to(other_top))

    def test_items_live_only_in_categories_and_are_leaves(self):
        self.assertAllowedParentPageTypes(DisclosureItemPage, {DisclosureCategoryPage})
        self.assertAllowedSubpageTypes(DisclosureItemPage, set())
        self.assertFalse(DisclosureItemPage.can_create_at(self.agency))
        self.assertTrue(DisclosureItemPage.can_create_at(self.subcategory))

    def test_one_guide_per_agency(self):
        self.assertAllowedParentPageTypes(DisclosureGuidePage, {DisclosureIndexPage})
        self.assertTrue(DisclosureGuidePage.can_create_at(self.agency))
        GuideFactory(parent=self.agency)
        self.assertFalse(DisclosureGuidePage.can_create_at(self.agency))
        self.assertTrue(DisclosureGuidePage.can_create_at(AgencyFactory(parent=self.portal)))

    def test_full_code_joins_parent_and_child_codes(self):
        self.assertEqual(self.subcategory.full_code, "0201")
        self.assertEqual(self.category.full_code, "02")


@pytest.mark.django_db
def test_admin_refuses_a_third_category_level(admin_client, root_page):
    agency = AgencyFactory(parent=root_page)
    sub = CategoryFactory(parent=CategoryFactory(parent=agency))

    url = f"/admin/pages/add/disclosure_pages/disclosurecategorypage/{sub.pk}/"
    form_page = admin_client.get(url)
    posted = admin_client.post(url, {"title": "第三级", "slug": "third", "code": "09"})

    assert form_page.status_code == 302 and form_page.url == "/admin/"
    assert posted.status_code == 302
    assert not DisclosureCategoryPage.objects.filter(slug="third").exists()


@pytest.mark.django_db
def test_a_site_chooses_the_pages_an_agency_and_a_portal_go_under(root_page, disclosure_settings):
    """By default both may sit at the tree's root (or a host's home page); a site that names
    other page types takes the root away, and types of apps it lacks are left out."""
    assert DisclosureIndexPage.can_create_at(root_page)
    assert DisclosurePortalPage.can_create_at(root_page)

    disclosure_settings.AGENCY_PARENT_PAGE_TYPES = ["home.HomePage", "no.Such"]

    assert not DisclosureIndexPage.can_create_at(root_page)
    assert not DisclosurePortalPage.can_create_at(root_page)
    assert DisclosureIndexPage.allowed_parent_page_models() == [DisclosurePortalPage]
    portal = root_page.add_child(instance=DisclosurePortalPage(title="公开平台", slug="gov"))
    assert DisclosureIndexPage.can_create_at(portal)
