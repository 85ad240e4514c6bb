import pytest

ITEMS = "/api/disclosure/v1/items/"
CHANGES = "/api/disclosure/v1/changes/"


@pytest.fixture
def feed(client):
    """GET a feed URL and return its JSON, asserting it answered 200."""

    def get(url=ITEMS, **params):
        response = client.get(url, params)
        assert response.status_code == 200, response.content
        return response.json()

    return get


@pytest.fixture
def read_all(feed):
    """Follow a feed from ``cursor`` to its end, page by page; returns (results, cursor)."""

    def read(url=CHANGES, cursor=None, limit=2, **params):
        results = []
        while True:
            page = feed(url, limit=limit, **({"cursor": cursor} if cursor else {}), **params)
            results += page["results"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return results, cursor

    return read


def feed_titles(results) -> list[str]:
    return [r["title"] if "title" in r else (r["item"] or {}).get("title") for r in results]
