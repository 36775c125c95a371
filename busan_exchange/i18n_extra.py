"""Interface strings of Django itself that its own Simplified Chinese catalogue lacks.

Listed here so that ``make messages`` extracts them into the project's catalogues, which translate them;
without this a Chinese page would show Django's fallback language for them.
"""

from django.utils.translation import ngettext_lazy

DJANGO_STRINGS = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
)
