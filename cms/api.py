"""The headless API router: Wagtail's API v2, serving only live, public content."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from disclosure_pages.selectors import public_documents, public_images


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents that published, public pages use; never a draft's attachments."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=public_documents().values("pk"))


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only images that published, public pages use."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=public_images().values("pk"))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
