"""Mail to the member who filed a cooperation request, in their language, at each step of the request."""

from django.urls import reverse

from accounts.mail import absolute_url, member_translation, send_member_mail

from .models import CooperationRequest

TEMPLATES = {
    "received": "cooperation/email/request_received",
    "state_changed": "cooperation/email/state_changed",
}


def request_mail_send(*, request: CooperationRequest, kind: str) -> None:
    """Tell the requester their request was received, or that it entered its current state."""
    user = request.user
    if user is None:
        return
    with member_translation(user):
        context = {
            "request": request,
            "state": request.get_state_display(),
            "matches": list(request.proposals.filter(is_match=True).select_related("partner")),
            "request_url": absolute_url(reverse("cooperation:detail", args=[request.pk])),
        }
        send_member_mail(user=user, template_prefix=TEMPLATES[kind], context=context)
