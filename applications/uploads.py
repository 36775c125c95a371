"""Files applicants upload with their answers: PDF, JPEG or PNG only, recognised by their content.

The name and the type the browser sends are ignored: a PDF must start with the PDF header and end with its
end-of-file marker; an image must be read by Pillow as JPEG or PNG within the pixel cap. Files are kept as
sent (a signed form must stay as signed) under a random name in the private storage.
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
from PIL import Image, UnidentifiedImageError

ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class CheckedFile:
    content: ContentFile
    extension: str
    original_name: str
    size: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.extension]


def max_bytes() -> int:
    return settings.PORTAL_UPLOAD_MAX_BYTES


def _too_large(size: int | None = None) -> ValidationError:
    limit = filesizeformat(max_bytes())
    if size is None:
        message = gettext("The file is too large. Please upload a file of at most %(limit)s.") % {
            "limit": limit
        }
    else:
        message = gettext("The file is too large (%(size)s). Please upload a file of at most %(limit)s.") % {
            "size": filesizeformat(size),
            "limit": limit,
        }
    return ValidationError(message, code="file_too_large")


def _wrong_type() -> ValidationError:
    return ValidationError(
        gettext("Please upload a PDF, JPEG or PNG file. This file is none of them, or it is damaged."),
        code="file_type",
    )


def _kind(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise _wrong_type()
        return "pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind = {"JPEG": "jpg", "PNG": "png"}.get(image.format)
                if kind is None:
                    raise _wrong_type()
                width, height = image.size
                if width * height > settings.PORTAL_IMAGE_MAX_PIXELS:
                    raise _wrong_type()
                image.verify()
        except ValidationError:
            raise
        except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _wrong_type() from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise _wrong_type() from None
    return kind


def upload_check(upload) -> CheckedFile:
    """``upload`` checked (size cap, real PDF/JPEG/PNG) and renamed, or ``ValidationError`` saying why."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise _too_large(size)
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise _too_large()
    if not data:
        raise _wrong_type()
    extension = _kind(data)
    original = (getattr(upload, "name", "") or "").rsplit("/", 1)[-1][:200] or f"file.{extension}"
    return CheckedFile(
        content=ContentFile(data, name=f"{uuid.uuid4().hex}.{extension}"),
        extension=extension,
        original_name=original,
        size=len(data),
    )
