"""Admin views of the catalogue that Wagtail's own pages do not cover."""

from django.http import JsonResponse
from django.views import View
from wagtail.models import Page

# The sidebar explorer lists a few dozen pages at a time.
MAX_ASKED = 200


class EditablePagesView(View):
    """Which of the pages ``?id=…`` the user may edit.

    Wagtail's sidebar explorer offers an edit link on every page it lists, also where the
    user's role refuses editing (a 信息员 on a category, or on another department's item);
    ``disclosure_pages/explorer.js`` asks here and hides those links."""

    def get(self, request):
        ids = [int(value) for value in request.GET.getlist("id")[:MAX_ASKED] if value.isdigit()]
        pages = Page.objects.filter(pk__in=ids).specific()
        editable = [page.pk for page in pages if page.permissions_for_user(request.user).can_edit()]
        return JsonResponse({"editable": sorted(editable)})
