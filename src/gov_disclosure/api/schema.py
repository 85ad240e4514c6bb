"""What the project's OpenAPI document covers, and how it reads."""

import re

PUBLIC_API_PREFIXES = ("/api/disclosure/", "/api/search/")


def public_api_endpoints_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the feed and the search API, which other sites
    call, and not Wagtail's own APIs (the admin's, and the v2 content API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIXES)]


def _accepts_empty(schema: dict) -> bool:
    """Whether the JSON schema of a parameter already takes the empty string."""
    if "anyOf" in schema:
        return any(_accepts_empty(option) for option in schema["anyOf"])
    if schema.get("type") != "string" or schema.get("format") or schema.get("minLength"):
        return False
    if "enum" in schema and "" not in schema["enum"]:
        return False
    if "pattern" not in schema:
        return True
    try:
        return re.search(schema["pattern"], "") is not None
    except re.error:  # an ECMAScript-only pattern: say "" where it may be needed
        return False


def empty_query_parameters_are_absent(result, generator, request, public):
    """drf-spectacular postprocessing hook: an optional query parameter sent empty (as an
    HTML form sends a field left blank) is read as if it were absent, by Django's forms and
    DRF alike; the document says so, and takes ``""`` for each."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") != "query" or parameter.get("required"):
                    continue
                if not _accepts_empty(schema):
                    parameter["schema"] = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    return result
