"""A site made by `wagtail start` adopts the plugin with the README's recipe, as a stranger would.

The wheel is built and installed into a fresh virtualenv; `wagtail start` makes the site; the
two Python blocks of the README's "Add to an existing Wagtail site" are read from the README and
appended to its settings and URLs; then `check`, `makemigrations --check`, `migrate` and
`load_demo` run, the site is served, and what a host and the office would notice is checked
over HTTP: the host's own pages and documents, the feed, an item page, search, and an item that
an information officer writes in the admin and three reviewers approve until it is live.
The host has no Celery: indexing and mails run in its web process.
"""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[2]
HEADING = "## Add to an existing Wagtail site"
ITEM_TITLE = "关于开展2026年冬季消防安全检查的通知"


def readme_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{HEADING}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def code_lines(block: str) -> list[str]:
    return [
        line for line in block.splitlines() if line.strip() and not line.strip().startswith("#")
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Host:
    folder: Path
    python: Path
    base_url: str
    env: dict
    password: str
    outputs: dict

    def manage(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [str(self.python), "manage.py", *args],
            cwd=self.folder, env=self.env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
        return result.stdout + result.stderr

    def shell(self, code: str) -> dict:
        """Run ``code`` in the site's shell; it prints one JSON object."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def get(self, path: str, session=None, **kwargs) -> requests.Response:
        return (session or requests).get(self.base_url + path, timeout=30, **kwargs)


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(arg) for arg in args], capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    work = tmp_path_factory.mktemp("adoption")
    # Built from a copy of what the distribution is made of, so no build folder is left here.
    source = work / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = work / "wheel"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source)
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("wagtail_gov_disclosure-*.whl")

    assert run(sys.executable, "-m", "venv", work / "venv").returncode == 0
    python = work / "venv" / "bin" / "python"
    installed = run(python, "-m", "pip", "install", "-q", wheel, timeout=900)
    require_service(
        installed.returncode == 0 or "Could not find" not in installed.stderr,
        "needs the package index to install the plugin's dependencies",
    )
    assert installed.returncode == 0, installed.stderr

    # A clean environment: nothing of this test run's settings or services leaks in.
    env = {"PATH": os.environ["PATH"], "HOME": str(work), "LANG": "C.UTF-8"}
    folder = work / "site"
    folder.mkdir()
    started = run(work / "venv" / "bin" / "wagtail", "start", "host", folder, env=env)
    assert started.returncode == 0, started.stderr

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    settings_block, urls_block = readme_blocks()
    settings_path = folder / "host" / "settings" / "base.py"
    # As the README says: the site's public address in the setting `wagtail start` wrote.
    settings_text = settings_path.read_text(encoding="utf-8")
    assert 'WAGTAILADMIN_BASE_URL = "http://example.com"' in settings_text
    settings_path.write_text(
        settings_text.replace('"http://example.com"', f'"{base_url}"') + "\n" + settings_block,
        encoding="utf-8",
    )
    with (folder / "host" / "urls.py").open("a") as urls_file:
        urls_file.write("\n" + urls_block)

    site = Host(folder, python, "", env, "", {})
    site.outputs["check"] = site.manage("check", "--fail-level", "WARNING")
    site.outputs["makemigrations"] = site.manage("makemigrations", "--check", "--dry-run")
    site.outputs["migrate"] = site.manage("migrate", "--no-input")
    site.outputs["site_origin"] = site.manage("site_origin")
    site.outputs["load_demo"] = site.manage("load_demo")
    site.password = re.search(r"密码均为 (\S+?)）", site.outputs["load_demo"]).group(1)

    site.base_url = base_url
    server = subprocess.Popen(
        [str(python), "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                site.get("/")
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_recipe_is_two_short_blocks_and_the_site_passes_its_checks(host):
    blocks = readme_blocks()

    assert len(blocks) == 2
    assert sum(len(code_lines(block)) for block in blocks) <= 12
    assert "System check identified no issues" in host.outputs["check"]
    assert "No changes detected" in host.outputs["makemigrations"]
    assert "共 174 条公开信息" in host.outputs["load_demo"]
    assert f"默认站点地址已改为 {host.base_url}" in host.outputs["site_origin"]


def test_the_hosts_home_page_and_its_own_search_still_answer(host):
    home = host.get("/")
    search = host.get("/search/", params={"query": "预算"})
    agency = host.get("/zhuangshi/")

    assert home.status_code == 200 and "template-homepage" in home.text
    assert search.status_code == 200 and "<h1>Search</h1>" in search.text
    # The demo agency went under the host's own home page.
    assert agency.status_code == 200 and "庄市街道" in agency.text


def test_a_host_document_no_disclosure_page_uses_is_still_served(host):
    document = host.shell(
        "import json; from django.core.files.base import ContentFile; "
        "from wagtail.documents.models import Document; "
        "d = Document(title='活动海报'); d.file.save('poster.txt', ContentFile(b'host file'), "
        "save=False); d.save(); print(json.dumps({'url': d.url}))"
    )
    response = host.get(document["url"])

    assert response.status_code == 200 and response.content == b"host file"


def feed_records(host) -> list[dict]:
    records, url = [], host.base_url + "/api/disclosure/v1/items/"
    while url:
        page = requests.get(url, timeout=30).json()
        records += page["results"]
        url = page["next"] if page["has_more"] else None
    return records


def test_the_feed_lists_all_demo_items_of_both_subdistricts(host):
    records = feed_records(host)
    by_agency = Counter(record["agency"]["name"] for record in records)

    # 庄市街道's 174, and 蛟川街道's five published (its sixth is still in review).
    assert by_agency == {
        "宁波市镇海区人民政府庄市街道办事处": 174,
        "宁波市镇海区人民政府蛟川街道办事处": 5,
    }
    assert len({record["index_number"] for record in records}) == 179


def test_an_item_page_shows_its_index_number(host):
    record = feed_records(host)[0]
    assert record["url"].startswith(host.base_url + "/")
    page = host.get(record["url"].removeprefix(host.base_url))

    assert page.status_code == 200
    assert record["index_number"] in page.text and record["title"] in page.text


def test_the_search_api_finds_budget_items(host):
    found = host.get("/api/search/", params={"q": "预算"}).json()

    assert found["total"] > 0
    assert all("预算" in json.dumps(hit, ensure_ascii=False) for hit in found["hits"])


def test_the_hosts_applicants_and_writers_are_stored_encrypted(host):
    with sqlite3.connect(host.folder / "db.sqlite3") as database:
        stored = database.execute(
            "SELECT name, phone FROM disclosure_requests_applicant "
            "UNION ALL SELECT name, phone FROM disclosure_letters_letterwriter"
        ).fetchall()
    assert stored and all(v.startswith("gde1:") for row in stored for v in row)


def login(host, username: str) -> requests.Session:
    session = requests.Session()
    host.get("/admin/login/", session=session)
    response = session.post(
        host.base_url + "/admin/login/",
        data={
            "username": username,
            "password": host.password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, f"{username} could not sign in"
    return session


def test_an_item_written_in_the_admin_passes_three_steps_and_goes_live(host):
    from wagtail.test.utils.form_data import querydict_from_html

    category = host.shell(
        "import json; from gov_disclosure.pages.models import Department; "
        "d = Department.objects.get(code='DZB', agency__slug='zhuangshi'); "
        "print(json.dumps({'id': d.categories.order_by('path').first().pk, 'department': d.pk}))"
    )
    officer = login(host, "xinxiyuan")
    add_url = f"/admin/pages/add/disclosure_pages/disclosureitempage/{category['id']}/"
    form = querydict_from_html(host.get(add_url, session=officer).text, form_id="page-edit-form")
    form.update(
        {
            "title": ITEM_TITLE,
            "subject": "民政、扶贫、救灾",
            "genre": "办事指南",
            "publisher": str(category["department"]),
            "written_date": "2026-12-01",
            "summary": "街道组织开展冬季消防安全检查。",
            "body-count": "0",
            "action-submit": "submit",
            "csrfmiddlewaretoken": officer.cookies["csrftoken"],
        }
    )
    submitted = officer.post(host.base_url + add_url, data=form, allow_redirects=False)
    assert submitted.status_code == 302, submitted.text[-2000:]

    state_of = (
        "import json; from gov_disclosure.pages.models import DisclosureItemPage as I; "
        f"i = I.objects.get(title='{ITEM_TITLE}'); s = i.current_workflow_task_state; "
        "print(json.dumps({'item': i.pk, 'state': s and s.pk, 'task': s and s.task.name, "
        "'live': i.live, 'index_number': i.index_number, 'url': i.url}))"
    )
    for reviewer, step in [
        ("fenguan", "分管领导审签"),
        ("baomi", "保密审查"),
        ("dangzhengban", "党政办终审发布"),
    ]:
        state = host.shell(state_of)
        assert state["task"] == step and not state["live"]
        session = login(host, reviewer)
        approved = session.post(
            f"{host.base_url}/admin/pages/workflow/action/{state['item']}/approve/{state['state']}/",
            data={"csrfmiddlewaretoken": session.cookies["csrftoken"]},
            allow_redirects=False,
            timeout=30,
        )
        assert approved.status_code == 302, f"{reviewer}: {approved.status_code}"

    published = host.shell(state_of)
    assert published["live"] and published["index_number"]
    # Its address is the year and serial of its 索引号, not its title.
    assert published["url"].endswith("/" + published["index_number"].rsplit("/", 1)[1] + "/")
    page = host.get(published["url"])
    assert page.status_code == 200 and published["index_number"] in page.text
    found = host.get("/api/search/", params={"q": "冬季消防安全检查"}).json()
    assert ITEM_TITLE in [hit["title"] for hit in found["hits"]]
