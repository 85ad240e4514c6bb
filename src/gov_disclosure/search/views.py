"""The search API and the public search page: one form, one service, two renderings."""

import logging

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from gov_disclosure.pages.models import DisclosureIndexPage

from .api_schema import search_api_schema, suggest_api_schema
from .engines import SearchEngineUnavailable
from .forms import SearchAPIQueryForm, SearchQueryForm, SuggestForm
from .query_log import popular_queries
from .services import search_run
from .vocabulary import suggestions

logger = logging.getLogger(__name__)

UNAVAILABLE = _("检索服务暂时不可用，请稍后再试。")


class SearchAPIView(APIView):
    """``GET /api/search/``: published items containing the words, with facets.

    Parameters are validated like a form; any problem is a 400 with a message.
    """

    authentication_classes = []
    permission_classes = [AllowAny]

    @search_api_schema
    def get(self, request):
        form = SearchAPIQueryForm(request.query_params)
        if not form.is_valid():
            status = 404 if form.only_beyond_the_window() else 400
            return Response(form.error_response_data(), status=status)
        try:
            results = search_run(request=form.search_request(), log=True)
        except SearchEngineUnavailable:
            logger.exception("search engine unavailable")
            return Response({"error": str(UNAVAILABLE)}, status=503)
        return Response(results.as_dict())


class SuggestAPIView(APIView):
    """``GET /api/search/suggest/?q=…``: what to offer under the search box as people type."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @suggest_api_schema
    def get(self, request):
        form = SuggestForm(request.query_params)
        if not form.is_valid():
            return Response(form.error_response_data(), status=400)
        return Response({"suggestions": suggestions(form.cleaned_data["q"])})


def _site_agency(request) -> DisclosureIndexPage | None:
    """The agency whose site this is, if the site's root is an agency's catalogue."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return DisclosureIndexPage.objects.filter(pk=site.root_page_id).first()


def search_page(request):
    agency = _site_agency(request)
    query = request.GET.copy()
    if agency and not query.get("agency"):
        query["agency"] = str(agency.pk)
    form = SearchQueryForm(query)
    context = {"form": form, "agency": agency, "popular": popular_queries()}
    status = 200
    if form.is_valid():
        search_request = form.search_request()
        context["search_request"] = search_request
        try:
            context["results"] = search_run(request=search_request, log=True)
        except SearchEngineUnavailable:
            logger.exception("search engine unavailable")
            context["unavailable"] = UNAVAILABLE
            status = 503
    else:
        status = 400
    return render(request, "disclosure_search/search_page.html", context, status=status)
