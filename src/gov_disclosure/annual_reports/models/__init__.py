from .figures import AnnualFigures
from .report import AnnualReportPage
from .tracking import ReportReminder, ReportSubmission

__all__ = ["AnnualFigures", "AnnualReportPage", "ReportReminder", "ReportSubmission"]
