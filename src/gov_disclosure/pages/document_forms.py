"""The document upload form of the admin: a file must be what its extension says."""

import os

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

from gov_disclosure.core.file_checks import (
    DOC,
    DOCX,
    JPEG,
    OFD,
    PDF,
    PNG,
    TEXT,
    XLSX,
    checked_upload,
)

KINDS_BY_EXTENSION = {
    "pdf": PDF,
    "docx": DOCX,
    "xlsx": XLSX,
    # Word/Excel 97–2003 and WPS/ET files share the OLE2 container.
    "doc": DOC,
    "xls": DOC,
    "wps": DOC,
    "et": DOC,
    "ofd": OFD,
    "txt": TEXT,
    "csv": TEXT,
    "jpg": JPEG,
    "jpeg": JPEG,
    "png": PNG,
}
DOCUMENT_KINDS = tuple(dict.fromkeys(KINDS_BY_EXTENSION.values()))


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (single and multiple upload) with the content checked.

    Wagtail's own field has already refused unknown extensions and oversized files.
    """

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
            claimed = KINDS_BY_EXTENSION.get(extension)
            if claimed is not None:
                checked_upload(
                    upload,
                    kinds=DOCUMENT_KINDS,
                    max_bytes=settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
                    claimed=claimed,
                )
        return upload

    def _post_clean(self):
        # Document.clean() checks the extension of the instance's file, which is still empty
        # when the upload was refused: it would add a second, meaningless error (扩展“”).
        refused = list(self._errors.get("file", []))
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused, renderer=self.renderer)
