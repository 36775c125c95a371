"""Registering for an event (and the form interest in a program shares), and withdrawing; all changes go
through services. The program interest page itself is in ``portal``: it must first know about calls."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.http import safe_next
from busan_exchange.pagecache import public_value
from events.models import Event
from events.selectors import event_get

from . import selectors, services
from .exceptions import RegistrationError
from .forms import RegistrationForm
from .models import Registration


def register_for(request, *, target, action_url: str):
    """Show the registration form for ``target`` (GET) or register (POST); errors keep what was typed."""
    is_event = isinstance(target, Event)
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                user=request.user, message=form.cleaned_data["message"], **selectors.target_filter(target)
            )
        except RegistrationError as exc:
            error = exc.message
        else:
            if registration.status == Registration.Status.WAITLISTED and is_event:
                messages.info(
                    request,
                    gettext("All places are taken: you are on the waiting list. We have sent you an email."),
                )
            elif registration.status == Registration.Status.WAITLISTED:
                messages.info(
                    request,
                    gettext(
                        "Your interest is registered. All places are taken, so you are on the waiting list. "
                        "We have sent you an email."
                    ),
                )
            elif is_event:
                messages.success(
                    request, gettext("Your registration is confirmed. We have sent you an email.")
                )
            else:
                messages.success(request, gettext("Your interest is registered. We have sent you an email."))
            return redirect(target.get_absolute_url())
    box = selectors.registration_box(user=request.user, target=target)
    return render(
        request,
        "registrations/registration_form.html",
        {
            "target": target,
            "is_event": is_event,
            "form": form,
            "error": error,
            "box": box,
            "action_url": action_url,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def event_register(request, slug):
    # The event as the public sees it, kept like the event page's (a popular event gets many registrations
    # at once); what registering depends on (status, window, places) is read again under the lock.
    event = public_value(request, "event", lambda: event_get(slug=slug))
    return register_for(
        request, target=event, action_url=reverse("registrations:event-register", args=[slug])
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def registration_withdraw(request, pk):
    """Ask (GET) and withdraw (POST from that page) one of the member's own registrations; anyone else's is a
    404. A POST that did not come from the question (no ``confirm``) only asks."""
    registration = selectors.registration_get_for_member(user=request.user, pk=pk)
    next_url = safe_next(request, fallback=reverse("accounts:my-page"))
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.registration_cancel(registration=registration)
        except RegistrationError as exc:
            messages.info(request, exc.message)
        else:
            if registration.program_id:
                message = gettext("Your interest has been withdrawn. We have sent you an email.")
            else:
                message = gettext("Your registration has been withdrawn. We have sent you an email.")
            messages.success(request, message)
        return redirect(next_url)
    return render(
        request,
        "registrations/registration_withdraw.html",
        {"registration": registration, "next_url": next_url},
    )
