"""Photo galleries of programs and events, and cards without a photo that still tell themselves apart."""

import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from accounts.tests.staff import CONTENT_EDITORS, make_user
from events.models import EventImage
from events.tests.factories import EventFactory
from programs.models import ProgramImage
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory
from programs.tests.test_admin import png_upload, program_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("editor@example.com", group=CONTENT_EDITORS))
    return client


def url(name, lang="en", **kwargs):
    with override(lang):
        return reverse(name, kwargs=kwargs)


def _photo(index: int, upload, **texts) -> dict:
    fields = {
        "image_alt_ko": "항구에서 손을 흔드는 학생들",
        "image_alt_en": "Students waving at the port",
        "caption_ko": "2019년 수라바야 청소년 교류",
        "caption_en": "Surabaya youth exchange, 2019",
        "order": index,
        **texts,
    }
    return {f"gallery-{index}-image": upload, **{f"gallery-{index}-{k}": v for k, v in fields.items()}}


def test_editors_add_photos_with_captions_in_three_languages(editor_client):
    category = CategoryFactory()
    data = program_post_data(
        category,
        **{"gallery-TOTAL_FORMS": "2", "gallery-INITIAL_FORMS": "0"},
        **_photo(0, png_upload(name="../../first.png"), caption_zh_hans="2019年泗水青少年交流"),
        **_photo(1, png_upload(size=(800, 600), name="second.png")),
    )
    response = editor_client.post("/ko/admin/programs/program/add/", data)
    assert response.status_code == 302
    photos = list(ProgramImage.objects.order_by("order"))
    assert len(photos) == 2
    # The same hardened path as every image: re-encoded under a random name, with renditions.
    assert re.fullmatch(r"programs/gallery/[0-9a-f]{32}\.png", photos[0].image.name)
    assert re.fullmatch(r"programs/gallery/renditions/[0-9a-f]{32}\.png", photos[0].image_card.name)
    assert (photos[0].image_card_width, photos[0].image_card_height) == (640, 360)
    assert photos[0].caption_zh_hans == "2019年泗水青少年交流"


def test_a_file_that_is_not_an_image_is_refused_in_the_gallery_too(editor_client):
    category = CategoryFactory()
    svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    data = program_post_data(
        category, **{"gallery-TOTAL_FORMS": "1", "gallery-INITIAL_FORMS": "0"}, **_photo(0, svg)
    )
    response = editor_client.post("/ko/admin/programs/program/add/", data)
    assert response.status_code == 200
    assert "JPEG, PNG, GIF" in response.content.decode()
    assert not ProgramImage.objects.exists()


def test_the_program_page_shows_the_photos_with_their_captions(client):
    program = ProgramFactory()
    ProgramImage.objects.create(
        program=program,
        image=png_upload(),
        image_alt_ko="항구의 학생들",
        image_alt_en="Students at the port",
        caption_ko="수라바야 교류",
        caption_en="",
        order=0,
    )
    page = client.get(url("programs:detail", "en", slug=program.slug)).content.decode()
    gallery = page[page.index('class="gallery-section"') :]
    gallery = gallery[: gallery.index("</section>")]
    assert 'alt="Students at the port"' in gallery
    # A caption not yet written in English shows the Korean one, marked as Korean.
    assert '<figcaption lang="ko">수라바야 교류</figcaption>' in gallery
    assert 'id="gallery-heading">Photos</h2>' in gallery


def test_the_event_page_shows_its_photos(client, editor_client):
    event = EventFactory()
    EventImage.objects.create(
        event=event, image=png_upload(), image_alt_ko="포럼 현장", image_alt_en="The forum"
    )
    page = client.get(url("events:detail", "en", slug=event.slug)).content.decode()
    assert 'alt="The forum"' in page
    # Editors manage events' photos in the event's own form.
    page = editor_client.get(f"/ko/admin/events/event/{event.pk}/change/").content.decode()
    assert 'name="gallery-0-image_alt_ko"' in page


def test_removing_a_photo_in_the_admin_removes_its_files(editor_client, django_capture_on_commit_callbacks):
    program = ProgramFactory(slug="with-photo")
    photo = ProgramImage.objects.create(program=program, image=png_upload(), image_alt_ko="사진")
    stored = photo.image.path
    data = program_post_data(
        program.category,
        slug="with-photo",
        **{
            "gallery-TOTAL_FORMS": "1",
            "gallery-INITIAL_FORMS": "1",
            "gallery-0-id": photo.pk,
            "gallery-0-program": program.pk,
            "gallery-0-image_alt_ko": "사진",
            "gallery-0-order": 0,
            "gallery-0-DELETE": "on",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/ko/admin/programs/program/{program.pk}/change/", data)
    assert response.status_code == 302
    assert not ProgramImage.objects.exists()
    assert not os.path.exists(stored)


def test_cards_without_a_photo_tell_themselves_apart(client):
    first, second = CategoryFactory(), CategoryFactory()
    city = CityFactory(name_en="Surabaya")
    ProgramFactory(category=first, title_en="Youth exchanges", cities=[city])
    ProgramFactory(category=second, title_en="Advisory council")
    page = client.get(url("programs:list")).content.decode()
    bands = re.findall(r'<div class="card-art (art-\d)" aria-hidden="true">(.*?)</div>', page)
    assert len(bands) == 2
    (art_a, band_a), (art_b, band_b) = bands
    assert art_a != art_b  # the category's colour
    assert '<span class="card-art-mark">Y</span>' in band_a and "Surabaya" in band_a
    assert '<span class="card-art-mark">A</span>' in band_b


def test_event_cards_without_a_photo_show_their_day(client):
    event = EventFactory()
    page = client.get(url("events:list", "ko")).content.decode()
    band = re.search(r'<div class="card-art [^"]+" aria-hidden="true">(.*?)</div>', page).group(1)
    local = timezone.localtime(event.starts_at)
    assert f'<span class="card-art-mark">{local.day}</span>' in band
    assert f"{local.year}년 {local.month}월" in band
