"""What every request needs from the accounts app: the login device cookie, staff sessions that end when
they sit idle, and who is acting (for the access record)."""

from django.conf import settings

from . import login_limits


class AccountsMiddleware:
    """Place it after the session and authentication middleware.

    - Sends the device cookie a successful login prepared (``login_limits``), whichever page logged in.
    - Staff sessions end after ``STAFF_SESSION_IDLE_SECONDS`` without a request; each request starts the time
      again. Members keep the lifetime of their login (``SESSION_COOKIE_AGE``, or until the browser closes).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        login_limits.set_device_cookie(request, response)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff and hasattr(request, "session"):
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return response
