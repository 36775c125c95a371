"""What every request needs from the accounts app: who is acting and from where (for the access record),
the login device cookie, and staff sessions that end when they sit idle."""

from django.conf import settings

from audit.context import acting

from . import login_limits
from .http import client_ip


class AccountsMiddleware:
    """Place it after the session and authentication middleware.

    - Entries of the access record written while the request is served name its user and address.
    - Sends the device cookie a successful login prepared (``login_limits``), whichever page logged in.
    - Staff sessions end after ``STAFF_SESSION_IDLE_SECONDS`` without a request; each request starts the time
      again. Members keep the lifetime of their login (``SESSION_COOKIE_AGE``, or until the browser closes).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting(user=lambda: getattr(request, "user", None), address=client_ip(request)):
            response = self.get_response(request)
        login_limits.set_device_cookie(request, response)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff and hasattr(request, "session"):
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return response
