"""Template helpers for the homestay pages."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def date_range(start, end):
    """ "1 July 2027 to 8 July 2027" in the active language, each date kept on one line: a range may break
    only between its dates."""

    def day(value):
        return format_html(
            '<time class="nowrap" datetime="{}">{}</time>',
            value.isoformat(),
            date_format(value, "DATE_FORMAT"),
        )

    # The pattern is the catalogue's; the dates are escaped by format_html.
    return mark_safe(gettext("%(start)s to %(end)s") % {"start": day(start), "end": day(end)})  # noqa: S308
