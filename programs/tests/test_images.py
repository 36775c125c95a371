"""Uploads: only real images within the caps are stored, always re-encoded, under random names."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from programs.forms import ReencodedImageField
from programs.images import image_reencode, image_renditions


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English, whatever language an earlier request left active."""
    with translation.override("en"):
        yield


def image_bytes(fmt="PNG", size=(64, 48), color=(200, 30, 30), **save_options) -> bytes:
    buffer = io.BytesIO()
    mode = "RGBA" if fmt == "PNG" and save_options.pop("alpha", False) else "RGB"
    Image.new(mode, size, color).save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def upload(data: bytes, name="photo.png", content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb's signature)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


def reopen(content) -> Image.Image:
    content.seek(0)
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


def refused(data: bytes, name="photo.png", content_type="image/png") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        image_reencode(upload=upload(data, name, content_type))
    return caught.value


# The corpus of bad uploads: each refused with a message that says what is wrong.


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    error = refused(svg, "logo.svg", "image/svg+xml")
    assert error.code == "invalid_image"
    assert "not a JPEG, PNG, GIF or WebP image" in error.messages[0]


def test_html_renamed_png_is_refused():
    error = refused(b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "photo.png")
    assert error.code == "invalid_image"


def test_truncated_file_is_refused():
    data = image_bytes("JPEG", size=(400, 300))
    error = refused(data[: len(data) // 2], "photo.jpg", "image/jpeg")
    assert error.code == "invalid_image"


def test_truncated_png_is_refused():
    data = image_bytes("PNG", size=(400, 300), color=(1, 2, 3))
    error = refused(data[:-40], "photo.png")
    assert error.code == "invalid_image"


def test_decompression_bomb_is_refused_before_decoding():
    bomb = png_declaring(20000, 20000)
    assert len(bomb) < 200
    error = refused(bomb)
    assert error.code == "too_many_pixels"
    assert "40 megapixels" in error.messages[0]


def test_image_over_our_pixel_cap_but_under_pillows_is_refused():
    # 7000 × 7000 = 49 megapixels: Pillow does not even warn, our cap refuses it.
    error = refused(png_declaring(7000, 7000))
    assert error.code == "too_many_pixels"
    assert "7000 × 7000" in error.messages[0]


def test_oversized_file_is_refused_before_reading(settings):
    data = image_bytes("PNG") + b"\x00" * (10 * 1024 * 1024)
    error = refused(data)
    assert error.code == "file_too_large"
    assert "10.0" in error.messages[0]


def test_size_cap_comes_from_settings(settings):
    settings.PORTAL_IMAGE_MAX_BYTES = 1000
    assert refused(image_bytes("PNG", size=(300, 300), color=None) + b"\x00" * 1001).code == "file_too_large"


def test_gif_with_script_appended_is_neutralised():
    payload = b"<script>alert(document.cookie)</script>"
    gif = image_bytes("GIF", size=(20, 10)) + payload
    content = image_reencode(upload=upload(gif, "anim.gif", "image/gif"))
    stored = content.read()
    assert payload not in stored
    assert b"<script" not in stored
    assert content.name.endswith(".png")
    assert reopen(content).format == "PNG"


def test_form_field_reports_the_message():
    field = ReencodedImageField(required=False)
    with pytest.raises(ValidationError) as caught:
        field.clean(upload(b"GIF89a not really", "x.gif", "image/gif"))
    assert caught.value.code == "invalid_image"


# Accepted images: fresh encodings, no metadata, random names.


@pytest.mark.parametrize(
    ("fmt", "expected_format", "extension"),
    [("JPEG", "JPEG", "jpg"), ("PNG", "PNG", "png"), ("GIF", "PNG", "png"), ("WEBP", "WEBP", "webp")],
)
def test_accepted_images_are_reencoded_and_valid(fmt, expected_format, extension):
    content = image_reencode(upload=upload(image_bytes(fmt, size=(80, 60)), f"original.{fmt.lower()}"))
    image = reopen(content)
    assert image.format == expected_format
    assert image.size == (80, 60)
    assert content.name.endswith(f".{extension}")
    assert "original" not in content.name


def test_names_are_random():
    data = image_bytes("PNG")
    names = {image_reencode(upload=upload(data, "same.png")).name for _ in range(3)}
    assert len(names) == 3
    assert all(len(name.split(".")[0]) == 32 for name in names)


def test_format_is_read_from_the_content_not_the_name():
    content = image_reencode(upload=upload(image_bytes("JPEG"), "looks-like.gif", "image/gif"))
    assert reopen(content).format == "JPEG"
    assert content.name.endswith(".jpg")


def test_transparency_is_kept_in_png():
    content = image_reencode(upload=upload(image_bytes("PNG", color=(0, 0, 0, 0), alpha=True)))
    assert reopen(content).mode == "RGBA"


def jpeg_with_exif(orientation: int) -> bytes:
    """A 60 × 20 JPEG, left half red and right half blue, with camera EXIF including its orientation."""
    image = Image.new("RGB", (60, 20), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 30, 20))
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0131] = "Firmware 1.0"  # Software
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def test_exif_is_removed_and_orientation_applied():
    original = jpeg_with_exif(orientation=6)  # stored sideways: viewers rotate it 90° clockwise
    assert Image.open(io.BytesIO(original)).getexif()[0x0112] == 6

    content = image_reencode(upload=upload(original, "camera.jpg", "image/jpeg"))
    stored = content.read()
    image = reopen(content)

    assert image.size == (20, 60)  # rotated upright
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"Exif" not in stored
    assert b"SecretCam" not in stored
    # After a clockwise turn, the left (red) half of the sensor image is at the top.
    top = image.getpixel((10, 5))
    bottom = image.getpixel((10, 55))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_renditions_have_card_and_detail_sizes():
    content = image_reencode(upload=upload(image_bytes("JPEG", size=(2400, 1000)), "wide.jpg"))
    renditions = image_renditions(content=content)
    card, detail = renditions["card"], renditions["detail"]
    assert (card.width, card.height) == (640, 360)
    assert reopen(card.content).size == (640, 360)
    assert (detail.width, detail.height) == (1200, 500)
    assert reopen(detail.content).format == "JPEG"


def test_small_images_are_not_enlarged_for_detail():
    content = image_reencode(upload=upload(image_bytes("PNG", size=(300, 200))))
    detail = image_renditions(content=content)["detail"]
    assert (detail.width, detail.height) == (300, 200)
