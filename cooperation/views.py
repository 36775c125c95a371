"""The public page of the consulting & matching service, its intake form, and the requester's own pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events.models import Event

from . import ratelimit, selectors, services
from .consents import PROVISION_CONSENT, REQUEST_CONSENT
from .exceptions import CooperationError
from .forms import CooperationRequestForm
from .models import CooperationKind, CooperationRequest

# The seed's page about the service as it ran in 2021, linked from the service page when published.
SERVICE_2021_EVENT = "international-cooperation-consulting-matching-2021"


def service(request):
    return render(
        request,
        "cooperation/service.html",
        {
            "kinds": CooperationKind.choices,
            "event_2021": Event.objects.published().filter(slug=SERVICE_2021_EVENT).first(),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    user = request.user
    status = 200
    if request.method == "POST":
        form = CooperationRequestForm(request.POST)
        if not ratelimit.intake_attempt(request):
            form.is_valid()
            form.add_error(
                None, gettext("Too many requests have been sent from here. Please try again in an hour.")
            )
            status = 429
        elif form.is_robot:
            form.is_valid()
            form.add_error(
                None,
                gettext(
                    "The form could not be sent: leave the last field empty, as its label says, and send it "
                    "again."
                ),
            )
        elif form.is_valid():
            try:
                created = services.request_submit(
                    user=user,
                    details=form.details(),
                    language=get_language(),
                    consent=form.cleaned_data["consent"],
                    provision_consent=form.cleaned_data["provision_consent"],
                )
            except CooperationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, gettext("Thank you: your request has been received. We have sent you an email.")
                )
                return redirect(created.get_absolute_url())
    else:
        form = CooperationRequestForm(initial={"contact_name": user.name, "contact_email": user.email})
    response = render(
        request,
        "cooperation/cooperationrequest_form.html",
        {"form": form, "consent_text": REQUEST_CONSENT, "provision_text": PROVISION_CONSENT},
        status=status,
    )
    if status == 429:
        # The form stays on the page with what was typed; the header tells clients when to come back.
        response["Retry-After"] = str(ratelimit.retry_after())
    return response


@never_cache
@login_required
def request_list(request):
    return render(
        request,
        "cooperation/cooperationrequest_list.html",
        {"requests": selectors.member_requests(user=request.user)},
    )


@never_cache
@login_required
def request_detail(request, pk):
    cooperation_request = selectors.request_get_for_member(user=request.user, pk=pk)
    return render(
        request,
        "cooperation/cooperationrequest_detail.html",
        {
            "cooperation_request": cooperation_request,
            "consent_text": REQUEST_CONSENT,
            "provision_text": PROVISION_CONSENT,
            "steps": CooperationRequest.State.choices,
            "show_proposals": cooperation_request.state
            in (CooperationRequest.State.MATCH_PROPOSED, CooperationRequest.State.MATCHED),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request, pk):
    cooperation_request = selectors.request_get_for_member(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.request_withdraw(request=cooperation_request, user=request.user)
        except CooperationError as error:
            messages.info(request, error.message)
        else:
            messages.success(request, gettext("Your request has been withdrawn."))
        return redirect(cooperation_request.get_absolute_url())
    return render(
        request,
        "cooperation/cooperationrequest_confirm_withdraw.html",
        {"cooperation_request": cooperation_request},
    )
