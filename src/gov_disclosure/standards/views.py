"""The public 基层政务公开标准目录 of an agency: each 公开事项 of the areas it applied, with
the standard's columns and what the agency published for it."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from gov_disclosure.pages.selectors import public_agencies

from .selectors import area_coverage, public_categories_among


def agency_standard_catalogue(request, agency_id: int):
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    year = timezone.localdate().year
    areas = [
        area_coverage(applied=applied, year=year)
        for applied in agency.standard_areas.order_by("key")
    ]
    shown = public_categories_among(
        category_ids=[s.slot.category_id for area in areas for s in area.slots]
    )
    rows = [(area, [(s, shown.get(s.slot.category_id)) for s in area.slots]) for area in areas]
    context = {"agency": agency, "areas": rows, "year": year}
    return render(request, "disclosure_standards/public_catalogue.html", context)
