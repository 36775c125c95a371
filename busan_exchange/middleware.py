"""Middleware the whole site shares: input no page can use is refused at the door, and response headers
beyond what Django's SecurityMiddleware and django-csp set."""

import re

from django.conf import settings
from django.core.exceptions import BadRequest

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
