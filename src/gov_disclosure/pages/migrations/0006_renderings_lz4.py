from django.db import migrations

from gov_disclosure.core.migration_operations import lz4_compressed


class Migration(migrations.Migration):
    """A stored rendering is read by every uncached item page."""

    dependencies = [("disclosure_pages", "0005_item_rendering_and_newest_first")]

    operations = [lz4_compressed("disclosure_pages", "ItemRendering", "article")]
