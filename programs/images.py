"""Uploaded images: checked, re-encoded and resized before anything is stored.

Every upload is opened with Pillow and accepted only if it decodes as a JPEG, PNG, GIF or WebP image
within our size and pixel caps. The stored file is a fresh encoding of the pixels (EXIF orientation
applied first), so metadata and anything appended to the original file are dropped, under a random name.
Pages show resized renditions (card and detail sizes) whose dimensions are stored next to them.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from PIL import Image, ImageOps, UnidentifiedImageError

# Decoded format -> (format stored, file extension).
_OUTPUT = {
    "JPEG": ("JPEG", "jpg"),
    "PNG": ("PNG", "png"),
    "GIF": ("PNG", "png"),  # first frame only; a still picture is all a page shows
    "WEBP": ("WEBP", "webp"),
}
_SAVE_OPTIONS = {
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85, "method": 4},
}

CARD_SIZE = (640, 360)
DETAIL_WIDTH = 1200

ACCEPT = "image/jpeg,image/png,image/gif,image/webp"


def max_bytes() -> int:
    return settings.PORTAL_IMAGE_MAX_BYTES


def max_pixels() -> int:
    return settings.PORTAL_IMAGE_MAX_PIXELS


def _invalid() -> ValidationError:
    return ValidationError(
        gettext(
            "The file is not a JPEG, PNG, GIF or WebP image, or it is damaged. Please choose another image."
        ),
        code="invalid_image",
    )


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    limit = {"megapixels": max_pixels() // 1_000_000}
    if width is None:
        message = gettext(
            "The image has too many pixels. Please upload an image of at most %(megapixels)s megapixels."
        )
        return ValidationError(message % limit, code="too_many_pixels")
    message = gettext(
        "The image is too large (%(width)s × %(height)s pixels). "
        "Please upload an image of at most %(megapixels)s megapixels."
    )
    return ValidationError(message % {"width": width, "height": height, **limit}, code="too_many_pixels")


def _read(upload, limit: int) -> bytes:
    """The upload's bytes, refusing it before reading more than ``limit`` bytes."""
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            gettext("The file is too large (%(size)s). Please upload an image of at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            gettext("The file is too large. Please upload an image of at most %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="file_too_large",
        )
    return data


def _open(data: bytes) -> Image.Image:
    """The decoded first frame, after checking the format and the pixel count from the header alone."""
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; here any bomb is an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise _invalid() from None
        if image.format not in _OUTPUT:
            raise _invalid()
        width, height = image.size
        if width < 1 or height < 1:
            raise _invalid()
        if width * height > max_pixels():
            raise _too_many_pixels(width, height)
        try:
            image.seek(0)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(width, height) from None
        except (OSError, ValueError, SyntaxError, EOFError, MemoryError):
            raise _invalid() from None
    return image


def _fresh(image: Image.Image, output_format: str) -> Image.Image:
    """A new image holding only the pixels: no EXIF, XMP, ICC profile, comments or other chunks."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    mode = "RGBA" if has_alpha and output_format != "JPEG" else "RGB"
    pixels = image.convert(mode)
    fresh = Image.new(mode, pixels.size)
    fresh.paste(pixels)
    return fresh


def _encode(image: Image.Image, output_format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=output_format, **_SAVE_OPTIONS[output_format])
    return buffer.getvalue()


@dataclass(frozen=True)
class Rendition:
    content: ContentFile
    width: int
    height: int


def image_reencode(*, upload) -> ContentFile:
    """A fresh encoding of an uploaded image under a random name, or ``ValidationError`` with a clear message.

    Refuses files over the size cap, anything that does not decode as JPEG, PNG, GIF or WebP (whatever its
    name says), and images over the pixel cap, checked from the header before any pixel is decoded.
    """
    data = _read(upload, max_bytes())
    image = _open(data)
    output_format, extension = _OUTPUT[image.format]
    fresh = _fresh(image, output_format)
    return ContentFile(_encode(fresh, output_format), name=f"{uuid.uuid4().hex}.{extension}")


def _rendition(image: Image.Image, output_format: str, extension: str, *, card: bool) -> Rendition:
    if card:
        resized = ImageOps.fit(image, CARD_SIZE, method=Image.Resampling.LANCZOS)
    elif image.width > DETAIL_WIDTH:
        height = max(1, round(image.height * DETAIL_WIDTH / image.width))
        resized = image.resize((DETAIL_WIDTH, height), Image.Resampling.LANCZOS)
    else:
        resized = image
    content = ContentFile(_encode(resized, output_format), name=f"{uuid.uuid4().hex}.{extension}")
    return Rendition(content=content, width=resized.width, height=resized.height)


def image_renditions(*, content) -> dict[str, Rendition]:
    """The ``card`` (cover-cropped to 640×360) and ``detail`` (at most 1200 wide) renditions of an image.

    ``content`` is a re-encoded image as returned by :func:`image_reencode` (or a stored file of one).
    """
    if hasattr(content, "seek"):
        content.seek(0)
    with Image.open(io.BytesIO(content.read())) as image:
        image.load()
        output_format = image.format
        extension = _OUTPUT[output_format][1]
        return {
            "card": _rendition(image, output_format, extension, card=True),
            "detail": _rendition(image, output_format, extension, card=False),
        }


def image_renditions_set(*, instance, content) -> None:
    """Set ``image_card`` / ``image_detail`` and their dimensions on ``instance`` (unsaved) for ``content``.

    With no content (the image was removed) the renditions are cleared too. The files are written when the
    instance is saved.
    """
    if not content:
        for name in ("card", "detail"):
            setattr(instance, f"image_{name}", "")
            setattr(instance, f"image_{name}_width", None)
            setattr(instance, f"image_{name}_height", None)
        return
    for name, rendition in image_renditions(content=content).items():
        setattr(instance, f"image_{name}", rendition.content)
        setattr(instance, f"image_{name}_width", rendition.width)
        setattr(instance, f"image_{name}_height", rendition.height)


def image_files_delete(*, storage, names) -> None:
    """Remove replaced or cleared image files (originals and renditions) from the storage."""
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)
