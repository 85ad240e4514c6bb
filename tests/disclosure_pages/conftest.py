import pytest

from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory


@pytest.fixture
def agency(root_page):
    return AgencyFactory(parent=root_page)


@pytest.fixture
def department(agency):
    return DepartmentFactory(agency=agency, name="党政办公室", code="DZB")


@pytest.fixture
def category(agency):
    return CategoryFactory(parent=agency, title="法规公文", code="02")


@pytest.fixture
def make_item(category, department):
    """Create an unpublished item in ``category`` (or another parent)."""

    def make(parent=None, **fields):
        fields.setdefault("publisher", department)
        return ItemFactory(parent=parent or category, **fields)

    return make


@pytest.fixture
def publish():
    def publish(page, user=None):
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
        return page

    return publish
