"""Calls for applications, applying (for oneself or a child), following an application, and the member's
applicants. Every change goes through ``services``; errors are shown translated and keep what was typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.http import safe_next
from audit.services import Action, access_record

from . import selectors, services
from .eligibility import applicant_check, needs_guardian_consent
from .exceptions import ApplicationError
from .forms import ApplicantForm, ApplicationForm
from .models import Applicant, Application

State = Application.State


def call_detail(request, slug):
    """A call's page: trip, window, places, rules and, for a member, who of theirs may apply."""
    call = selectors.call_get(slug=slug)
    context = {"call": call, "now": timezone.now()}
    if request.user.is_authenticated:
        context["choices"] = selectors.call_choices(user=request.user, call=call)
    return render(request, "applications/call_detail.html", context)


def _stored_answers(application: Application | None) -> dict:
    if application is None:
        return {}
    return {answer.question_id: answer for answer in application.answers.all()}


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def apply(request, slug, applicant):
    call = selectors.call_get(slug=slug)
    applicant = selectors.applicant_get_for_member(user=request.user, pk=applicant)
    application = Application.objects.filter(call=call, applicant=applicant).first()
    if application is not None and application.state != State.DRAFT:
        messages.info(
            request, gettext("This application has already been submitted. Here is where it stands.")
        )
        return redirect(application)
    eligibility = applicant_check(call, applicant)
    questions = list(call.questions.all())
    submitting = request.POST.get("action") != "draft"
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        questions=questions,
        stored=_stored_answers(application),
        submitting=submitting,
    )
    error = None
    if request.method == "POST":
        valid = form.is_valid()
        try:
            if valid and submitting:
                application = services.application_submit(
                    account=request.user, call=call, applicant=applicant, answers=form.answers()
                )
                messages.success(
                    request,
                    gettext("Your application has been submitted. We have sent you an email."),
                )
                return redirect(application)
            # A draft, or a submission with errors: keep what passed its checks (uploaded files too), so
            # nothing has to be chosen again.
            if form.answers() or valid:
                application = services.application_save_draft(
                    account=request.user, call=call, applicant=applicant, answers=form.answers()
                )
            if valid:
                messages.success(
                    request, gettext("Your answers have been saved as a draft. You can submit later.")
                )
                return redirect(reverse("applications:apply", args=[call.slug, applicant.pk]))
        except ApplicationError as exc:
            error = exc.message
        if application is not None and not valid:
            # Show the files now kept with the draft.
            form = _refreshed(form, questions, application)
    return render(
        request,
        "applications/application_form.html",
        {
            "call": call,
            "applicant": applicant,
            "eligibility": eligibility,
            "form": form,
            "error": error,
            "application": application,
        },
    )


def _refreshed(form: ApplicationForm, questions, application: Application) -> ApplicationForm:
    """The same bound form, its file fields told which files the draft now holds."""
    stored = _stored_answers(Application.objects.get(pk=application.pk))
    for question in questions:
        field = form.fields.get(f"q{question.pk}")
        answer = stored.get(question.pk)
        if field is not None and answer is not None and answer.file:
            field.stored_file = answer.file_name
    return form


@never_cache
@login_required
def application_detail(request, pk):
    application = selectors.application_get_for_member(user=request.user, pk=pk)
    return render(request, "applications/application_detail.html", {"application": application})


ACTIONS = {
    "accept": (services.application_accept, (State.OFFERED,)),
    "decline": (services.application_decline, (State.OFFERED,)),
    "withdraw": (
        services.application_withdraw,
        (State.SUBMITTED, State.UNDER_REVIEW, State.WAITLISTED, State.OFFERED, State.ACCEPTED),
    ),
    "discard": (None, (State.DRAFT,)),
}


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def application_respond(request, pk, action):
    """Confirm (GET) and do (POST) what the member may do with their application: accept or decline an
    offer, withdraw, or discard a draft."""
    if action not in ACTIONS:
        raise Http404
    application = selectors.application_get_for_member(user=request.user, pk=pk)
    service, states = ACTIONS[action]
    if request.method == "POST":
        try:
            if action == "discard":
                services.application_discard_draft(application=application)
                messages.success(request, gettext("The draft has been deleted."))
                return redirect("accounts:my-page")
            service(application=application, account=request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _DONE[action]())
        return redirect(reverse("applications:detail", args=[application.pk]))
    if application.state not in states:
        messages.info(request, gettext("This application cannot be changed in this way any more."))
        return redirect(application)
    return render(
        request, "applications/application_respond.html", {"application": application, "action": action}
    )


_DONE = {
    "accept": lambda: gettext("You have accepted the place. We have sent you an email."),
    "decline": lambda: gettext("You have declined the place. We have sent you an email."),
    "withdraw": lambda: gettext("The application has been withdrawn. We have sent you an email."),
}


@never_cache
@login_required
def applicant_list(request):
    applicants = selectors.member_applicants(user=request.user)
    return render(
        request,
        "applications/applicant_list.html",
        {
            "own": next((a for a in applicants if not a.is_child), None),
            "children": [a for a in applicants if a.is_child],
            "next_url": _next(request),
        },
    )


def _next(request) -> str:
    return safe_next(request, fallback="")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def applicant_edit(request, pk=None, relationship=None):
    """Add (``relationship``) or change (``pk``) the member's own details or a child's."""
    if pk is not None:
        applicant = selectors.applicant_get_for_member(user=request.user, pk=pk)
        relationship = applicant.relationship
    else:
        applicant = None
        own = Applicant.objects.filter(account=request.user, relationship=Applicant.Relationship.SELF).first()
        if relationship == Applicant.Relationship.SELF and own is not None:
            return redirect("applications:applicant-edit", pk=own.pk)
    is_child = relationship == Applicant.Relationship.CHILD
    form = ApplicantForm(
        request.POST if request.method == "POST" else None,
        instance=applicant or Applicant(account=request.user, relationship=relationship),
        is_child=is_child,
    )
    next_url = _next(request)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.applicant_save(
                account=request.user,
                relationship=relationship,
                fields=fields,
                applicant=applicant,
                guardian_consent=form.cleaned_data.get("guardian_consent", False),
                language=get_language(),
            )
        except ApplicationError as exc:
            form.add_error("guardian_consent" if exc.code == "consent_required" else None, exc.message)
        else:
            if is_child:
                messages.success(request, gettext("The child's details have been saved."))
            else:
                messages.success(request, gettext("Your details have been saved."))
            return redirect(next_url or reverse("applications:applicants"))
    consent_needed = (
        is_child and form.instance.birth_date is not None and needs_guardian_consent(form.instance)
    )
    return render(
        request,
        "applications/applicant_form.html",
        {
            "form": form,
            "applicant": applicant,
            "is_child": is_child,
            "next_url": next_url,
            "consent_needed": consent_needed,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def applicant_delete(request, pk):
    applicant = selectors.applicant_get_for_member(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.applicant_delete(applicant=applicant)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, gettext("The details have been deleted."))
        return redirect("applications:applicants")
    return render(request, "applications/applicant_confirm_delete.html", {"applicant": applicant})


@never_cache
@login_required
def answer_file(request, pk):
    """An uploaded file, to the member who applied and the staff who manage the call; a download, never
    shown in the browser, so that no uploaded content runs on the site's address."""
    answer = selectors.answer_get_for_download(user=request.user, pk=pk)
    if request.user.is_staff:
        access_record(action=Action.VIEW, model=answer, ids=[answer.pk], summary="file downloaded")
    response = FileResponse(
        answer.file.open("rb"), as_attachment=True, filename=answer.file_name, content_type=answer.file_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
