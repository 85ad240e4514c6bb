"""The browser tests' fixtures (Playwright, Chromium) for the reference site's own."""

from tests.browser.conftest import *  # noqa: F403
from tests.browser.conftest import _orm_beside_playwright  # noqa: F401  (autouse)
