import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.form_fields import ChoiceGroupBoundField

from .consents import HOMESTAY_CONSENT
from .models import HostOffer
from .services import HostDetails

_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{6,28}$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class HostOfferForm(forms.ModelForm):
    """A household's offer to host, with the homestay consent when it is not in force yet."""

    bound_field_class = ChoiceGroupBoundField

    consent = forms.BooleanField(
        label=HOMESTAY_CONSENT.agree_label,
        error_messages={"required": _("Without this consent you cannot offer to host.")},
    )

    class Meta:
        model = HostOffer
        fields = [
            "adults",
            "children",
            "district",
            "beds",
            "guest_preference",
            "languages",
            "pets",
            "smoking",
            "diets",
            "available_from",
            "available_until",
            "introduction",
            "phone",
        ]
        labels = {
            "adults": _("Adults in your household"),
            "children": _("Children in your household"),
            "district": _("District"),
            "beds": _("Beds you can give guests"),
            "guest_preference": _("Guests you can take in"),
            "languages": _("Languages spoken at home"),
            "pets": _("Pets at home"),
            "smoking": _("Someone smokes at home"),
            "diets": _("Dietary needs you can cook for"),
            "available_from": _("Available from"),
            "available_until": _("Available until"),
            "introduction": _("Introduce your household"),
            "phone": _("Phone number"),
        }
        help_texts = {
            "beds": _("A bed or a futon in a room the guest can use."),
            "languages": _("Choose every language someone at home can hold a conversation in."),
            "pets": _("Leave empty if you have no pets."),
            "diets": _("Only what you are sure you can cook for every meal."),
            "available_until": _("The last day a guest may stay with you."),
            "introduction": _(
                "Who lives with you, your home, what you like to do together. At most 1,000 characters."
            ),
            "phone": _("So the office can call you about your offer and your guests."),
        }
        widgets = {
            "adults": forms.NumberInput(attrs={"min": 1, "max": 20}),
            "children": forms.NumberInput(attrs={"min": 0, "max": 20}),
            "beds": forms.NumberInput(attrs={"min": 1, "max": 6}),
            "available_from": DateInput(),
            "available_until": DateInput(),
            "introduction": forms.Textarea(attrs={"rows": 6}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, consent_needed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_needed = consent_needed
        if not consent_needed:
            del self.fields["consent"]
        for name, low, high in (("adults", 1, 20), ("children", 0, 20), ("beds", 1, 6)):
            self.fields[name].validators += [MinValueValidator(low), MaxValueValidator(high)]
        self.fields["district"].choices = [
            ("", _("Choose your district")),
            *self.fields["district"].choices[1:],
        ]

    SECTIONS = (
        (_("Your household"), ("adults", "children", "district", "beds", "guest_preference")),
        (_("Languages, pets and meals"), ("languages", "pets", "smoking", "diets")),
        (_("When you can host"), ("available_from", "available_until")),
        (_("About you"), ("introduction", "phone")),
    )

    def sections(self):
        """The fields in groups, each shown under its own heading."""
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not _PHONE.match(phone):
            raise forms.ValidationError(_("Enter a phone number with digits, for example 010-1234-5678."))
        return phone

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("available_from"), cleaned.get("available_until")
        if start and end and end < start:
            self.add_error("available_until", _("The last day must be on or after the first day."))
        if end and end < timezone.localdate():
            self.add_error("available_until", _("The last day has passed. Give dates to come."))
        return cleaned

    def _post_clean(self):
        # The service validates the model once the offer belongs to the member; the form checks the fields.
        pass

    def details(self) -> HostDetails:
        return HostDetails(**{name: self.cleaned_data[name] for name in HostDetails.__dataclass_fields__})


class HostWithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my offer is deleted and stays still to come are cancelled."),
        error_messages={"required": _("Tick the box to confirm.")},
    )
