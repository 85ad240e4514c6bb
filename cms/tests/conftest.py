"""The reference site's own tests (``--ds=cms.settings.test cms/tests``): its settings, security
middleware, login throttling, health check and deployment. They use the plugin tests' fixtures."""

from tests.conftest import *  # noqa: F403
from tests.conftest import _fresh_cache  # noqa: F401  (autouse; a star import leaves it out)
