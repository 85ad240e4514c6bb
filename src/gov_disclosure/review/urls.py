from django.urls import path

from .views.accountability import AccountabilityLogView
from .views.task_review import TaskReviewView
from .views.timeliness import InterpretationReportView, TimelinessReportView

urlpatterns = [
    path("tasks/<int:task_state_id>/", TaskReviewView.as_view(), name="task"),
    path("log/", AccountabilityLogView.as_view(), name="accountability_log"),
    path(
        "log/results/",
        AccountabilityLogView.as_view(results_only=True),
        name="accountability_log_results",
    ),
    path("timeliness/", TimelinessReportView.as_view(), name="timeliness"),
    path("interpretations/", InterpretationReportView.as_view(), name="interpretations"),
]
