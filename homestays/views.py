"""The host's own pages: their offer, its review, the guests placed with them, and withdrawing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .consents import HOMESTAY_CONSENT
from .exceptions import HomestayError
from .forms import HostOfferForm, HostWithdrawForm


@never_cache
@login_required
def host(request):
    user = request.user
    offer = selectors.host_offer_of(user=user)
    return render(
        request,
        "homestays/hostoffer_detail.html",
        {
            "offer": offer,
            "guests": selectors.hosted_guests(user=user) if offer else [],
            "consent": selectors.host_consent_active(user=user),
            "consent_text": HOMESTAY_CONSENT,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def offer_form(request):
    user = request.user
    offer = selectors.host_offer_of(user=user)
    consent_needed = selectors.host_consent_active(user=user) is None
    form = HostOfferForm(
        request.POST if request.method == "POST" else None, instance=offer, consent_needed=consent_needed
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.host_offer_save(
                user=user,
                details=form.details(),
                language=get_language(),
                consent=form.cleaned_data.get("consent", False),
            )
        except HomestayError as error:
            form.add_error(None, error.message)
        else:
            if offer is None:
                messages.success(
                    request, gettext("Thank you: your offer to host has been sent to the office.")
                )
            else:
                messages.success(
                    request, gettext("Your offer has been changed; the office will review it again.")
                )
            return redirect("homestays:host")
    return render(
        request,
        "homestays/hostoffer_form.html",
        {"form": form, "offer": offer, "consent_text": HOMESTAY_CONSENT},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request):
    user = request.user
    offer = selectors.host_offer_of(user=user)
    consent = selectors.host_consent_active(user=user)
    if offer is None and consent is None:
        return redirect("homestays:host")
    form = HostWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.host_offer_withdraw(user=user)
        messages.success(request, gettext("Your consent has been withdrawn and your offer to host deleted."))
        return redirect("homestays:host")
    return render(
        request,
        "homestays/hostoffer_confirm_withdraw.html",
        {"form": form, "offer": offer, "guests": selectors.hosted_guests(user=user) if offer else []},
    )
