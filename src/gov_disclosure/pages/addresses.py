"""Items' addresses: short and stable, from the 索引号, never from the title.

A new item gets a provisional slug (``draft-1a2b3c4d``); at its first publication it takes
the year and serial of its 索引号 (``…/c02/2026-00001/``). A retitle never changes it; only
党政办 sees and edits the slug (``ItemPageForm``), and a slug it chose is kept.
"""

import re
import secrets

PROVISIONAL = re.compile(r"draft-[0-9a-f]{8}")


def provisional_slug() -> str:
    return f"draft-{secrets.token_hex(4)}"


def slug_is_provisional(slug: str) -> bool:
    return bool(PROVISIONAL.fullmatch(slug or ""))


def publication_slug(*, year: int, serial: int) -> str:
    return f"{year}-{serial:05d}"


def slug_not_taken(wanted: str, taken) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… the first that is not in ``taken``."""
    slug, suffix = wanted, 2
    while slug in taken:
        slug, suffix = f"{wanted}-{suffix}", suffix + 1
    return slug


def free_child_slug(parent, wanted: str) -> str:
    """A slug for a new child of ``parent``: ``wanted`` unless a sibling holds it."""
    taken = parent.get_children().filter(slug__startswith=wanted).values_list("slug", flat=True)
    return slug_not_taken(wanted, set(taken))
