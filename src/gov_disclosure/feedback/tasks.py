from celery import shared_task

from . import notifications


@shared_task
def mail_managers_new_proposal(proposal_id: int) -> None:
    notifications.managers_new_proposal(proposal_id=proposal_id)


@shared_task
def mail_proposer_answer(proposal_id: int) -> None:
    notifications.proposer_answer(proposal_id=proposal_id)


@shared_task
def mail_reviewer_invitation(invitation_id: int) -> None:
    notifications.reviewer_invitation(invitation_id=invitation_id)
