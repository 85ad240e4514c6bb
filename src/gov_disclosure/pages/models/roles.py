from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    INFORMATION_OFFICER = "信息员", _("信息员")
    LEADER_IN_CHARGE = "分管领导", _("分管领导")
    CONFIDENTIALITY_REVIEWER = "保密审查员", _("保密审查员")
    OFFICE = "党政办", _("党政办")
    SUPERVISOR = "监督", _("监督")


class AgencyRole(models.Model):
    """A role held for one agency: its group (``庄市街道·党政办``) carries the role's
    permissions on that agency's catalogue and data only.

    The role's platform-wide group of the same name (``党政办``) is its template: it holds
    the role's admin permissions, copied to every agency's group, and no members."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="disclosure_agency_role"
    )
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("机关角色")
        verbose_name_plural = _("机关角色")
        constraints = [
            models.UniqueConstraint(fields=["agency", "role"], name="agency_role_unique")
        ]

    def __str__(self):
        return self.group.name
