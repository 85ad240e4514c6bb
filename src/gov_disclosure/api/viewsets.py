"""Admin of consumers' API keys (数据接口 → API 密钥): 党政办 issues its agency's keys,
the district the platform's."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from gov_disclosure.pages.agency_admin import AgencyPermissionPolicy, agency_scoped

from .forms import ConsumerKeyForm
from .models import ConsumerKey, Scope
from .services import consumer_key_issue


class ConsumerKeyCreateView(CreateView):
    """Issues the key and shows its secret once, on the page that answers the form."""

    def save_instance(self):
        self.secret = consumer_key_issue(
            consumer_key=self.form.instance, issued_by=self.request.user
        )
        log(instance=self.form.instance, action="wagtail.create", user=self.request.user)
        return self.form.instance

    def save_action(self):
        return TemplateResponse(
            self.request,
            "disclosure_api/key_created.html",
            {
                "header_title": _("API 密钥已创建"),
                "header_icon": "key",
                "consumer_key": self.object,
                "secret": self.secret,
                "index_url": self.get_success_url(),
            },
        )


def _issuer(consumer_key: ConsumerKey) -> str:
    return consumer_key.agency.title if consumer_key.agency_id else _("全平台")


def _scope_labels(consumer_key: ConsumerKey) -> str:
    labels = dict(Scope.choices)
    return "；".join(str(labels.get(scope, scope)) for scope in consumer_key.scopes)


register_permission_policy(ConsumerKey, AgencyPermissionPolicy(ConsumerKey))


@agency_scoped
class ConsumerKeyViewSet(ModelViewSet):
    model = ConsumerKey
    add_view_class = ConsumerKeyCreateView
    icon = "key"
    menu_label = _("API 密钥")
    menu_order = 900
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        Column("agency", label=_("签发机关"), accessor=_issuer),
        Column("prefix", label=_("密钥前缀")),
        Column("scopes", label=_("权限范围"), accessor=_scope_labels),
        DateColumn("created", label=_("创建时间")),
        Column("created_by", label=_("创建人")),
        DateColumn("last_used_at", label=_("最近使用")),
        BooleanColumn("revoked", label=_("已吊销")),
    ]
    list_filter = ["revoked"]
    search_fields = ["name", "prefix"]
    ordering = ["-created"]

    def get_form_class(self, for_update=False):
        return ConsumerKeyForm


consumer_key_viewset = ConsumerKeyViewSet("consumer_keys")
