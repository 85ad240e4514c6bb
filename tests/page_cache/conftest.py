import pytest
from django.core.cache import caches

from tests.conftest import IN_CI, require_service


@pytest.fixture
def page_cache(disclosure_settings):
    """Page caching on, over the configured cache: Redis under CI, as in production."""
    require_service(
        not IN_CI or "redis" in type(caches["default"]).__module__,
        "needs the shared Redis cache (CACHE_URL)",
    )
    disclosure_settings.PAGE_CACHE_SECONDS = 300
