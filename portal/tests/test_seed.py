"""The seed content: loaded once, never overwriting staff edits, complete in Korean, English and Chinese."""

import re
from importlib import import_module
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from events.models import Event
from portal import seed
from portal.services import seed_load
from programs.models import Category, City, Program, Status

LANGS = ("ko", "en", "zh-hans")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CJK = re.compile(r"[\u4e00-\u9fff]")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Translated fields per model, and the one that names each item.
TRANSLATED = {
    Category: ("name", "summary"),
    City: ("name", "country", "description"),
    Program: ("title", "summary", "detail", "activities", "eligibility", "contact"),
    Event: ("title", "summary", "body", "venue"),
}
NAME_FIELD = {Category: "name", City: "name", Program: "title", Event: "title"}

# The place-name glossary (shared/seed/glossary.md): one form per language.
GLOSSARY = {
    "surabaya": {"ko": "수라바야", "en": "Surabaya", "zh-hans": "泗水"},
    "chongqing": {"ko": "충칭", "en": "Chongqing", "zh-hans": "重庆"},
    "kaohsiung": {"ko": "가오슝", "en": "Kaohsiung", "zh-hans": "高雄"},
    "vladivostok": {"ko": "블라디보스토크", "en": "Vladivostok", "zh-hans": "符拉迪沃斯托克"},
    # The partner is the prefecture.
    "nagasaki": {"ko": "나가사키현", "en": "Nagasaki Prefecture", "zh-hans": "长崎县"},
    "beijing": {"ko": "베이징", "en": "Beijing", "zh-hans": "北京"},
}
# Other spellings of glossary terms that must not appear.
VARIANTS = {
    "ko": (
        "블라디보스톡",
        "중경",
        "북경",
        "까오슝",
        "가오숑",
        "유엔 주간",
        "유엔 위크",
        "우호도시",
        "자매결연도시",
    ),
    "zh-hans": ("苏腊巴亚", "泗水市", "弗拉迪沃斯托克", "卡奥松", "联合国週", "友好合作城市", "姊妹城市"),
}
# Korean calques a mainland Chinese reader stumbles over (issue 14), and a fragment ending in 的活动。.
CHINESE_CALQUES = ("文化共识", "活跃", "相互了解彼此", "相互理解与", "运营", "的活动。", "的服务。")


def _column(field: str, lang: str) -> str:
    return f"{field}_{lang.replace('-', '_')}"


def _load() -> str:
    out = StringIO()
    call_command("load_seed", stdout=out)
    return out.getvalue()


def _all_items():
    for model in TRANSLATED:
        yield from model.objects.all()


# --- the data file itself (no database) ------------------------------------------------------------------


def test_seed_data_is_well_formed():
    groups = {
        "categories": seed.CATEGORIES,
        "cities": seed.CITIES,
        "programs": seed.PROGRAMS,
        "events": seed.EVENTS,
    }
    for items in groups.values():
        slugs = [item["slug"] for item in items]
        assert len(slugs) == len(set(slugs))
        assert all(KEBAB.match(slug) for slug in slugs)
        for item in items:
            assert item["status"] == "published"
            for value in item.values():
                if isinstance(value, dict):
                    assert set(value) == set(LANGS), item["slug"]

    category_slugs = {c["slug"] for c in seed.CATEGORIES}
    city_slugs = {c["slug"] for c in seed.CITIES}
    program_slugs = {p["slug"] for p in seed.PROGRAMS}
    for program in seed.PROGRAMS:
        assert program["category"] in category_slugs
        assert set(program["cities"]) <= city_slugs
    for event in seed.EVENTS:
        assert event["program"] in program_slugs
        assert set(event["cities"]) <= city_slugs


def test_seed_events_are_aware_2021_datetimes():
    for event in seed.EVENTS:
        assert event["starts_at"].tzinfo is not None
        assert event["starts_at"].year == event["ends_at"].year == 2021
        assert event["ends_at"] >= event["starts_at"]


