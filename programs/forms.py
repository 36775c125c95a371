"""Forms for editing content: image uploads are checked and re-encoded before they are stored."""

from functools import partial

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from .images import ACCEPT, image_files_delete, image_reencode, image_renditions_set


class ReencodedImageField(forms.FileField):
    """An image upload that cleans to a fresh, re-encoded ``ContentFile`` with a random name.

    Unlike ``forms.ImageField`` it does its own checks (``programs.images.image_reencode``): real format,
    size cap and pixel cap, each refused with a clear message.
    """

    widget = forms.ClearableFileInput

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs.setdefault("accept", ACCEPT)
        return attrs

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return image_reencode(upload=value)
        return value


class ImageRenditionsFormMixin:
    """For model forms with an ``image`` field: re-encodes uploads and keeps the renditions in step.

    Any form can use it: ``class MyForm(ImageRenditionsFormMixin, forms.ModelForm)``.
    """

    image_field_name = "image"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The files shown until now, removed once a new image (or none) is saved in their place.
        self._previous_image_files = [
            getattr(self.instance, f"{self.image_field_name}{suffix}").name or ""
            for suffix in ("", "_card", "_detail")
        ]
        field = self.fields.get(self.image_field_name)
        if field is not None and not isinstance(field, ReencodedImageField):
            self.fields[self.image_field_name] = ReencodedImageField(
                label=field.label, required=field.required, help_text=field.help_text, widget=field.widget
            )

    def save(self, commit=True):
        instance = super().save(commit=False)
        if self.image_field_name in self.changed_data:
            image_renditions_set(instance=instance, content=self.cleaned_data.get(self.image_field_name))
            storage = instance._meta.get_field(self.image_field_name).storage
            previous = [name for name in self._previous_image_files if name]
            if previous:
                # After the commit: a failed save keeps the files the page still shows.
                transaction.on_commit(partial(image_files_delete, storage=storage, names=previous))
        if commit:
            instance.save()
            self._save_m2m()
        return instance


class ImageAdminForm(ImageRenditionsFormMixin, forms.ModelForm):
    """The admin's form for content with an image; the admin supplies the model and fields."""
