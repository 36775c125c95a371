"""Mail to host families, in their language: their offer's review, and guests placed with them or taken away.

The mail says what changed and links to the host's page; the guest's details stay on that page, behind the
host's login.
"""

from datetime import date

from django.urls import reverse

from accounts.mail import absolute_url, member_translation, send_member_mail

from .models import Delegation, HostOffer

OFFER_TEMPLATES = {
    "received": "homestays/email/offer_received",
    HostOffer.Status.APPROVED: "homestays/email/offer_approved",
    HostOffer.Status.CHANGES_REQUESTED: "homestays/email/offer_changes_requested",
    HostOffer.Status.DECLINED: "homestays/email/offer_declined",
}
STAY_TEMPLATES = {
    "assigned": "homestays/email/stay_assigned",
    "changed": "homestays/email/stay_changed",
    "cancelled": "homestays/email/stay_cancelled",
}


def _host_page_url() -> str:
    return absolute_url(reverse("homestays:host"))


def offer_mail_send(*, offer: HostOffer, kind: str) -> None:
    """Tell the host their offer was received, approved, needs changes or was declined."""
    user = offer.user
    with member_translation(user):
        context = {"offer": offer, "host_url": _host_page_url()}
        send_member_mail(user=user, template_prefix=OFFER_TEMPLATES[kind], context=context)


def stay_mail_send(
    *, offer: HostOffer, kind: str, delegation: Delegation, first_name: str, starts_on: date, ends_on: date
) -> None:
    """Tell the host a guest was placed with them (``assigned``), their stay changed, or was ``cancelled``."""
    user = offer.user
    with member_translation(user):
        context = {
            "city": delegation.city.name,
            "first_name": first_name,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "host_url": _host_page_url(),
        }
        send_member_mail(user=user, template_prefix=STAY_TEMPLATES[kind], context=context)
