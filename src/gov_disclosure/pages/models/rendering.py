from django.db import models

from .item import DisclosureItemPage


class ItemRendering(models.Model):
    """A live item's public form, rendered once per published revision.

    The page view reads it instead of rendering the body's blocks, the attachments and
    the breadcrumbs again for every visitor (see gov_disclosure.pages.rendering).
    """

    item = models.OneToOneField(
        DisclosureItemPage, primary_key=True, on_delete=models.CASCADE, related_name="rendering"
    )
    # What it was rendered from; a stored rendering that differs in any is not used.
    revision_id = models.BigIntegerField(null=True)
    site_id = models.BigIntegerField(null=True)
    fingerprint = models.CharField(max_length=32)
    breadcrumbs = models.TextField()
    article = models.TextField()
    agency_name = models.CharField(max_length=120, blank=True)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"rendering of item {self.item_id} (revision {self.revision_id})"
