from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReports(models.Model):
    """Holds the permissions to read the accountability log and the review reports.

    No table: the permissions are what matters (given to 党政办 and 监督).
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_accountability_log", _("查看和导出责任追究日志")),
            ("view_timeliness_report", _("查看公开时效报告")),
            ("view_interpretation_report", _("查看政策解读情况")),
        ]
        verbose_name = _("审核报表")

    def __str__(self):
        return str(self._meta.verbose_name)
