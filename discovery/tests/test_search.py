import pytest
from django.urls import reverse
from django.utils import translation

from discovery.search import excerpt, highlight, search_terms
from events.tests.factories import EventFactory
from programs.tests.factories import CityFactory, ProgramFactory

from .utils import assert_nothing_hidden

pytestmark = pytest.mark.django_db


def search(client, language, query, **params):
    with translation.override(language):
        url = reverse("discovery:search")
    return client.get(url, {"q": query, **params})


# Hits in each language


def test_korean_query_finds_program_in_korean(client, content):
    response = search(client, "ko", "청소년")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/ko/programs/youth-exchange/"' in html
    assert "<mark>청소년</mark> 교류" in html


def test_english_query_finds_program_event_and_city(client, content):
    html = search(client, "en", "youth").content.decode()
    assert "/en/programs/youth-exchange/" in html
    assert "<mark>Youth</mark> exchanges" in html

    html = search(client, "en", "peace").content.decode()
    assert "/en/events/world-peace-forum/" in html

    html = search(client, "en", "nagasaki").content.decode()
    assert "/en/cities/nagasaki/" in html


def test_chinese_query_finds_program_by_substring_without_spaces(client, content):
    html = search(client, "zh-hans", "青少年").content.decode()
    assert "/zh-hans/programs/youth-exchange/" in html
    assert "<mark>青少年</mark>交流" in html

    # Part of a word written without spaces: 世界和平论坛 contains 和平论.
    html = search(client, "zh-hans", "和平论").content.decode()
    assert "/zh-hans/events/world-peace-forum/" in html

    html = search(client, "zh-hans", "长崎").content.decode()
    assert "/zh-hans/cities/nagasaki/" in html


def test_korean_query_matches_text_beyond_the_title(client, content):
    html = search(client, "ko", "홈스테이").content.decode()
    assert "/ko/programs/youth-exchange/" in html
    assert "<mark>홈스테이</mark>" in html


def test_several_words_must_all_match(client, content):
    html = search(client, "en", "youth exchanges").content.decode()
    assert "/en/programs/youth-exchange/" in html
    assert "/en/programs/children-exchange/" not in html

    html = search(client, "en", "children   exchanges").content.decode()
    assert "/en/programs/children-exchange/" in html
    assert "/en/programs/youth-exchange/" not in html

    html = search(client, "zh-hans", "青少年 文化").content.decode()
    assert "/zh-hans/programs/youth-exchange/" in html


def test_results_are_grouped_by_type(client, content):
    # "Busan" is in the forum's venue and in Nagasaki's description.
    html = search(client, "en", "busan").content.decode()
    assert 'id="results-event"' in html
    assert 'id="results-city"' in html
    assert 'id="results-program"' not in html
    assert html.index('id="results-event"') < html.index('id="results-city"')


# Misses


def test_any_of_the_three_languages_finds_an_item_shown_in_the_visitors_language(client, content):
    """/ko/search/?q=youth, /en/search/?q=청소년 and /zh-hans/search/?q=부산 find what they name."""
    html = search(client, "en", "청소년").content.decode()
    assert '<a href="/en/programs/youth-exchange/">Youth exchanges</a>' in html
    # The query is repeated in its own language, for screen readers.
    assert 'for “<span lang="ko">청소년</span>”' in html
    # Where the words are, in the language they were found in, marked as such.
    assert 'Found in the Korean text: <span lang="ko">' in html
    assert "<mark>청소년</mark>" in html

    html = search(client, "ko", "youth").content.decode()
    assert '<a href="/ko/programs/youth-exchange/">청소년 교류</a>' in html
    assert '<span lang="en">' in html

    html = search(client, "zh-hans", "青少年").content.decode()
    assert "/zh-hans/programs/youth-exchange/" in html
    html = search(client, "zh-hans", "나가사키").content.decode()
    assert '<a href="/zh-hans/cities/nagasaki/">长崎</a>' in html


def test_a_title_in_the_visitors_language_ranks_first(client, db):
    ProgramFactory(
        slug="korean-word-in-english-text", title_ko="기타", title_en="Other", summary_ko="청소년 관련"
    )
    ProgramFactory(slug="korean-title", title_ko="청소년 캠프", title_en="Youth camp")
    html = search(client, "en", "청소년").content.decode()
    assert html.index("/en/programs/korean-title/") < html.index("/en/programs/korean-word-in-english-text/")


def test_no_match_shows_a_helpful_empty_state(client, content):
    response = search(client, "en", "volcano")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No programs, events or cities match “volcano”." in html
    assert 'href="/en/programs/"' in html
    assert 'href="/en/events/"' in html
    assert 'href="/en/cities/"' in html
    assert 'class="search-result"' not in html


def test_fallback_text_is_searched_and_marked_with_its_language(client, db):
    ProgramFactory(slug="korean-only", title_ko="부산 청년 포럼", title_en="", title_zh_hans="")
    html = search(client, "zh-hans", "청년").content.decode()
    assert '<a href="/zh-hans/programs/korean-only/" lang="ko">부산 <mark>청년</mark> 포럼</a>' in html


