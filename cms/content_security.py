"""Content-Security-Policy (django-csp) with the admin's allowance, and Permissions-Policy.

The public pages load nothing but the site's own scripts, styles and images, so they get
the strict policy of ``CONTENT_SECURITY_POLICY``. Wagtail 8's admin still starts its date
pickers and inline panels with inline scripts (``wagtailadmin/widgets/date_input.html``,
``panels/inline_panel.html``) and sets inline styles (the dashboard, Draftail), so under
``ADMIN_PATH`` inline scripts and styles are allowed; nothing from another origin is, and
the admin may frame itself (the preview panel).
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_ALLOWANCE = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
ADMIN_FRAMING = {"frame-ancestors": [SELF]}

# Nothing on this site uses the camera, the microphone, the location or payments.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        in_admin = request.path_info.startswith(f"/{settings.ADMIN_PATH}/")
        if in_admin:
            parts.update = {**ADMIN_ALLOWANCE, **(parts.update or {})}
        # Wagtail renders previews through a dummy request to the page's own address.
        if in_admin or getattr(request, "is_dummy", False):
            parts.replace = {**ADMIN_FRAMING, **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return super().process_response(request, response)
