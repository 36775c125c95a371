"""The interface catalogues are complete, well formed and compiled from their current text."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALES = ["ko", "zh_Hans"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


def catalogue(locale):
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(locale):
    po = catalogue(locale)
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_every_placeholder(locale):
    for entry in catalogue(locale).translated_entries():
        source = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        targets = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for target in targets:
            if entry.msgid_plural:
                # One plural form: the count may be spelled out instead of repeated.
                assert set(PLACEHOLDER.findall(target)) <= set(source), entry.msgid
            else:
                assert sorted(PLACEHOLDER.findall(target)) == source, entry.msgid


@pytest.mark.parametrize(("locale", "language"), [("ko", "ko"), ("zh_Hans", "zh-hans")])
def test_compiled_catalogue_matches_the_source(locale, language):
    """What the site shows is what the .po file says (``make`` compiles it before serving or testing)."""
    po = catalogue(locale)
    with translation.override(language):
        for entry in po.translated_entries():
            if entry.msgid_plural or entry.msgctxt:
                continue
            assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid
