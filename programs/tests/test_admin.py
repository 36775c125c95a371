"""Staff edit content in the admin: tabbed languages, images, translation status, publishing."""

import io
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image

from accounts.tests.staff import CONTENT_EDITORS, PASSWORD, make_user
from events.tests.factories import EventFactory
from programs.models import City, Program, Status
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("editor@example.com", group=CONTENT_EDITORS))
    return client


@pytest.fixture
def admin_client_ko(client):
    client.force_login(make_user("boss@example.com", superuser=True))
    return client


def png_upload(size=(1600, 900), name="photo.png", fmt="PNG", **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, format=fmt, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


# The photo gallery's inline forms, none of them filled in.
GALLERY_EMPTY = {"gallery-TOTAL_FORMS": "0", "gallery-INITIAL_FORMS": "0"}


def program_post_data(category, **overrides):
    data = {
        "category": category.pk,
        "title_ko": "청소년 교류",
        "title_en": "Youth exchanges",
        "title_zh_hans": "青少年交流",
        "summary_ko": "자매도시 청소년 교류",
        "slug": "youth-exchanges",
        "order": 0,
        "status": Status.DRAFT,
        "image_alt_ko": "부산항의 청소년들",
        "image_alt_en": "Young people at Busan port",
        "_save": "Save",
        **GALLERY_EMPTY,
    }
    data.update(overrides)
    return data


def test_editor_adds_a_program_in_three_languages_with_an_image(editor_client):
    category = CategoryFactory()
    response = editor_client.post(
        "/ko/admin/programs/program/add/",
        program_post_data(category, image=png_upload(name="../../evil.png")),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    program = Program.objects.get(slug="youth-exchanges")
    assert (program.title_ko, program.title_en, program.title_zh_hans) == (
        "청소년 교류",
        "Youth exchanges",
        "青少年交流",
    )
    assert program.image_alt_en == "Young people at Busan port"
    # Stored under a random name in the program's folder, re-encoded.
    assert re.fullmatch(r"programs/[0-9a-f]{32}\.png", program.image.name)
    with Image.open(program.image.path) as stored:
        assert stored.format == "PNG" and stored.size == (1600, 900)
    # Renditions with their sizes, for the pages.
    assert re.fullmatch(r"programs/renditions/[0-9a-f]{32}\.png", program.image_card.name)
    assert (program.image_card_width, program.image_card_height) == (640, 360)
    assert (program.image_detail_width, program.image_detail_height) == (1200, 675)
    with Image.open(program.image_detail.path) as detail:
        assert detail.size == (1200, 675)


def test_korean_title_is_required_other_languages_optional(editor_client):
    category = CategoryFactory()
    response = editor_client.post(
        "/ko/admin/programs/program/add/",
        program_post_data(category, title_ko="", title_en="Only English"),
    )
    assert response.status_code == 200
    assert "title_ko" in response.context["adminform"].form.errors
    assert not Program.objects.exists()

    response = editor_client.post(
        "/ko/admin/programs/program/add/", program_post_data(category, title_en="", title_zh_hans="")
    )
    assert response.status_code == 302
    assert Program.objects.get().title_en in ("", None)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.svg"),
        (b"<html><script>alert(1)</script></html>", "page.png"),
    ],
)
def test_bad_upload_is_refused_with_a_message_and_nothing_saved(editor_client, content, name):
    category = CategoryFactory()
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = editor_client.post(
        "/ko/admin/programs/program/add/", program_post_data(category, image=upload)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    with translation.override("ko"):  # the admin speaks Korean to staff
        expected = translation.gettext(
            "The file is not a JPEG, PNG, GIF or WebP image, or it is damaged. Please choose another image."
        )
    assert errors[0] == expected
    assert not Program.objects.exists()


def test_uploaded_photo_loses_its_exif_and_is_turned_upright(editor_client):
    image = Image.new("RGB", (60, 20), (0, 0, 255))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "SecretCam"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("camera.jpg", buffer.getvalue(), content_type="image/jpeg")

    response = editor_client.post(
        "/ko/admin/programs/program/add/", program_post_data(CategoryFactory(), image=upload)
    )
    assert response.status_code == 302
    program = Program.objects.get()
    with open(program.image.path, "rb") as stored_file:
        stored = stored_file.read()
    assert b"SecretCam" not in stored and b"Exif" not in stored
    with Image.open(io.BytesIO(stored)) as stored_image:
        assert stored_image.size == (20, 60)
        assert not stored_image.getexif()


def test_city_image_upload_replace_and_clear(editor_client, django_capture_on_commit_callbacks):
    city = CityFactory(slug="nagasaki")
    url = f"/ko/admin/programs/city/{city.pk}/change/"
    data = {
        "name_ko": "나가사키",
        "country_ko": "일본",
        "relationship": City.Relationship.SISTER,
        "slug": "nagasaki",
        "order": 0,
        "status": Status.PUBLISHED,
        "image_alt_ko": "나가사키 항구",
    }
    response = editor_client.post(url, {**data, "image": png_upload(size=(800, 600), fmt="WEBP")})
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.image.name.endswith(".webp")
    assert (city.image_card_width, city.image_card_height) == (640, 360)
    assert (city.image_detail_width, city.image_detail_height) == (800, 600)

    first_files = [city.image.path, city.image_card.path, city.image_detail.path]

    # A new image replaces the old files.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {**data, "image": png_upload(size=(900, 600))})
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.image.name.endswith(".png")
    assert not any(os.path.exists(path) for path in first_files)
    second_files = [city.image.path, city.image_card.path, city.image_detail.path]
    assert all(os.path.exists(path) for path in second_files)

    # Clearing the image clears the renditions and removes the files.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {**data, "image-clear": "on"})
    assert response.status_code == 302
    city.refresh_from_db()
    assert not city.image and not city.image_card and not city.image_detail
    assert city.image_card_width is None
    assert not any(os.path.exists(path) for path in second_files)


def test_pages_show_the_renditions_with_their_size(editor_client, client):
    response = editor_client.post(
        "/ko/admin/programs/program/add/",
        program_post_data(CategoryFactory(), status=Status.PUBLISHED, image=png_upload()),
    )
    assert response.status_code == 302
    program = Program.objects.get()
    html = client.get("/en/programs/youth-exchanges/").content.decode()
    assert f'src="{program.image_detail.url}" width="1200" height="675"' in html
    assert program.image.url not in html
    assert 'alt="Young people at Busan port"' in html
    html = client.get(program.category.get_absolute_url().replace("/ko/", "/en/")).content.decode()
    assert f'src="{program.image_card.url}" width="640" height="360"' in html
    assert 'loading="lazy"' in html


def test_change_form_has_language_tabs_served_locally(editor_client):
    program = ProgramFactory()
    html = editor_client.get(f"/ko/admin/programs/program/{program.pk}/change/").content.decode()
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in html
    assert "/static/modeltranslation/css/tabbed_translation_fields.css" in html
    assert "/static/admin-site/js/translation-tabs.js" in html
    assert "googleapis" not in html and "//ajax." not in html and "cdn" not in html.lower()
    for name in ("title_ko", "title_en", "title_zh_hans", "image_alt_zh_hans"):
        assert f'name="{name}"' in html
    assert '<html lang="ko"' in html


def test_list_shows_which_languages_are_missing(editor_client):
    complete = ProgramFactory(title_en="Complete one")
    lacking = ProgramFactory(title_en="Lacking Chinese", summary_zh_hans="")
    html = editor_client.get("/en/admin/programs/program/").content.decode()

    def row(title):
        start = html.index(title)
        return html[start : html.index("</tr>", start)]

    assert "ZH ✓" in row("Complete one") and "✗" not in row("Complete one")
    assert "KO ✓" in row("Lacking Chinese") and "EN ✓" in row("Lacking Chinese")
    assert "ZH ✗" in row("Lacking Chinese")

    filtered = editor_client.get("/ko/admin/programs/program/?missing=zh-hans")
    assert list(filtered.context["cl"].result_list) == [lacking]
    assert complete not in filtered.context["cl"].result_list
    assert list(editor_client.get("/ko/admin/programs/program/?missing=en").context["cl"].result_list) == []


def test_a_field_empty_in_every_language_is_not_a_missing_translation(editor_client):
    ProgramFactory(title_en="No summary at all", summary_ko="", summary_en="", summary_zh_hans="")
    html = editor_client.get("/ko/admin/programs/program/").content.decode()
    assert "✗" not in html
    assert editor_client.get("/ko/admin/programs/program/?missing=ko").context["cl"].result_count == 0


def test_program_list_queries_do_not_grow_with_rows(editor_client):
    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get("/ko/admin/programs/program/").status_code == 200
        return len(captured)

    city = CityFactory()
    ProgramFactory.create_batch(2, cities=[city])
    few = queries_for_list()
    ProgramFactory.create_batch(10, cities=[city], summary_en="")
    assert queries_for_list() == few


def test_admin_index_counts_missing_translations_per_model(editor_client):
    ProgramFactory(summary_zh_hans="")
    ProgramFactory(title_en="", summary_en="")
    ProgramFactory()
    EventFactory(title_zh_hans="")
    CityFactory(country_en="")

    response = editor_client.get("/en/admin/")
    html = response.content.decode()
    section = html[html.index('id="translation-gaps"') :]
    section = section[: section.index("</table>")]

    rows = {
        match.group(1): re.findall(
            r'<td class="gap-count">(?:<a href="[^"]*"[^>]*>)?(?:<span[^>]*>)?(\d+)', body
        )
        for match in re.finditer(r"<tr>\s*<th scope=\"row\">(?:<a[^>]*>)?([^<]+)", section)
        for body in [section[match.end() : section.index("</tr>", match.end())]]
    }
    assert rows["Programs"] == ["0", "1", "1"]
    assert rows["Events"] == ["0", "0", "1"]
    assert rows["Cities"] == ["0", "1", "0"]
    assert rows["Categories"] == ["0", "0", "0"]
    assert '/en/admin/programs/program/?missing=zh-hans"' in section
    assert '/en/admin/events/event/?missing=zh-hans"' in section


def test_publish_and_unpublish_actions(editor_client):
    drafts = ProgramFactory.create_batch(2, status=Status.DRAFT)
    response = editor_client.post(
        "/ko/admin/programs/program/",
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
    )
    assert response.status_code == 302
    assert set(Program.objects.values_list("status", flat=True)) == {Status.PUBLISHED}

    editor_client.post(
        "/ko/admin/programs/program/", {"action": "unpublish", "_selected_action": [drafts[0].pk]}
    )
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.DRAFT


def test_view_on_site_only_for_published_items(editor_client):
    published = ProgramFactory(slug="open-one")
    draft = ProgramFactory(slug="draft-one", status=Status.DRAFT)
    html = editor_client.get(f"/ko/admin/programs/program/{published.pk}/change/").content.decode()
    assert 'href="/ko/programs/open-one/" class="viewsitelink"' in html
    html = editor_client.get(f"/ko/admin/programs/program/{draft.pk}/change/").content.decode()
    assert "viewsitelink" not in html


def test_search_finds_text_in_any_language(editor_client):
    ProgramFactory(title_ko="어린이 교류", title_en="Children's exchanges", title_zh_hans="儿童交流")
    ProgramFactory(title_en="Something else")
    for query in ("어린이", "Children", "儿童"):
        response = editor_client.get("/ko/admin/programs/program/", {"q": query})
        assert response.context["cl"].result_count == 1, query


def test_event_list_has_a_date_hierarchy(editor_client):
    EventFactory(title_en="Peace forum")
    response = editor_client.get("/en/admin/events/event/")
    assert response.status_code == 200
    assert response.context["cl"].date_hierarchy == "starts_at"
    assert "Peace forum" in response.content.decode()


def test_admin_without_language_goes_to_korean(client):
    assert client.get("/admin/")["Location"] == "/ko/admin/"
    assert (
        client.get("/admin/programs/program/?status=draft")["Location"]
        == "/ko/admin/programs/program/?status=draft"
    )


def test_admin_without_language_goes_to_the_staff_members_language(client):
    client.force_login(make_user("en@example.com", group=CONTENT_EDITORS, language="en"))
    assert client.get("/admin/")["Location"] == "/en/admin/"


def test_login_continues_in_the_staff_members_language(client):
    make_user("zh@example.com", group=CONTENT_EDITORS, language="zh-hans")
    response = client.post(
        "/ko/admin/login/?next=/ko/admin/programs/program/",
        {"username": "zh@example.com", "password": PASSWORD, "next": "/ko/admin/programs/program/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/admin/programs/program/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<html lang="zh-hans"' in page.content.decode()


def test_korean_staff_stay_in_korean_admin(client):
    make_user("ko@example.com", group=CONTENT_EDITORS)
    response = client.post(
        "/ko/admin/login/", {"username": "ko@example.com", "password": PASSWORD, "next": "/ko/admin/"}
    )
    assert response["Location"] == "/ko/admin/"
