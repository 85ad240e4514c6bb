"""What the demo's agencies are built with: pages created once, and the review workflow
gone through step by step as the reviewers would in the admin."""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page

from gov_disclosure.review.selectors import revision_unresolved_findings
from gov_disclosure.review.services import finding_override, task_state_decide

SHANGHAI = ZoneInfo("Asia/Shanghai")


def morning_of(day: datetime.date) -> datetime.datetime:
    """A historical item's first publication: 09:00 Beijing time on its 发布日期. Wagtail keeps
    a first publication time the page already has, so the feed carries it from the start."""
    return datetime.datetime.combine(day, datetime.time(9), SHANGHAI)


def child_page(parent: Page, model, slug: str, *, by, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = parent.add_child(instance=model(slug=slug, live=False, owner=by, **fields))
    page.save_revision(user=by).publish(user=by)
    return page


def review_and_publish(page: Page, author, reviewers: dict) -> None:
    """Submit as the author; each step's reviewer (by step name) approves in turn."""
    page.get_workflow().start(page, author)
    while (state := page.current_workflow_task_state) is not None:
        reviewer = reviewers[state.task.name]
        for finding in revision_unresolved_findings(revision=state.revision):
            # The demo reproduces laws in force: their text is the point of the item.
            finding_override(finding=finding, user=reviewer, reason="法规原文，经核对可以公开")
        task_state_decide(task_state=state, user=reviewer, decision="approve")
        page = type(page).objects.get(pk=page.pk)
