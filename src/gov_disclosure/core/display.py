"""适老化 and 无障碍 on the public pages: 长辈版 (larger text and spacing, bigger targets) and
three text sizes, chosen by links (no script needed) and remembered per browser in a cookie.

The preference is one token (``elder-large``) that the pages carry as ``data-display``; the
stylesheet scales the whole page from it, whichever base template the site uses.
"""

from dataclasses import dataclass

from django.http import HttpRequest

COOKIE = "gov_display"
COOKIE_AGE = 365 * 24 * 3600
TEXT_SIZES = ("normal", "large", "larger")


@dataclass(frozen=True)
class Display:
    elder: bool = False
    text: str = "normal"

    @property
    def key(self) -> str:
        """The token of this preference; ``normal`` is the default page."""
        return f"elder-{self.text}" if self.elder else self.text

    @classmethod
    def from_key(cls, key: str) -> "Display":
        elder, _, text = key.rpartition("-") if key.startswith("elder-") else ("", "", key)
        return cls(elder=bool(elder), text=text if text in TEXT_SIZES else "normal")


def display_of(request: HttpRequest) -> Display:
    return Display.from_key(request.COOKIES.get(COOKIE, ""))


def display_changed(current: Display, *, elder: str | None, text: str | None) -> Display:
    """``current`` with what the visitor chose (``elder`` 1/0, a text size); the rest kept."""
    return Display(
        elder=current.elder if elder not in ("0", "1") else elder == "1",
        text=text if text in TEXT_SIZES else current.text,
    )
