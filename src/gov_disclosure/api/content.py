"""The headless API router: Wagtail's API v2, serving only live, public content,
behind the same keys and rate limits as the synchronisation feed."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from gov_disclosure.api.access import ControlledAccess
from gov_disclosure.api.models import Scope
from gov_disclosure.pages.selectors import public_documents, public_images


class PublicPagesAPIViewSet(ControlledAccess, PagesAPIViewSet):
    """Live, public pages only (Wagtail's own rule), with their declared ``api_fields``."""

    api_scope = Scope.CONTENT


class PublicDocumentsAPIViewSet(ControlledAccess, DocumentsAPIViewSet):
    """Only documents that published, public pages use; never a draft's attachments."""

    api_scope = Scope.CONTENT

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=public_documents().values("pk"))


class PublicImagesAPIViewSet(ControlledAccess, ImagesAPIViewSet):
    """Only images that published, public pages use."""

    api_scope = Scope.CONTENT

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=public_images().values("pk"))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
