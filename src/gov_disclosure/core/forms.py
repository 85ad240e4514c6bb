"""The admin's login form with its password field labelled: Wagtail's has no label, so
Django names it from the field ("Password"), in English whatever the language."""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("密码")
