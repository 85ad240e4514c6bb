"""Every role meets a Chinese admin: each role of the demo's 庄市街道 (and the district's
区政务公开办) walks the admin pages it can reach from its dashboard, and no English word
outside the names a Chinese office uses (PDF, RSS, API …) appears in what it reads."""

import io
import json
import re
from collections import deque

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, TestCase
from lxml import html as lxml_html
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.review.services import task_state_decide

# Names, formats and identifiers a Chinese office writes in Latin letters.
ALLOWED = {
    "API", "ATOM", "CSV", "DOC", "DOCX", "ET", "EXCEL", "HTML", "HTTP", "HTTPS", "ID", "JPEG",
    "JPG", "JSON", "OFD", "PDF", "PNG", "RSS", "TXT", "URL", "UTC", "WPS", "XLS", "XLSX",
    "KB", "MB", "GB", "GIF", "WEBP", "AVIF", "SVG",
    "COOKIE",
    "WAGTAIL", "ENGLISH", "ASIA", "SHANGHAI",  # a product's, a language's, a time zone's name
}  # fmt: skip
# Latin runs. Codes are data: mixing letters and digits (查询码 1J90-GA4C), short capitals (a
# department's code, SWB) or cases at random (a stored file's suffix, YrDYHOo); so are mail
# addresses, web addresses and paths. Words are lower case, capitalised or capitals.
TOKEN = re.compile(r"[A-Za-z0-9]+")
DATA = re.compile(r"\S+@\S+|https?://\S+|/[\w./-]+/")
ROLES = ["xinxiyuan", "fenguan", "baomi", "dangzhengban", "jiandu", "quzwgk"]
# GET only; these would leave, download or lead nowhere new.
SKIPPED = re.compile(r"/logout/|/export|[?&]export=|/documents/\d+/|/download|/jsi18n/|/preview/")
MAX_PAGES = 250


def shape(path: str) -> str:
    """One page of each kind: numbers and query values do not make a new page."""
    path = re.sub(r"\d+", "N", path.split("#", 1)[0])
    base, _, query = path.partition("?")
    return base + (
        "?" + ",".join(sorted(p.split("=")[0] for p in query.split("&"))) if query else ""
    )


def walk(client) -> dict[str, set[str]]:
    """English words per page, over the admin pages reachable from the dashboard (GET only)."""
    queue, seen, found = deque(["/admin/"]), set(), {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if shape(path) in seen or SKIPPED.search(path):
            continue
        seen.add(shape(path))
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        document = lxml_html.fromstring(response.content)
        menu_urls, menu_labels = sidebar_menu(document)
        for href in [*document.xpath("//a/@href"), *menu_urls]:
            if href.startswith("/admin/"):
                queue.append(href)
        if words := english_words(document) | words_of(menu_labels):
            found[path] = words
    return found


def sidebar_menu(document) -> tuple[list[str], list[str]]:
    """The admin menu's addresses and labels, which Wagtail renders from JSON by script."""
    urls, labels = [], []

    def visit(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str):
                urls.append(node["url"])
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for props in document.xpath('//script[@id="wagtail-sidebar-props"]/text()'):
        visit(json.loads(props))
    return urls, labels


def english_words(document) -> set[str]:
    for hidden in document.xpath(
        "//script|//style|//template|//noscript|//svg|//code|//pre|//iframe|//*[@hidden]"
        # Marked as not for translation: user names and the like.
        '|//*[@translate="no"]'
    ):
        hidden.drop_tree()
    texts = document.xpath("//body//text()")
    for attribute in ("placeholder", "title", "aria-label", "alt"):
        texts += document.xpath(f"//body//@{attribute}")
    return words_of(texts)


def words_of(texts) -> set[str]:
    return {
        token
        for text in texts
        for token in TOKEN.findall(DATA.sub(" ", text))
        if len(token) > 1
        and token.isalpha()
        and token.upper() not in ALLOWED
        and not (token.isupper() and len(token) <= 4)
        and (token.islower() or token.istitle() or token.isupper())
    }


class AdminInChineseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())
        # One 庄市 item waiting in review, so the reviewers' pages have something to show.
        item = DisclosureItemPage.objects.live().order_by("path").first()
        item.summary += "（修订）"
        item.save_revision(user=item.owner)
        state = item.get_workflow().start(item, item.owner)
        # Past 分管领导审签: the 保密审查员 has it on the dashboard.
        task_state_decide(
            task_state=state.current_task_state,
            user=get_user_model().objects.get(username="fenguan"),
            decision="approve",
        )
        cls.category = item.get_parent()

    def test_every_role_reads_chinese(self):
        english = {}  # word → (role, first page it is on)
        for username in ROLES:
            client = Client()
            client.force_login(get_user_model().objects.get(username=username))
            for path, words in walk(client).items():
                for word in words:
                    english.setdefault(word, (username, path))

        self.assertEqual(english, {})

    def test_forms_with_errors_and_the_login_read_chinese(self):
        officer = Client()
        officer.force_login(get_user_model().objects.get(username="xinxiyuan"))
        add_item = f"/admin/pages/add/disclosure_pages/disclosureitempage/{self.category.pk}/"
        # The form as the browser sends it, with nothing typed in.
        form = querydict_from_html(officer.get(add_item).content.decode(), form_id="page-edit-form")
        form["body-count"] = "0"
        anonymous = Client()
        pages = {
            "item form with errors": officer.post(add_item, form),
            "login": anonymous.get("/admin/login/"),
            "login refused": anonymous.post(
                "/admin/login/", {"username": "xinxiyuan", "password": "wrong"}
            ),
        }

        english = {
            name: english_words(lxml_html.fromstring(response.content))
            for name, response in pages.items()
        }

        self.assertIn("未能创建", pages["item form with errors"].content.decode())
        self.assertEqual({name: words for name, words in english.items() if words}, {})
