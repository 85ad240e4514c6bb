"""Signal receivers: thin, each hands over to a service."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from . import public_changes, roles
from .models import DisclosureIndexPage, DisclosureItemPage
from .services import item_assign_index_number


def assign_index_number_on_publish(sender, instance, **kwargs):
    item_assign_index_number(item=instance)


def create_roles_of_new_agency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        roles.agency_roles_ensure(agency=instance)


def sync_role_groups(sender, **kwargs):
    # After every migrate: permissions a migration granted a role's template reach the
    # role's group in every agency.
    roles.role_groups_sync()


def connect() -> None:
    post_save.connect(
        create_roles_of_new_agency,
        sender=DisclosureIndexPage,
        dispatch_uid="disclosure_pages.agency_roles",
    )
    page_published.connect(
        assign_index_number_on_publish,
        sender=DisclosureItemPage,
        dispatch_uid="disclosure_pages.assign_index_number",
    )
    # After the 索引号: what follows public changes reads the numbered item.
    public_changes.connect()
