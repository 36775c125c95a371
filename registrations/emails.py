"""Mail about registrations, in the member's language, with the site's name and absolute links."""

from django.urls import reverse

from accounts.mail import absolute_url, member_translation, send_member_mail

from .models import Registration

TEMPLATES = {
    "confirmed": "registrations/email/confirmed",
    "waitlisted": "registrations/email/waitlisted",
    "promoted": "registrations/email/promoted",
    "cancelled": "registrations/email/cancelled",
}


def registration_mail_send(*, registration_id: int, kind: str) -> None:
    """Tell the member that their registration is confirmed, waitlisted, promoted from the waiting list, or
    withdrawn."""
    registration = (
        Registration.objects.select_related("user", "program", "event").filter(pk=registration_id).first()
    )
    if registration is None or registration.user is None:
        return
    user = registration.user
    with member_translation(user):
        target = registration.target
        context = {
            "registration": registration,
            "is_event": registration.event_id is not None,
            "title": target.title,
            "item_url": absolute_url(target.get_absolute_url()),
            "my_page_url": absolute_url(reverse("accounts:my-page")),
        }
        send_member_mail(user=user, template_prefix=TEMPLATES[kind], context=context)
