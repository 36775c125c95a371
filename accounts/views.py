"""Member pages about the account itself: profile and consents; the rate-limited admin login."""

from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import login_limits, selectors, services
from .consents import COMBINED_OPTIONAL_VERSION, CONSENT_TEXTS
from .exceptions import AccountError
from .forms import ConsentChangeForm, ProfileForm
from .http import language_cookie_set, too_many_requests
from .models import Consent
from .policy_text import policy_sections


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    has_phone_consent = selectors.consent_active(user=user, kind=Consent.Kind.OPTIONAL_PHONE) is not None
    form = ProfileForm(
        request.POST if request.method == "POST" else None, instance=user, has_phone_consent=has_phone_consent
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(
                user=user,
                name=form.cleaned_data["name"],
                language=form.cleaned_data["language"],
                phone=form.cleaned_data["phone"],
            )
        except AccountError as error:
            form.add_error(None, error.message)
        else:
            # The preferred language is also the site's: answer on the profile page in that language.
            language = user.language
            with translation.override(language):
                messages.success(request, gettext("Your profile has been saved."))
                response = HttpResponseRedirect(reverse("accounts:profile"))
            language_cookie_set(request, response, language)
            return response
    return render(request, "accounts/user_form.html", {"form": form})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def consents(request):
    user = request.user
    if request.method == "POST":
        form = ConsentChangeForm(request.POST)
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            if form.cleaned_data["action"] == "give":
                services.consent_give(user=user, kind=kind, language=get_language())
                messages.success(request, gettext("Thank you: your consent has been recorded."))
            else:
                try:
                    services.consent_withdraw(user=user, kind=kind)
                except AccountError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, gettext("Your consent has been withdrawn."))
        return redirect("accounts:consents")
    rows = [
        {"text": text, "active": selectors.consent_active(user=user, kind=text.kind)}
        for text in CONSENT_TEXTS.values()
    ]
    return render(
        request,
        "accounts/consent_list.html",
        {
            "consent_rows": rows,
            "history": selectors.consent_history(user=user),
            "combined_version": COMBINED_OPTIONAL_VERSION,
        },
    )


def privacy_policy(request, version: str | None = None):
    """The privacy policy in force (or an earlier or announced version), with the history of its changes."""
    today = timezone.localdate()
    in_force = selectors.privacy_policy_in_force(on=today)
    policy = selectors.privacy_policy_get(version=version) if version else in_force
    if policy is None:
        raise Http404
    intro, sections = policy_sections(policy.body)
    return render(
        request,
        "accounts/privacy_policy.html",
        {
            "policy": policy,
            "in_force": in_force,
            "is_earlier": policy != in_force and policy.effective_on <= today,
            "is_announced": policy.effective_on > today,
            "announced": selectors.privacy_policy_announced(),
            "versions": selectors.privacy_policy_versions(),
            "intro": intro,
            "sections": sections,
        },
    )


def admin_login(request, extra_context=None):
    """The admin's login, under the same limits as the site's (``login_limits``): 429 while held."""
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    try:
        attempt = login_limits.login_attempt_begin(request, login=request.POST.get("username", ""))
    except login_limits.LoginHeld as held:
        return too_many_requests(request, retry_after=held.retry_after, login_held=True)
    response = admin.site.login(request, extra_context)
    if response.status_code == 302 and request.user.is_authenticated and request.user.is_staff:
        login_limits.login_succeeded(request, attempt)
    return response
