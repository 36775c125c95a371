"""How allauth treats our members: mail in their language with links on the site's configured address, the
site's real name, the client address seen through the proxy, and the login limits of ``login_limits``."""

import copy
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse, translate_url
from django.utils.encoding import force_str

from . import login_limits
from .http import client_ip, too_many_requests
from .mail import absolute_url, member_language, member_translation, site_name, subject_prefix


def _on_configured_site(url: str) -> str:
    """An absolute link allauth built from the request's ``Host`` (which a client chooses), moved to the
    site's configured address."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Take the member's name, language and (with the consent for it) phone from the sign-up form."""
        data = form.cleaned_data
        user.name = data.get("name", "")
        user.language = data.get("language") or user.language
        user.phone = data.get("phone", "") if data.get("consent_phone") else ""
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render every allauth mail in the recipient's preferred language, links included.

        The recipient is the ``user`` allauth passes, or the member owning ``email`` (e.g. "an account
        already exists"); mail to an unknown address goes out in the language of the page it was asked from.
        """
        user = context.get("user") or next(iter(filter_users_by_email(email)), None)
        request = allauth_context.request
        language = member_language(user)
        # Links allauth built in the language of the request, re-pointed at the member's language
        # (translate_url resolves them while the request's language is still active).
        context = {
            key: _on_configured_site(translate_url(value, language))
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        with member_translation(user):
            # The site as the member knows it: its name in their language, its configured public address.
            site = copy.copy(get_current_site(request))
            site.name = site_name()
            site.domain = settings.PORTAL_DOMAIN
            ctx = {
                "request": request,
                "email": email,
                "current_site": site,
                "site_url": absolute_url(reverse("home")),
                **context,
            }
            message = self.render_mail(template_prefix, email, ctx)
        message.send()

    def format_email_subject(self, subject: str) -> str:
        return subject_prefix() + force_str(subject)

    def get_client_ip(self, request) -> str:
        """The address allauth's own limits and mails use: the site's one helper, which never fails."""
        return client_ip(request)

    def pre_authenticate(self, request, **credentials) -> None:
        """Count the attempt before the password is checked; while the account, the address or the device
        must wait, answer 429 with ``Retry-After`` without looking at the password."""
        login = credentials.get("email") or credentials.get("username") or ""
        try:
            self._login_attempt = login_limits.login_attempt_begin(request, login=login)
        except login_limits.LoginHeld as held:
            raise ImmediateHttpResponse(
                too_many_requests(request, retry_after=held.retry_after, login_held=True)
            ) from held

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            login_limits.login_succeeded(request, self._login_attempt)
        return user

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        # allauth calls this for each of the member's addresses once their password has been reset.
        login_limits.login_failures_forget(login=credentials.get("email") or "")
