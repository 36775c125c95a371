"""Where applicants' uploaded files live: a folder outside the public media folder, with no URL.

The files are served only by ``applications.views.answer_file``, which checks who is asking.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="applications.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """``PORTAL_PRIVATE_MEDIA_ROOT``, read at each use (so tests and deployments can move it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PORTAL_PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address; link to the permission-checked view.")


private_storage = PrivateStorage()
