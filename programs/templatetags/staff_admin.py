"""Template helpers for the staff admin."""

from django import template
from django.conf import settings
from django.contrib import admin
from django.utils.http import urlencode

from programs.completeness import missing_translation_counts

register = template.Library()


def _short(code: str) -> str:
    return code.split("-")[0].upper()


@register.simple_tag
def translation_gaps(app_list):
    """Per content model the user can see, how many items lack each language (one query per model).

    ``{"languages": [("KO", "한국어"), ...], "rows": [{"name", "url", "cells": [{"count", "url", ...}]}]}``;
    each count links to the list filtered on that missing language.
    """
    rows = []
    for app in app_list:
        for entry in app["models"]:
            model = entry.get("model")
            model_admin = admin.site._registry.get(model)
            fields = getattr(model_admin, "completeness_fields", None)
            if not fields:
                continue
            counts = missing_translation_counts(model._default_manager.all(), fields)
            url = entry.get("admin_url")
            rows.append(
                {
                    "name": entry["name"],
                    "url": url,
                    "cells": [
                        {
                            "language": name,
                            "count": counts[code],
                            "url": f"{url}?{urlencode({'missing': code})}" if url else "",
                        }
                        for code, name in settings.LANGUAGES
                    ],
                }
            )
    return {"languages": [(_short(code), name) for code, name in settings.LANGUAGES], "rows": rows}
