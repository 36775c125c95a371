"""Which languages an item lacks, computed in Python for a row and in SQL for filters and counts."""

import pytest

from events.models import Event
from events.tests.factories import EventFactory
from programs.completeness import missing_translation_counts, missing_translation_q, translation_status
from programs.models import City, Program
from programs.tests.factories import CityFactory, ProgramFactory

pytestmark = pytest.mark.django_db

FIELDS = ("title", "summary")


def test_status_of_a_complete_item():
    assert translation_status(ProgramFactory(), FIELDS) == {"ko": True, "en": True, "zh-hans": True}


def test_status_marks_each_language_lacking_a_text_another_has():
    program = ProgramFactory(summary_zh_hans="", title_en="")
    assert translation_status(program, FIELDS) == {"ko": True, "en": False, "zh-hans": False}


def test_a_field_nobody_wrote_is_not_missing():
    program = ProgramFactory(summary_ko="", summary_en="", summary_zh_hans=None)
    assert translation_status(program, FIELDS) == {"ko": True, "en": True, "zh-hans": True}


def test_counts_agree_with_the_python_status_in_one_query(django_assert_num_queries):
    programs = [
        ProgramFactory(),
        ProgramFactory(summary_zh_hans=""),
        ProgramFactory(summary_zh_hans=None, title_zh_hans=""),
        ProgramFactory(title_en="", summary_en=""),
        ProgramFactory(summary_ko="", summary_en="", summary_zh_hans=""),
        ProgramFactory(
            title_ko="한국어만",
            title_en="",
            title_zh_hans="",
            summary_ko="",
            summary_en="",
            summary_zh_hans="",
        ),
    ]
    with django_assert_num_queries(1):
        counts = missing_translation_counts(Program.objects.all(), FIELDS)
    expected = {
        code: sum(not translation_status(p, FIELDS)[code] for p in programs)
        for code in ("ko", "en", "zh-hans")
    }
    assert counts == expected == {"ko": 0, "en": 2, "zh-hans": 3}
    for code in ("ko", "en", "zh-hans"):
        lacking = set(Program.objects.filter(missing_translation_q(FIELDS, code)))
        assert lacking == {p for p in programs if not translation_status(p, FIELDS)[code]}


def test_counts_for_cities_and_events():
    CityFactory(country_en="")
    CityFactory(description_ko="부산과 교류", description_en="", description_zh_hans="")
    CityFactory()
    EventFactory(summary_ko="")
    assert missing_translation_counts(City.objects.all(), ("name", "country", "description")) == {
        "ko": 0,
        "en": 2,
        "zh-hans": 1,
    }
    assert missing_translation_counts(Event.objects.all(), FIELDS) == {"ko": 1, "en": 0, "zh-hans": 0}
