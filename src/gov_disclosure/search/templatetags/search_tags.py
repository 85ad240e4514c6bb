from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def search_query(context, key: str, value="") -> str:
    """The current search's query string with ``key`` set to ``value`` (removed when
    empty), back on the first page: the link of a facet value or a page number."""
    query = context["request"].GET.copy()
    query.pop(key, None)
    if key != "page":
        query.pop("page", None)
    if value not in ("", None):
        query[key] = value
    return "?" + query.urlencode()
