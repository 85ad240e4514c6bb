from django.core.files.storage import storages

from gov_disclosure.conf import disclosure_settings


def private_storage():
    """Private files (applicants' files and replies, imported catalogues): stored outside
    MEDIA_ROOT, served only through the admin to those allowed to see them (never by the
    web server).

    The storage is ``STORAGES[GOV_DISCLOSURE["PRIVATE_STORAGE"]]``."""
    return storages[disclosure_settings.PRIVATE_STORAGE]
