"""A list of values from fixed choices, kept as JSON and edited as checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON list whose items come from ``choices_class`` (a ``TextChoices``), shown as checkboxes.

    Kept as JSON rather than a table of options so that the conflict checks read a host or guest in one row.
    """

    def __init__(self, *args, choices_class: type[models.TextChoices] | None = None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # The options are interface, not schema: adding one needs no migration.
        return name, "django.db.models.JSONField", args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Choose from the list."), code="invalid")
        allowed = set(self.choices_class.values)
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Not a valid choice: %(values)s."),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": ChoiceListFormField,
            "choices": self.choices_class.choices,
            "show_hidden_initial": False,
        }
        defaults.update(kwargs)
        # Skip JSONField.formfield, which would insist on a JSON text box.
        return models.Field.formfield(self, **defaults)


class ChoiceListFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return value or []