# --- loading ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_twice_creates_everything_once():
    first = _load()
    assert "2 categories, 6 cities, 8 programs, 4 events created" in first
    counts = {model: model.objects.count() for model in TRANSLATED}
    stamps = {model: sorted(model.objects.values_list("pk", "updated_at")) for model in TRANSLATED}

    second = _load()

    assert "nothing changed" in second
    assert {model: model.objects.count() for model in TRANSLATED} == counts
    assert counts == {Category: 2, City: 6, Program: 8, Event: 4}
    assert {model: sorted(model.objects.values_list("pk", "updated_at")) for model in TRANSLATED} == stamps


@pytest.mark.django_db
def test_seed_load_returns_created_counts():
    assert seed_load() == {"categories": 2, "cities": 6, "programs": 8, "events": 4}
    assert seed_load() == {"categories": 0, "cities": 0, "programs": 0, "events": 0}


@pytest.mark.django_db
def test_staff_edits_survive_a_rerun():
    _load()
    program = Program.objects.get(slug="youth-exchanges")
    program.title_ko = "청소년 국제교류 (직원 수정)"
    program.status = Status.DRAFT
    program.save()
    program.cities.remove(City.objects.get(slug="vladivostok"))
    Event.objects.get(slug="world-peace-forum-2021").delete()

    _load()

    program.refresh_from_db()
    assert program.title_ko == "청소년 국제교류 (직원 수정)"
    assert program.status == Status.DRAFT
    assert not program.cities.filter(slug="vladivostok").exists()
    # What staff deleted comes back, as it is part of the seed; nothing else is created twice.
    assert Event.objects.filter(slug="world-peace-forum-2021").count() == 1
    assert Event.objects.count() == 4


@pytest.mark.django_db
def test_every_item_is_published_and_named_in_three_languages():
    _load()
    for obj in _all_items():
        assert obj.status == Status.PUBLISHED
        field = NAME_FIELD[type(obj)]
        ko, en, zh = (getattr(obj, _column(field, lang)) for lang in LANGS)
        assert ko and en and zh, obj.slug
        assert HANGUL.search(ko), obj.slug
        assert CJK.search(zh) and not HANGUL.search(zh), obj.slug
        assert not HANGUL.search(en) and not CJK.search(en), obj.slug


@pytest.mark.django_db
def test_translated_texts_are_complete_and_in_the_right_script():
    """A field has text in all three languages or in none; each language is written in its own script."""
    _load()
    for obj in _all_items():
        for field in TRANSLATED[type(obj)]:
            values = {lang: getattr(obj, _column(field, lang)) or "" for lang in LANGS}
            filled = {lang for lang, value in values.items() if value}
            assert filled in (set(), set(LANGS)), f"{obj.slug}.{field}"
            if filled:
                assert HANGUL.search(values["ko"]), f"{obj.slug}.{field}"
                assert CJK.search(values["zh-hans"]), f"{obj.slug}.{field}"
                assert not HANGUL.search(values["zh-hans"]), f"{obj.slug}.{field}"
                assert not HANGUL.search(values["en"]) and not CJK.search(values["en"]), f"{obj.slug}.{field}"


@pytest.mark.django_db
def test_all_six_cities_and_four_events_exist():
    _load()
    assert set(City.objects.values_list("slug", flat=True)) == set(GLOSSARY)
    assert set(Event.objects.values_list("slug", flat=True)) == {
        "world-peace-forum-2021",
        "asean-food-show-2021",
        "busan-asean-week-2021",
        "international-cooperation-consulting-matching-2021",
    }
    assert Event.objects.get(slug="world-peace-forum-2021").program.slug == "un-week"
    assert Event.objects.get(slug="busan-asean-week-2021").program.slug == "asean-partnership"
    youth = Program.objects.get(slug="youth-exchanges")
    assert set(youth.cities.values_list("slug", flat=True)) == {
        "surabaya",
        "chongqing",
        "kaohsiung",
        "vladivostok",
    }
    assert youth.category.slug == "civilian-urban-diplomacy"


