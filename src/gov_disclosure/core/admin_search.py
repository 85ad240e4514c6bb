"""Admin lists found by a person's encrypted name or phone number."""

from django.db.models import Q

from .crypto import lookup_digest


class PersonLookupSearchMixin:
    """For an IndexView searched in the database: besides its ``search_fields``, finds the
    records whose ``person_relation`` (a related model with ``name_digest`` and
    ``phone_digest``) has the full name or the phone number typed, compared by their keyed
    hashes since the values themselves are encrypted."""

    person_relation: str

    def search_queryset(self, queryset):
        found = super().search_queryset(queryset)
        if not self.is_searching:
            return found
        digest = lookup_digest(self.search_query)
        person = self.person_relation
        return found | queryset.filter(
            Q(**{f"{person}__name_digest": digest}) | Q(**{f"{person}__phone_digest": digest})
        )
