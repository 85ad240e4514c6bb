import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from gov_disclosure.pages.models import DisclosureItemPage, Validity

LOCALE = Path(__file__).resolve().parents[2] / "src/gov_disclosure/core/locale/en/LC_MESSAGES"


def po_entries() -> dict[str, str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    pairs = re.findall(r'\nmsgid ((?:"[^\n]*"\n)+)msgstr ((?:"[^\n]*"\n)+)', text)

    def join(block: str) -> str:
        return "".join(re.findall(r'"(.*)"', block)).replace('\\"', '"')

    return {join(msgid): join(msgstr) for msgid, msgstr in pairs if join(msgid)}


def test_every_admin_string_has_an_english_translation_compiled():
    entries = po_entries()
    with (LOCALE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    assert entries, "no translations found"
    assert [m for m, s in entries.items() if not s] == []
    assert {m: compiled.gettext(m) for m in entries} == entries


def test_labels_follow_the_active_language():
    field = DisclosureItemPage._meta.get_field("index_number")
    with translation.override("en"):
        assert str(field.verbose_name) == "Index number"
        assert str(Validity.ABOLISHED.label) == "Abolished"
    with translation.override("zh-hans"):
        assert str(field.verbose_name) == "索引号"


@pytest.mark.django_db
def test_english_admin_user_sees_english_field_labels(admin_client, admin_user, make_item):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    item = make_item()

    html = admin_client.get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert "Date written" in html and "Publishing department" in html


def test_plural_entries_have_every_form_translated():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")

    assert re.findall(r'\nmsgstr\[\d\] ""\n(?!")', text) == []


def test_wagtail_strings_without_chinese_in_wagtail_read_chinese():
    # Wagtail 8.0's zh_Hans catalogue leaves these in English; the plugin's completes it.
    with translation.override("zh-hans"):
        assert translation.gettext("Go to the first error") == "转到第一处错误"
        assert translation.gettext("Autosave is paused") == "自动保存已暂停"
        assert (
            translation.ngettext(
                '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
                '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
                190,
            )
            % {"total": 190, "site_name": "平台"}
        ).startswith("190 个页面")
    with translation.override("en"):
        assert translation.gettext("Go to the first error") == "Go to the first error"


@pytest.mark.django_db
def test_the_admins_script_strings_read_chinese(admin_client):
    dashboard = admin_client.get("/admin/").content.decode()
    catalog = admin_client.get("/admin/disclosure-jsi18n/").content.decode()

    assert "/admin/disclosure-jsi18n/" in dashboard
    assert "\\u6b63\\u5728\\u81ea\\u52a8\\u4fdd\\u5b58" in catalog or "正在自动保存" in catalog
