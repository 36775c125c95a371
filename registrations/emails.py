"""Mail about registrations, in the member's language, with the site's name and absolute links."""

from django.core.mail import EmailMessage
from django.urls import reverse

from accounts.mail import absolute_url, member_mail, member_translation
from events.models import Event

from .models import Registration

TEMPLATES = {
    "confirmed": "registrations/email/confirmed",
    "waitlisted": "registrations/email/waitlisted",
    "promoted": "registrations/email/promoted",
    "cancelled": "registrations/email/cancelled",
}


def registration_mail(*, user, target, kind: str) -> EmailMessage:
    """The mail telling ``user`` that their registration for ``target`` is confirmed, waitlisted, promoted
    from the waiting list, or withdrawn; rendered, not yet sent. It needs nothing of the registration row, so
    it can be rendered before the row is written (``services.registration_create`` does, outside its lock)."""
    with member_translation(user):
        context = {
            "is_event": isinstance(target, Event),
            "title": target.title,
            "item_url": absolute_url(target.get_absolute_url()),
            "my_page_url": absolute_url(reverse("accounts:my-page")),
        }
        return member_mail(user=user, template_prefix=TEMPLATES[kind], context=context)


def registration_mail_send(*, registration_id: int, kind: str) -> None:
    """Tell the member of registration ``registration_id`` what happened to it (``kind``, see above)."""
    registration = (
        Registration.objects.select_related("user", "program", "event").filter(pk=registration_id).first()
    )
    if registration is None or registration.user is None:
        return
    registration_mail(user=registration.user, target=registration.target, kind=kind).send()
