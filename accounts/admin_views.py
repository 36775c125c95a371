"""The way into the admin: in the staff member's own language, Korean by default."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language


def _staff_language(user) -> str | None:
    language = getattr(user, "language", None) if user.is_authenticated and user.is_staff else None
    return language if language in dict(settings.LANGUAGES) else None


def admin_redirect(request, rest: str = ""):
    """``/admin/...`` without a language: the same admin page in the staff member's language, or Korean."""
    language = _staff_language(request.user) or settings.LANGUAGE_CODE
    with translation.override(language):
        url = reverse("admin:index") + rest
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{url}?{query}" if query else url)


def in_staff_language(login_view):
    """Wrap the admin's login view: once logged in, staff continue in their preferred language."""

    @wraps(login_view)
    def view(request, *args, **kwargs):
        response = login_view(request, *args, **kwargs)
        language = _staff_language(request.user)
        if (
            request.method == "POST"
            and response.status_code == 302
            and language
            and language != get_language()
            and response.get("Location", "").startswith("/")
        ):
            response["Location"] = translate_url(response["Location"], language)
        return response

    return view
