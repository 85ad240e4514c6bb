"""Benchmark: does the search find what people mean, and how fast — this design against
the previous one and stock Wagtail search, on the same judged queries.

Run by hand, with ./scripts/services up (PostgreSQL, OpenSearch):
    eval "$(./scripts/services env)"
    .venv/bin/python bench/search_quality.py [--previous COMMIT] [--scale 100000]

The judged queries are bench/search_queries.json (bench/make_search_queries.py made
them from the shared corpus): topic queries of 2–3 words separated by spaces, phrases
without spaces, and known-item queries (a title with a word dropped, reordered, or one
character of the same sound wrong). Each configuration runs in its own process, with
the code of this checkout or of ``--previous`` (a git worktree made for the run), on a
fresh database (SQLite file or a PostgreSQL database of its own):

- quality: recall of the topic and phrase queries (every law containing every word),
  MRR and success@1 of the known-item queries (first 50 results), recall of single
  words (truth: every law containing the word);
- latency: ``GET /api/search/`` under gunicorn (4 workers) cycling through the
  judged queries, p50/p95 with 1 and with 8 clients;
- with ``--scale``: the corpus repeated to that many documents (PostgreSQL and
  OpenSearch, this design), latency again.

Figures go to bench/results/search_quality.json and are printed as a table.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import search_load  # noqa: E402

QUERIES_FILE = ROOT / "bench" / "search_queries.json"
RESULTS = ROOT / "bench" / "results" / "search_quality.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "laws.jsonl.gz"
SINGLE_WORDS = ["公开", "预算", "税", "罚", "安全生产", "环境保护", "行政许可", "监督检查"]
PREFIX = "disclosure-bench-quality-"
PORT = 8766
RANK_CUTOFF = 50


# -- the measuring process (one configuration) ----------------------------------------
def measure(args) -> dict:
    """Runs inside the code root of one design (this checkout or the previous one)."""
    sys.path[:0] = [str(args.code / "src"), str(args.code)]
    os.chdir(args.code)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_search"
    os.environ.update(
        DATABASE_URL=args.database, SEARCH_URL=args.engine, SEARCH_INDEX_PREFIX=PREFIX,
        DEBUG="false", CACHE_URL="locmemcache://",
    )  # fmt: skip
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    queries = json.loads(QUERIES_FILE.read_text())["queries"]
    from gov_disclosure.search.corpus import corpus_documents, substring_truth

    documents = list(corpus_documents(args.corpus))
    result = {"documents": len(documents)}
    if args.stock:
        result["quality"] = _stock_quality(args.corpus, queries, documents)
        return result
    from gov_disclosure.search.engines import current_engine

    engine = current_engine()
    engine.indexes_drop()
    started = time.perf_counter()
    name = engine.index_create()
    engine.documents_load(name, documents)
    engine.index_publish(name)
    result["load_seconds"] = round(time.perf_counter() - started, 1)
    try:
        from gov_disclosure.search.vocabulary import vocabulary_rebuild

        vocabulary_rebuild(titles=[d["title"] for d in documents], keywords=[])
    except ImportError:
        pass  # the previous design had no vocabulary
    truths = {word: substring_truth(documents, word) for word in SINGLE_WORDS}
    result["quality"] = _engine_quality(engine, queries, truths)
    result["latency"] = _latencies(args.code, queries)
    if args.scale:
        started = time.perf_counter()
        name = engine.index_create()
        engine.documents_load(name, _repeated(documents, args.scale))
        engine.index_publish(name)
        result["scaled"] = {
            "documents": args.scale,
            "load_seconds": round(time.perf_counter() - started, 1),
            "latency": _latencies(args.code, queries),
        }
    engine.indexes_drop()
    return result


def _repeated(documents: list[dict], target: int):
    for n in range(target):
        original = documents[n % len(documents)]
        copy = n // len(documents)
        title = original["title"] if copy == 0 else f"{original['title']}（副本{copy}）"
        yield {**original, "id": str(10_000_000 + n), "title": title}


def _engine_quality(engine, queries: list[dict], truths: dict[str, set[str]]) -> dict:
    from gov_disclosure.search.queries import SearchRequest, item_search
    from gov_disclosure.search.services import search_run

    def all_found(text: str) -> set[str]:
        search = item_search(text=text, index=engine.alias).extra(size=10_000, _source=False)
        return {hit["_id"] for hit in engine.execute(search)["hits"]["hits"]}

    def ranked(text: str) -> list[str]:
        results = search_run(request=SearchRequest(text=text, page_size=RANK_CUTOFF))
        return [hit.id for hit in results.hits]

    return _scores(queries, all_found, ranked, truths)


def _stock_quality(corpus: Path, queries: list[dict], documents: list[dict]) -> dict:
    """Stock Wagtail search (its database backend) over the laws as live pages."""
    from bench.common import load_pages
    from gov_disclosure.pages.models import DisclosureItemPage

    load_pages(corpus, None)
    # load_pages slugs a law "law-<id>"; its search document's id is id + 1.
    law_of = {
        page_id: str(int(slug.removeprefix("law-")) + 1)
        for page_id, slug in DisclosureItemPage.objects.values_list("pk", "slug")
    }

    def ranked(text: str) -> list[str]:
        found = DisclosureItemPage.objects.live().search(text, backend="stock")
        return [law_of[page.pk] for page in found]

    from gov_disclosure.search.corpus import substring_truth

    truths = {word: substring_truth(documents, word) for word in SINGLE_WORDS}
    return _scores(
        queries, lambda text: set(ranked(text)), lambda text: ranked(text)[:RANK_CUTOFF], truths
    )


def _scores(queries, all_found, ranked, truths) -> dict:
    recalls: dict[str, list[float]] = {"topic": [], "phrase": []}
    reciprocal, first = [], []
    for query in queries:
        relevant = set(query["relevant"])
        if query["kind"] in recalls:
            recalls[query["kind"]].append(len(all_found(query["text"]) & relevant) / len(relevant))
        else:
            order = ranked(query["text"])
            rank = order.index(query["relevant"][0]) + 1 if query["relevant"][0] in order else 0
            reciprocal.append(1 / rank if rank else 0.0)
            first.append(rank == 1)
    single = [len(all_found(word) & truth) / len(truth) for word, truth in truths.items()]
    return {
        "topic_recall": round(statistics.mean(recalls["topic"]), 3),
        "phrase_recall": round(statistics.mean(recalls["phrase"]), 3),
        "known_item_mrr": round(statistics.mean(reciprocal), 3),
        "known_item_success_at_1": round(sum(first) / len(first), 3),
        "single_word_recall": round(statistics.mean(single), 3),
    }


def _latencies(code: Path, queries: list[dict]) -> dict:
    texts = [query["text"] for query in queries] + SINGLE_WORDS
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "4",
         "--log-level", "warning"],
        cwd=code, env={**os.environ, "PYTHONPATH": f"{code / 'src'}:{code}"},
    )  # fmt: skip
    try:
        _wait_for(PORT)
        return {
            f"clients_{n}": search_load(
                PORT, texts, clients=n, per_client=max(40, len(texts) // n), warmup=3
            )
            for n in (1, 8)
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


# -- the driver -------------------------------------------------------------------------
def _run(label: str, code: Path, *, database: str, engine: str, corpus: Path, **flags) -> dict:
    if flags.get("skip"):
        return {}
    print(f"==> {label}", flush=True)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [
            sys.executable, __file__, "measure", "--code", str(code), "--database", database,
            "--engine", engine, "--corpus", str(corpus), "--out", out.name,
        ]  # fmt: skip
        if flags.get("stock"):
            command.append("--stock")
        if flags.get("scale"):
            command += ["--scale", str(flags["scale"])]
        subprocess.run(command, check=True)
        result = json.loads(Path(out.name).read_text())
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return result


def _postgres_database(base_url: str, name: str) -> str:
    """A fresh PostgreSQL database ``name`` on the server of ``base_url``."""
    import psycopg

    parts = urllib.parse.urlsplit(base_url)
    admin = parts._replace(scheme="postgresql").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl()


def drive(args) -> None:
    postgres = os.environ.get("DATABASE_URL", "postgres://cms@127.0.0.1:54329/cms")
    opensearch = os.environ.get("OPENSEARCH_URL", "http://127.0.0.1:9200").replace(
        "http://", "opensearch://"
    )
    work = Path(tempfile.mkdtemp(prefix="search-quality-"))
    designs = {"this design": ROOT}
    if args.previous:
        previous = work / "previous"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(previous), args.previous],
            check=True,
        )
        designs["previous design"] = previous
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "previous": args.previous,
        "queries": len(json.loads(QUERIES_FILE.read_text())["queries"]),
        "runs": {},
    }
    runs = results["runs"]
    wanted = (lambda name: any(part in name for part in args.only)) if args.only else None
    try:
        runs["stock Wagtail, SQLite"] = _run(
            "stock Wagtail search, SQLite", ROOT, database=f"sqlite:///{work}/stock.sqlite3",
            engine="", corpus=args.corpus, stock=True,
            skip=wanted and not wanted("stock Wagtail, SQLite"),
        )  # fmt: skip
        for design, code in designs.items():
            scale = args.scale if design == "this design" else 0
            name = f"{design}, database engine, SQLite"
            runs[name] = _run(
                name, code, database=f"sqlite:///{work}/{code.name}.sqlite3", engine="",
                corpus=args.corpus, skip=wanted and not wanted(name),
            )  # fmt: skip
            name = f"{design}, database engine, PostgreSQL"
            skip = wanted and not wanted(name)
            runs[name] = _run(
                name, code,
                database="" if skip else _postgres_database(postgres, "bench_quality"),
                engine="", corpus=args.corpus, scale=scale, skip=skip,
            )  # fmt: skip
            name = f"{design}, OpenSearch"
            skip = wanted and not wanted(name)
            runs[name] = _run(
                name, code, database=f"sqlite:///{work}/{code.name}-os.sqlite3",
                engine=opensearch, corpus=args.corpus, scale=scale, skip=skip,
            )  # fmt: skip
    finally:
        if args.previous:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "previous")],
                check=False,
            )
    runs = {name: run for name, run in runs.items() if run}
    results["runs"] = runs
    out = args.out or RESULTS
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(table(results))


def table(results: dict) -> str:
    lines = [
        "| | topic recall | phrase recall | known-item MRR | success@1 | single-word recall "
        "| p50 / p95, 1 client | p50 / p95, 8 clients |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def cell(latency: dict, key: str) -> str:
        figures = latency.get(key)
        return f"{figures['p50_ms']} / {figures['p95_ms']} ms" if figures else "—"

    for name, run in results["runs"].items():
        quality = run["quality"]
        latency = run.get("latency", {})
        lines.append(
            f"| {name} | {quality['topic_recall']} | {quality['phrase_recall']} | "
            f"{quality['known_item_mrr']} | {quality['known_item_success_at_1']} | "
            f"{quality['single_word_recall']} | {cell(latency, 'clients_1')} | "
            f"{cell(latency, 'clients_8')} |"
        )
        if "scaled" in run:
            scaled = run["scaled"]["latency"]
            lines.append(
                f"| {name}, {run['scaled']['documents']:,} documents | | | | | | "
                f"{cell(scaled, 'clients_1')} | {cell(scaled, 'clients_8')} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", nargs="?", default="drive", choices=["drive", "measure", "table"])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--previous", help="the commit of the previous design")
    parser.add_argument("--scale", type=int, default=0)
    parser.add_argument("--code", type=Path)
    parser.add_argument("--database")
    parser.add_argument("--engine", default="")
    parser.add_argument("--stock", action="store_true")
    parser.add_argument("--out", type=Path, help="where the figures go (default: bench/results)")
    parser.add_argument(
        "--only", nargs="*", help="runs whose name contains one of these (e.g. PostgreSQL)"
    )
    args = parser.parse_args()
    if args.mode == "measure":
        args.out.write_text(json.dumps(measure(args), ensure_ascii=False))
    elif args.mode == "table":
        print(table(json.loads((args.out or RESULTS).read_text())))
    else:
        drive(args)


if __name__ == "__main__":
    main()
