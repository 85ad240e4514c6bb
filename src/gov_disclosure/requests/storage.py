# Migrations name this path.
from gov_disclosure.core.storage import private_storage

__all__ = ["private_storage"]
