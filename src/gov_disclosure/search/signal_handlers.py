"""Index what the public sees (gov_disclosure.pages.public_changes): after commit, ids only."""

from django.db.models.signals import post_delete, post_save

from gov_disclosure.aggregation.signals import mirrors_changed
from gov_disclosure.pages.public_changes import public_pages_changed

from .models import AgencySearchSettings, SearchSettings, Synonym
from .results_cache import index_changed
from .services import index_rebuild_later, mirrors_index_refresh_later, page_index_refresh_later
from .synonyms import synonyms_changed


def refresh_changed_pages(sender, page_ids, **kwargs):
    for page_id in page_ids:
        page_index_refresh_later(page_id=page_id)


def refresh_changed_mirrors(sender, mirror_ids, **kwargs):
    mirrors_index_refresh_later(mirror_ids=mirror_ids)


def rebuild_on_settings_change(sender, instance, **kwargs):
    index_changed()  # what is hidden applies to results kept from now on
    index_rebuild_later()


def connect() -> None:
    public_pages_changed.connect(refresh_changed_pages, dispatch_uid="search.refresh")
    mirrors_changed.connect(refresh_changed_mirrors, dispatch_uid="search.mirrors")
    post_save.connect(
        rebuild_on_settings_change, sender=SearchSettings, dispatch_uid="search.settings"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            rebuild_on_settings_change,
            sender=AgencySearchSettings,
            dispatch_uid=f"search.agency_settings.{signal is post_save}",
        )
    # Synonyms apply when a search runs: the cached map is only cleared.
    post_save.connect(synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms")
    post_delete.connect(synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_deleted")
