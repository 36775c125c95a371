"""How allauth treats our members: mail in their language, the site's real name, 429 on too many failures."""

import copy

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django import forms
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse, translate_url
from django.utils.encoding import force_str

from .mail import absolute_url, member_language, member_translation, site_name, subject_prefix


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
            key: translate_url(value, language) if key.endswith("_url") and isinstance(value, str) else value
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

    def pre_authenticate(self, request, **credentials) -> None:
        """Too many failed logins answer 429 Too Many Requests, not just a form error."""
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError as error:
            if self._login_failed_rl_usage is None:
                raise ImmediateHttpResponse(respond_429(request)) from error
            raise
