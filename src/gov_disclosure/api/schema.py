"""What the project's OpenAPI document covers."""

PUBLIC_API_PREFIXES = ("/api/disclosure/", "/api/search/")


def public_api_endpoints_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the feed and the search API, which other sites
    call, and not Wagtail's own APIs (the admin's, and the v2 content API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIXES)]
