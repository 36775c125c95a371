"""Middleware the whole site shares: input no page can use is refused at the door, and response headers
beyond what Django's SecurityMiddleware and django-csp set."""

import re

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.http import HttpResponse

# In addresses and queries: NUL and the other control characters but tab, line feed and carriage return.
# PostgreSQL refuses NUL in any text, and no link of the site has a use for the others.
_UNUSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# In forms only NUL: text pasted into a form (staff's from a word processor, say) may carry the others, and
# a page that threw it away would lose what was typed.
_NUL = re.compile("\x00")


class RejectUnusableInputMiddleware:
    """A request whose address or query holds control characters, or whose form holds NUL, is answered
    "400 Bad Request" (the site's translated page) before any view or query sees it, on every database
    alike. A cookie that holds them is dropped, so a damaged cookie cannot lock a visitor out of the site.

    Place it before anything that reads the session, the cookies or the form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in [name for name, value in request.COOKIES.items() if _UNUSABLE.search(name + value)]:
            del request.COOKIES[name]
        if (
            _UNUSABLE.search(request.path)
            or _holds(request.GET, _UNUSABLE)
            or (request.method == "POST" and _holds(request.POST, _NUL))
        ):
            raise BadRequest("Control characters in the request")
        return self.get_response(request)


def _holds(data, pattern: re.Pattern) -> bool:
    return any(pattern.search(key) or any(map(pattern.search, values)) for key, values in data.lists())


class PermissionsPolicyMiddleware:
    """Turn off browser features the portal never uses (camera, location, payment ...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the site's policy built once per process instead of for every response:
    the site uses no nonces and no per-view policies, so the header is the same on every page. A response
    with a policy of its own (django-csp's decorators) or a request that used a nonce goes the library's
    way, as do the error pages it leaves alone in DEBUG."""

    _OWN_POLICY = (
        "_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro",
        "_csp_exempt", "_csp_exempt_ro",
    )  # fmt: skip
    _headers: dict[str, str] | None = None

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) for name in self._OWN_POLICY)
        ):
            return super().process_response(request, response)
        headers = ContentSecurityPolicyMiddleware._headers
        if headers is None:
            probe = super().process_response(request, HttpResponse())
            headers = {name: probe[name] for name in (HEADER, HEADER_REPORT_ONLY) if name in probe}
            ContentSecurityPolicyMiddleware._headers = headers
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        # As the library does: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _policy_changed(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        ContentSecurityPolicyMiddleware._headers = None


setting_changed.connect(_policy_changed)
