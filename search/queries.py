"""Queries of the public search, built once with elasticsearch-dsl for every engine."""

from elasticsearch.dsl import Q, Search

# Where the words are found, and how much each place counts.
TEXT_FIELDS = {"title": 4.0, "summary": 2.0, "body": 1.0, "attachments": 1.0}
HIGHLIGHT_FRAGMENT_CHARS = 80


def item_search(*, text: str, index: str) -> Search:
    """Items containing ``text`` as written: phrase matching over the Chinese bigrams.

    The user's text is a phrase, never query syntax. An item whose title is the
    query itself ranks first.
    """
    text = " ".join(text.split())
    phrases = [
        Q("match_phrase", **{field: {"query": text, "boost": boost}})
        for field, boost in TEXT_FIELDS.items()
    ]
    exact_title = Q("term", **{"title.raw": {"value": text, "boost": 100.0}})
    return (
        Search(index=index)
        .query(Q("bool", should=[*phrases, exact_title], minimum_should_match=1))
        .highlight(
            *TEXT_FIELDS,
            fragment_size=HIGHLIGHT_FRAGMENT_CHARS,
            number_of_fragments=2,
            pre_tags=["<em>"],
            post_tags=["</em>"],
        )
    )
