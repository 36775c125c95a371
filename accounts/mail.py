"""Mail to members: rendered in the member's preferred language, naming the real site, with absolute links."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext


def member_language(user) -> str:
    """The member's preferred language if the site speaks it, else the language currently active."""
    language = getattr(user, "language", "") or ""
    if language in dict(settings.LANGUAGES):
        return language
    return translation.get_language() or settings.LANGUAGE_CODE


@contextmanager
def member_translation(user) -> Iterator[str]:
    """Activate the member's language for the duration of the block."""
    language = member_language(user)
    with translation.override(language):
        yield language


def site_name() -> str:
    """The site's name (Site 1) in the active language, when the interface catalogue translates it."""
    return gettext(Site.objects.get_current().name)


def absolute_url(path: str) -> str:
    """``path`` as an absolute URL on the site's configured address (``PORTAL_URL_SCHEME`` and
    ``PORTAL_DOMAIN``), never on the host a request happened to name."""
    return f"{settings.PORTAL_URL_SCHEME}://{settings.PORTAL_DOMAIN}{path}"


def subject_prefix() -> str:
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", None)
    if prefix is None:
        prefix = f"[{site_name()}] "
    return prefix


def member_mail(*, user, template_prefix: str, context: dict) -> EmailMessage:
    """``<template_prefix>_subject.txt`` and ``_message.txt`` rendered in the member's language, as a message
    to the member, not yet sent.

    Build language-dependent values of ``context`` (links) inside ``member_translation(user)`` too.
    """
    with member_translation(user):
        context = {"site_name": site_name(), "site_url": absolute_url("/"), "member": user, **context}
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = subject_prefix() + " ".join(subject.splitlines()).strip()
        body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_member_mail(*, user, template_prefix: str, context: dict) -> None:
    """``member_mail``, sent (into the outbox, in the current transaction)."""
    member_mail(user=user, template_prefix=template_prefix, context=context).send()
