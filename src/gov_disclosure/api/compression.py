"""The feed's pages compressed as the client asks: Zstandard, else gzip.

A page of 1,000 records runs to ~10 MB of JSON, compressed on every request: both codings
at level 1, as the server's CPU is what a full pull waits for. Zstandard's is a few
percent smaller than gzip's and decompresses about three times faster (its default level
3 would save another fifth of the bytes for half again the time); gzip (ISA-L, ~12×
faster than zlib's default level for a fifth more bytes) stays for every other client.
The feed holds nothing secret, so compression needs no BREACH padding.
"""

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from isal import igzip

try:
    from compression import zstd  # Python 3.14
except ImportError:  # pragma: no cover - the backport before 3.14
    from backports import zstd

# In order of preference when the client accepts several equally.
CODINGS = ("zstd", "gzip")


def accepted_qualities(header: str) -> dict[str, float]:
    """Accept-Encoding as {coding: q} (RFC 9110 §12.5.3); a malformed q counts as 0."""
    qualities = {}
    for part in header.split(","):
        coding, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding.strip():
            qualities[coding.strip().lower()] = quality
    return qualities


def content_coding(header: str) -> str | None:
    """The coding to send for this Accept-Encoding, or None for the identity."""
    qualities = accepted_qualities(header)
    accepted = [
        (qualities.get(coding, qualities.get("*", 0.0)), -rank, coding)
        for rank, coding in enumerate(CODINGS)
    ]
    quality, _, coding = max(accepted)
    return coding if quality > 0 else None


def compressed(request, response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ["Accept-Encoding"])
    coding = content_coding(request.headers.get("Accept-Encoding", ""))
    if coding == "zstd":
        response.content = zstd.compress(response.content, level=1)
    elif coding == "gzip":
        response.content = igzip.compress(response.content, compresslevel=1)
    if coding:
        response["Content-Encoding"] = coding
    response["Content-Length"] = str(len(response.content))
    return response