def test_unpublished_content_is_never_found(client, content):
    # Words every unpublished item contains, in each language.
    for language, query in (("en", "youth"), ("ko", "청소년"), ("zh-hans", "青少年"), ("en", "forum")):
        html = search(client, language, query).content.decode()
        assert_nothing_hidden(html)
    # Words only unpublished items contain (the query itself is echoed, so look at the results).
    for language, query in (("en", "unpublished"), ("ko", "비공개"), ("zh-hans", "未公开")):
        html = search(client, language, query).content.decode()
        assert 'class="search-result"' not in html
        assert "unpublished-" not in html


# The search box


def test_every_page_has_a_labelled_search_box(client, content):
    html = client.get("/en/events/").content.decode()
    assert 'role="search"' in html
    assert 'action="/en/search/"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html
    assert 'id="site-search-q" name="q"' in html


def test_query_is_kept_in_the_box(client, content):
    html = search(client, "ko", "청소년 교류").content.decode()
    assert 'name="q" value="청소년 교류"' in html


def test_empty_query_shows_guidance_and_no_results(client, content):
    html = client.get("/en/search/").content.decode()
    assert "Type a word to find programs" in html
    assert 'class="search-result"' not in html
    assert 'href="/en/programs/"' in html


# Escaping


def test_query_with_markup_comes_back_escaped(client, content):
    html = search(client, "en", '<script>alert("x")</script>').content.decode()
    assert '<script>alert("x")' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_content_with_markup_is_escaped_around_the_marks(client, db):
    ProgramFactory(slug="markup", title_en="<b>Youth</b> & friends")
    html = search(client, "en", "youth").content.decode()
    assert "&lt;b&gt;<mark>Youth</mark>&lt;/b&gt; &amp; friends" in html
    assert "<b>Youth</b>" not in html


def test_highlight_escapes_every_piece():
    assert highlight('a <b> youth & "co"', ["youth"]) == "a &lt;b&gt; <mark>youth</mark> &amp; &quot;co&quot;"
    assert highlight("<script>", ["<script>"]) == "<mark>&lt;script&gt;</mark>"
    # A term never matches inside an escape the page itself adds.
    assert highlight("a < b", ["lt"]) == "a &lt; b"
    assert highlight("Youth YOUTH", ["youth"]) == "<mark>Youth</mark> <mark>YOUTH</mark>"
    assert highlight("plain", []) == "plain"


def test_excerpt_centres_on_the_first_match():
    text = "word " * 100 + "homestay " + "word " * 100
    snippet = excerpt(text, ["homestay"], length=60)
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert "<mark>homestay</mark>" in snippet


def test_search_terms_split_on_spaces_and_cjk_punctuation():
    assert search_terms("  youth   exchange ") == ["youth", "exchange"]
    assert search_terms("青少年，交流、长崎") == ["青少年", "交流", "长崎"]
    assert search_terms("Youth youth YOUTH") == ["Youth"]
    assert len(search_terms(" ".join(f"w{n}" for n in range(20)))) == 8


# Paging and query count


def test_results_are_paged_and_keep_the_query(client, db):
    ProgramFactory.create_batch(25, title_en="Youth camp")
    first = search(client, "en", "youth camp").content.decode()
    assert first.count('class="search-result"') == 20
    assert "Page 1 of 2" in first
    assert 'href="?q=youth+camp&amp;page=2"' in first

    second = search(client, "en", "youth camp", page=2).content.decode()
    assert second.count('class="search-result"') == 5
    assert 'href="?q=youth+camp&amp;page=1"' in second

    # An impossible page number shows the last page rather than an error.
    assert search(client, "en", "youth camp", page=99).status_code == 200


def test_search_page_runs_a_bounded_number_of_queries(client, db, django_assert_max_num_queries):
    cities = CityFactory.create_batch(3, name_en="Exchange city")
    ProgramFactory.create_batch(10, summary_en="An exchange program.", cities=cities)
    EventFactory.create_batch(10, summary_en="An exchange event.", cities=cities)
    with django_assert_max_num_queries(6):
        response = search(client, "en", "exchange")
    assert response.content.decode().count('class="search-result"') == 20


def test_excerpt_cuts_between_words_where_there_are_spaces():
    text = "Busan and its sister cities cultivate global professionals through youth exchanges every year, "
    text += "with homestays, school visits and cultural programs."
    snippet = excerpt(text, ["youth"], length=40)
    assert snippet == "…through <mark>youth</mark> exchanges every…"
    # Chinese has no spaces to cut at: the excerpt is cut by characters.
    chinese = "釜山与姐妹城市通过青少年交流培养国际人才" * 3
    assert "<mark>青少年</mark>" in excerpt(chinese, ["青少年"], length=12)