@pytest.mark.django_db
def test_relationships_and_countries():
    _load()
    sister = set(City.objects.filter(relationship=City.Relationship.SISTER).values_list("slug", flat=True))
    assert sister == {"surabaya", "kaohsiung", "vladivostok"}
    kaohsiung = City.objects.get(slug="kaohsiung")
    # The field is "country or region"; on Chinese pages Kaohsiung is in 中国台湾 (glossary).
    assert (kaohsiung.country_ko, kaohsiung.country_en, kaohsiung.country_zh_hans) == (
        "대만",
        "Taiwan",
        "中国台湾",
    )
    with translation.override("zh-hans"):
        assert str(City._meta.get_field("country").verbose_name) == "国家/地区"


@pytest.mark.django_db
def test_partner_cities_have_their_official_websites():
    _load()
    for city in City.objects.all():
        assert city.website.startswith("https://"), city.slug


@pytest.mark.django_db
def test_chinese_texts_read_as_a_mainland_government_site_writes_them():
    _load()
    for obj in _all_items():
        for field in TRANSLATED[type(obj)]:
            text = getattr(obj, _column(field, "zh-hans")) or ""
            for calque in CHINESE_CALQUES:
                assert calque not in text, f"{obj.slug}.{field}: {calque}"


@pytest.mark.django_db
def test_place_names_follow_the_glossary():
    _load()
    chongqing = City.objects.get(slug="chongqing")
    assert chongqing.name_zh_hans == "重庆"
    assert City.objects.get(slug="nagasaki").name_zh_hans == "长崎县"
    assert chongqing.name_ko == "충칭"
    for slug, names in GLOSSARY.items():
        city = City.objects.get(slug=slug)
        assert {lang: getattr(city, _column("name", lang)) for lang in LANGS} == names


@pytest.mark.django_db
def test_no_variant_spellings_of_glossary_terms():
    _load()
    for obj in _all_items():
        for field in TRANSLATED[type(obj)]:
            for lang, variants in VARIANTS.items():
                text = getattr(obj, _column(field, lang)) or ""
                for variant in variants:
                    assert variant not in text, f"{obj.slug}.{field}_{lang}: {variant}"
            zh = getattr(obj, _column(field, "zh-hans")) or ""
            # 海参崴 may only follow 符拉迪沃斯托克, in brackets.
            assert zh.count("海参崴") == zh.count("符拉迪沃斯托克（海参崴）")


@pytest.mark.django_db
def test_verbose_run_lists_what_it_creates():
    out = StringIO()
    call_command("load_seed", verbosity=2, stdout=out)
    assert "Created city chongqing" in out.getvalue()


@pytest.mark.django_db
def test_databases_with_the_earlier_seed_text_are_brought_up_to_date_but_staff_edits_stay():
    """The data migration changes a field only where it still holds the earlier seed text."""
    revision = import_module("portal.migrations.0001_seed_text_revision")
    # The models as the migration sees them (modeltranslation does not rewrite their queries).
    apps = MigrationExecutor(connection).loader.project_state(("portal", "0001_seed_text_revision")).apps
    _load()
    # A database loaded before the revision: the earlier texts, one of which staff have edited since.
    revision.restore(apps, None)
    kaohsiung = City.objects.get(slug="kaohsiung")
    assert (kaohsiung.country_zh_hans, kaohsiung.website) == ("台湾", "")
    nagasaki = City.objects.get(slug="nagasaki")
    nagasaki.name_en = "Nagasaki (edited by staff)"
    nagasaki.save()

    revision.revise(apps, None)

    kaohsiung.refresh_from_db()
    nagasaki.refresh_from_db()
    assert kaohsiung.country_zh_hans == "中国台湾"
    assert kaohsiung.website == "https://www.kcg.gov.tw/"
    assert nagasaki.name_ko == "나가사키현"
    assert nagasaki.name_zh_hans == "长崎县"
    assert nagasaki.name_en == "Nagasaki (edited by staff)"
    council = Program.objects.get(slug="international-exchange-advisory-council")
    assert council.title_zh_hans == "国际交流咨询委员会"
