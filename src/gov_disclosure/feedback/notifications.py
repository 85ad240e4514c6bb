"""E-mails: to 党政办 when a proposal arrives (the number and a link to the admin only),
to the proposer with the answer, if they left an address, and to an invited reviewer
with their one-time link."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from gov_disclosure.core.mail import mail_send, site_url

from .models import Invitation, Proposal
from .selectors import item_shown, proposal_managers


def _proposal(proposal_id: int) -> Proposal | None:
    return Proposal.objects.select_related("agency", "item").filter(pk=proposal_id).first()


def managers_new_proposal(*, proposal_id: int) -> None:
    proposal = _proposal(proposal_id)
    if proposal is None:
        return
    managers = proposal_managers(agency_id=proposal.agency_id)
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "disclosure_proposals_admin:inspect", args=[proposal.pk]
    )
    mail_send(
        subject=f"群众点题：收到点题 {proposal.number}，请答复",
        template="disclosure_feedback/mail/staff.txt",
        context={"proposal": proposal, "admin_url": admin_url},
        recipients=sorted({user.email for user in managers if user.email}),
    )


def proposer_answer(*, proposal_id: int) -> None:
    proposal = _proposal(proposal_id)
    contact = getattr(proposal, "contact", None) if proposal else None
    if contact is None or not contact.email:
        return
    item_url = ""
    if item_shown(proposal):
        item_url = site_url(proposal.agency, proposal.item.url)
    mail_send(
        subject="群众点题答复",
        template="disclosure_feedback/mail/proposer.txt",
        context={
            "proposal": proposal,
            "item_url": item_url,
            "status_url": site_url(proposal.agency, reverse("disclosure_feedback:proposal_status")),
        },
        recipients=[contact.email],
    )


def reviewer_invitation(*, invitation_id: int) -> None:
    invitation = (
        Invitation.objects.select_related("campaign", "campaign__agency")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.email or invitation.answered_at:
        return
    campaign = invitation.campaign
    link = site_url(campaign.agency, reverse("disclosure_feedback:review", args=[invitation.code]))
    sent = mail_send(
        subject=f"邀请您参加{campaign.title}",
        template="disclosure_feedback/mail/invitation.txt",
        context={"invitation": invitation, "campaign": campaign, "link": link},
        recipients=[invitation.email],
    )
    if sent:
        Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
