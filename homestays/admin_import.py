"""Importing a delegation's guests from a CSV file in the admin: all rows or none, errors listed by row."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext

from . import services
from .forms_admin import GuestImportForm
from .guest_import import COLUMNS, guests_read, template_csv
from .models import Delegation


def import_view(model_admin, request, delegation: Delegation):
    form = GuestImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        result = guests_read(data=form.cleaned_data["file"].read(), delegation=delegation)
        if result.ok:
            created = services.guests_create(delegation=delegation, guests=result.guests)
            model_admin.message_user(
                request,
                ngettext("%(count)d guest imported.", "%(count)d guests imported.", len(created))
                % {"count": len(created)},
                messages.SUCCESS,
            )
            return redirect("admin:homestays_delegation_change", delegation.pk)
        errors = result.errors
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": delegation,
        "title": gettext("Import guests for %(delegation)s") % {"delegation": delegation},
        "form": form,
        "errors": errors,
        "columns": [(name, label, required) for name, (label, _aliases, required) in COLUMNS.items()],
    }
    return TemplateResponse(request, "admin/homestays/delegation/import.html", context)


def template_response() -> HttpResponse:
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="guests-template.csv"'
    return response
