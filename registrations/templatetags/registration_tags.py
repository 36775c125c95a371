"""The registration box shown next to a program or an event."""

from django import template
from django.urls import reverse

from events.models import Event

from ..forms import RegistrationForm
from ..selectors import registration_box as box_for

register = template.Library()


def registration_url(target) -> str:
    if isinstance(target, Event):
        return reverse("registrations:event-register", args=[target.slug])
    return reverse("registrations:program-interest", args=[target.slug])


@register.simple_tag(takes_context=True)
def registration_box(context, target):
    """``{% registration_box program as box %}``: window, places left and, for a member, their registration.

    Anonymous visitors all get the same box (a login link, no per-visitor state), so the page can be cached.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    box = box_for(user=user, target=target)
    box.action_url = registration_url(target)
    if user is not None and user.is_authenticated and box.active_registration is None:
        box.form = RegistrationForm(auto_id="registration_%s")
    return box
