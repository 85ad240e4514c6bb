from django.db import migrations


def drop_sqlite_builds(apps, schema_editor):
    # An FTS5 table cannot gain a column (title_chars): SQLite builds are dropped and
    # need a reindex. PostgreSQL and cluster builds keep answering, without the title
    # lift of one-character words, until theirs.
    if schema_editor.connection.vendor != "sqlite":
        return
    generations = apps.get_model("disclosure_search", "IndexGeneration").objects.all()
    for pk in generations.values_list("pk", flat=True):
        schema_editor.execute(f"DROP TABLE IF EXISTS disclosure_search_fts_{int(pk)}")
    generations.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure_search', '0007_head_vector'),
    ]

    operations = [
        migrations.RunPython(drop_sqlite_builds, migrations.RunPython.noop),
    ]
