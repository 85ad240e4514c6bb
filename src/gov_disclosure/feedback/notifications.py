"""E-mails about proposals: to 党政办 when one arrives (the number and a link to the
admin only), and to the proposer with the answer, if they left an address."""

from django.conf import settings
from django.urls import reverse

from gov_disclosure.core.mail import mail_send, site_url

from .models import Proposal
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
