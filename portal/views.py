"""Pages that bring several apps together: home, program and city pages, and the member's own pages that
span everything they have done on the site (my page, data download, account deletion)."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.forms import AccountDeleteForm
from accounts.models import User
from applications.selectors import calls_open_or_coming, member_applications, open_call_exists
from audit.services import Action, access_record
from cooperation.selectors import member_requests
from homestays.selectors import host_offer_of, hosted_guests
from programs.pagination import page_of
from programs.selectors import program_get
from programs.views import PROGRAMS_PER_PAGE
from registrations.selectors import member_registrations, registrations_shown
from registrations.views import register_for

from . import selectors, services


def home(request):
    return render(request, "programs/home.html", selectors.home_sections())


def take_part(request):
    """How to take part, in one place: the open calls, hosting a guest, and cooperation consulting."""
    now = timezone.now()
    return render(request, "pages/take_part.html", {"calls": calls_open_or_coming(now=now), "now": now})


def program_detail(request, slug):
    return render(
        request,
        "programs/program_detail.html",
        {"program": selectors.program_page(request, slug=slug), "now": timezone.now()},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def program_interest(request, slug):
    """Registering interest, for programs without a call taking applications: while one does, members apply
    to the call instead (the program page shows no interest box then; a form posted anyway is turned away)."""
    program = program_get(slug=slug)
    if open_call_exists(program=program):
        messages.info(
            request,
            gettext("This program is taking applications now: apply to its call for applications instead."),
        )
        return redirect(program.get_absolute_url())
    return register_for(
        request, target=program, action_url=reverse("registrations:program-interest", args=[slug])
    )


def city_detail(request, slug):
    city = selectors.city_page(request, slug=slug)
    page = page_of(request, lambda: selectors.city_programs(city=city), per_page=PROGRAMS_PER_PAGE)
    return render(request, "programs/city_detail.html", {"city": city, "page": page})


@never_cache
@login_required
def my_page(request):
    user = request.user
    # Only the sections the member has something in are read. What the page lists of each: the host offer's
    # status, the requests' names and states (the city sought is on the request's own page).
    has = selectors.member_has(user=user)
    host_offer = host_offer_of(user=user, fields=("status",)) if has.host_offer else None
    registrations = member_registrations(user=user) if has.registrations else []
    return render(
        request,
        "accounts/user_detail.html",
        {
            "registrations": registrations,
            # The list is kept rendered under what it shows of the member's registrations (the rest is
            # public content): a change of any of them renders it again.
            "registrations_shown": registrations_shown(registrations),
            "applications": member_applications(user=user) if has.applications else [],
            "host_offer": host_offer,
            "hosted_guests": hosted_guests(user=user) if host_offer else [],
            "cooperation_requests": (
                member_requests(user=user)
                .select_related(None)
                .only("organization_name", "state", "state_changed_at")[:5]
                if has.cooperation_requests
                else []
            ),
        },
    )


@never_cache
@login_required
def export(request):
    """The member's own data as a JSON download."""
    data = selectors.member_data(user=request.user)
    access_record(action=Action.EXPORT, model=User, ids=[request.user.pk], summary="own data, JSON")
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    filename = f"busan-exchange-my-data-{timezone.localdate():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    user = request.user
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        language = get_language()
        # Deleted while still logged in, so that the access record names who deleted the account.
        services.member_delete(user=user)
        logout(request)
        with translation.override(language):
            messages.success(request, gettext("Your account and your personal data have been deleted."))
        return redirect("home")
    return render(request, "accounts/user_confirm_delete.html", {"form": form})
