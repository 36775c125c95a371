"""Mail about applications, to the member who applied (the guardian, for a child), in their language."""

from django.urls import reverse
from django.utils import timezone

from accounts.mail import absolute_url, member_translation, send_member_mail

from .models import Application
from .selectors import waitlist_position


def application_mail_send(*, application_id: int) -> None:
    """Tell the member the application's new state: what it means and, for an offer, the deadline."""
    application = (
        Application.objects.select_related("account", "applicant", "call").filter(pk=application_id).first()
    )
    if application is None or application.account is None:
        return
    user = application.account
    with member_translation(user):
        context = {
            "application": application,
            "state": application.state,
            "title": application.call.title,
            "applicant_name": application.applicant.name if application.applicant else "",
            "is_child": application.is_child,
            "deadline": timezone.localtime(application.offer_expires_at)
            if application.offer_expires_at
            else None,
            "position": waitlist_position(application)
            if application.state == Application.State.WAITLISTED
            else None,
            "detail_url": absolute_url(application.get_absolute_url()),
            "my_page_url": absolute_url(reverse("accounts:my-page")),
        }
        send_member_mail(user=user, template_prefix="applications/email/state", context=context)
