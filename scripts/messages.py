"""Update the English catalogue of the plugin's strings, then compile it.

Every app's strings go to one catalogue, ``src/gov_disclosure/core/locale/en`` (Django merges
the catalogues of all apps, so one is enough). After running this, translate the new
entries in django.po and run it again with --compile. Needs GNU gettext.

``locale/zh_Hans`` holds, by hand, the Chinese of Wagtail's own strings that Wagtail 8.0's
zh_Hans catalogue leaves untranslated (django.po and the admin's JavaScript, djangojs.po);
``--compile`` compiles it too. ``tests/core/test_admin_in_chinese.py`` finds what is missing.

    .venv/bin/python scripts/messages.py [--compile]
"""

import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "gov_disclosure"
LOCALE = PACKAGE / "core" / "locale"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    os.chdir(PACKAGE)
    with override_settings(LOCALE_PATHS=[LOCALE]):
        if "--compile" in sys.argv:
            call_command("compilemessages", locale=["en", "zh_Hans"])
        else:
            # The demo's text is Chinese content, not interface.
            call_command("makemessages", locale=["en"], ignore_patterns=["demo/*"])


if __name__ == "__main__":
    main()
