"""Writes to 群众点题: a proposal received, answered (and its answer revised).

Each change is logged in Wagtail's audit log (the proposal's history, and part of the
责任追究日志; never the proposer's contact details).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.task_queue import queue_after_commit
from gov_disclosure.core.tracking_codes import tracking_code_unused
from gov_disclosure.page_cache.store import page_cache_clear
from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage, sequence_next
from gov_disclosure.workcalendar.workdays import add_working_days

from ..models import (
    Proposal,
    ProposalAnswerKind,
    ProposalContact,
    ProposalSequence,
    ProposalState,
)
from ..selectors.proposals import user_may_answer

SUBMIT = "disclosure_feedback.proposal_submit"
ANSWER = "disclosure_feedback.proposal_answer"
REVISE = "disclosure_feedback.proposal_revise"


class ProposalActionRefused(Exception):
    """An answer the user's role or the rules do not allow; the message says why, and
    ``field`` which of the answer's fields it concerns (None: the whole)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def proposal_submit(
    *,
    agency: DisclosureIndexPage,
    topic: str,
    reason: str = "",
    contact: dict | None = None,
    received_at: datetime.datetime | None = None,
) -> Proposal:
    """Register a proposal from the public form; its answer is due in
    ``PROPOSAL_ANSWER_WORKING_DAYS`` working days (the day it came not counted)."""
    received_at = received_at or timezone.now()
    received_on = timezone.localdate(received_at)
    contact = {key: value for key, value in (contact or {}).items() if value}
    with transaction.atomic():
        serial = sequence_next(ProposalSequence, agency_id=agency.pk, year=received_on.year)
        proposal = Proposal.objects.create(
            agency=agency,
            number=f"{received_on.year}-{serial:04d}",
            tracking_code=tracking_code_unused(Proposal),
            topic=topic,
            reason=reason,
            public_topic=topic,
            received_at=received_at,
            received_on=received_on,
            answer_due_on=add_working_days(
                received_on, disclosure_settings.PROPOSAL_ANSWER_WORKING_DAYS
            ),
        )
        if contact:
            ProposalContact.objects.create(proposal=proposal, **contact)
        log(instance=proposal, action=SUBMIT, user=None, data={"state": proposal.state})
    _mail_after_commit("mail_managers_new_proposal", proposal_id=proposal.pk)
    return proposal


def _mail_after_commit(task_name: str, **kwargs) -> None:
    from .. import tasks

    queue_after_commit(getattr(tasks, task_name), **kwargs)


def _answer_checked(
    proposal: Proposal,
    *,
    answer_kind: str,
    withheld_ground: str,
    answer: str,
    item: DisclosureItemPage | None,
    public_topic: str,
) -> dict:
    answer = (answer or "").strip()
    public_topic = (public_topic or "").strip()
    if answer_kind not in ProposalAnswerKind.values:
        raise ProposalActionRefused(_("请选择答复类型。"), "answer_kind")
    if not answer:
        raise ProposalActionRefused(_("请填写答复内容。"), "answer")
    if not public_topic:
        raise ProposalActionRefused(_("请填写公开的点题内容。"), "public_topic")
    if answer_kind == ProposalAnswerKind.NOT_DISCLOSABLE:
        if not withheld_ground:
            raise ProposalActionRefused(
                _("不予公开的，请选择《条例》规定的依据。"), "withheld_ground"
            )
    else:
        withheld_ground = ""
    if answer_kind == ProposalAnswerKind.PUBLISHED and item is None:
        raise ProposalActionRefused(_("“已经公开”的，请选择已公开的信息。"), "item")
    if item is not None:
        if answer_kind not in (ProposalAnswerKind.PUBLISHED, ProposalAnswerKind.WILL_PUBLISH):
            raise ProposalActionRefused(
                _("只有“将予公开”和“已经公开”的答复可以关联公开信息。"), "item"
            )
        if not DisclosureItemPage.objects.descendant_of(proposal.agency).filter(pk=item.pk):
            raise ProposalActionRefused(_("只能关联本机关的公开信息。"), "item")
        if answer_kind == ProposalAnswerKind.PUBLISHED and not item.live:
            raise ProposalActionRefused(_("所选信息尚未发布，请选择“将予公开”。"), "item")
    return {
        "answer_kind": answer_kind,
        "withheld_ground": withheld_ground,
        "answer": answer,
        "item": item,
        "public_topic": public_topic,
    }


@transaction.atomic
def proposal_answer(
    *,
    proposal: Proposal,
    user,
    answer_kind: str,
    answer: str,
    public_topic: str,
    withheld_ground: str = "",
    item: DisclosureItemPage | None = None,
) -> Proposal:
    """党政办 answers (or revises its answer, e.g. linking the item once it is published).

    The answer is published with the topic as worded for the public; the proposer is
    mailed if they left an address."""
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not user_may_answer(user=user, proposal=current):
        raise ProposalActionRefused(_("您无权答复此点题。"))
    fields = _answer_checked(
        current,
        answer_kind=answer_kind,
        withheld_ground=withheld_ground,
        answer=answer,
        item=item,
        public_topic=public_topic,
    )
    revising = current.is_answered
    for name, value in fields.items():
        setattr(current, name, value)
    current.answered_by = user
    if not revising:
        current.state = ProposalState.ANSWERED
        current.answered_at = timezone.now()
        current.answered_on = timezone.localdate(current.answered_at)
    current.save()
    log(
        instance=current,
        action=REVISE if revising else ANSWER,
        user=user,
        data={
            "state": current.state,
            "answer_kind": current.answer_kind,
            "item": current.item_id,
        },
    )
    page_cache_clear()  # the public list of answered proposals
    if not revising:
        _mail_after_commit("mail_proposer_answer", proposal_id=current.pk)
    return current
