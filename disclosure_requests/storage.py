from django.core.files.storage import storages


def private_storage():
    """Applicants' files and replies: stored outside MEDIA_ROOT, served only through
    the admin to those allowed to see the request (never by the web server)."""
    return storages["private"]
