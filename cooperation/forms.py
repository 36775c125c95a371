from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.form_fields import ChoiceGroupBoundField
from programs.i18n import shown_language
from programs.models import City

from .consents import PROVISION_CONSENT, REQUEST_CONSENT
from .models import CooperationKind, CooperationRequest
from .services import RequestDetails


class CitySelect(forms.Select):
    """City names may fall back to another language: each option carries the language it is shown in."""

    def create_option(self, name, value, label, *args, **kwargs):
        option = super().create_option(name, value, label, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            language = shown_language(instance, "name")
            if language:
                option["attrs"]["lang"] = language
        return option


class CooperationRequestForm(forms.ModelForm):
    """The intake form, with the two consents for the contact details (each its own box) and a field only
    robots fill in."""

    bound_field_class = ChoiceGroupBoundField

    consent = forms.BooleanField(
        label=REQUEST_CONSENT.agree_label,
        error_messages={"required": _("Without this consent we cannot take your request online.")},
    )
    provision_consent = forms.BooleanField(
        label=PROVISION_CONSENT.agree_label,
        error_messages={
            "required": _(
                "Without this consent we cannot introduce you to partners abroad, so we cannot take your "
                "request."
            )
        },
    )
    # Hidden from people by the stylesheet; automated senders fill in every field they find.
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "inputmode": "url"}),
    )
    fax = forms.CharField(label=_("Leave this field empty"), required=False, max_length=100)

    class Meta:
        model = CooperationRequest
        fields = [
            "organization_name",
            "organization_type",
            "field",
            "size",
            "website",
            "contact_name",
            "contact_position",
            "contact_email",
            "contact_phone",
            "city_sought",
            "country_sought",
            "kind",
            "kind_other",
            "description",
            "preferred_times",
            "preferred_mode",
        ]
        labels = {
            "organization_name": _("Name of the organisation"),
            "organization_type": _("Type of organisation"),
            "field": _("Field of activity"),
            "size": _("Size"),
            "contact_name": _("Contact person"),
            "contact_position": _("Position (optional)"),
            "contact_email": _("Email address"),
            "contact_phone": _("Phone number (optional)"),
            "city_sought": _("Sister or friendship city sought"),
            "country_sought": _("Or a country or region"),
            "kind": _("Kind of cooperation"),
            "kind_other": _("If other: what kind"),
            "description": _("What cooperation are you looking for?"),
            "preferred_times": _("Preferred times for a consultation"),
            "preferred_mode": _("Consultation"),
        }
        help_texts = {
            "field": _("For example shipbuilding, tourism, software, social welfare."),
            "size": _("People working for the organisation."),
            "city_sought": _("Leave empty if you look for a partner elsewhere, and name the country below."),
            "country_sought": _("For example Indonesia, Viet Nam, anywhere in ASEAN."),
            "description": _(
                "Your project, what you offer and what you look for in a partner. At most 3,000 characters."
            ),
            "preferred_times": _("Days and hours that suit you, in Korean time. At most 500 characters."),
        }
        widgets = {
            "organization_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "city_sought": CitySelect,
            "organization_type": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "preferred_mode": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "preferred_times": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city_sought"].queryset = City.objects.published()
        self.fields["city_sought"].empty_label = _("No particular city")
        self.fields["fax"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["size"].choices = [("", _("Choose")), *self.fields["size"].choices[1:]]
        for name in ("organization_type", "kind"):
            # Radio buttons need no empty choice: nothing ticked is the empty answer.
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]

    SECTIONS = (
        (_("Your organisation"), ("organization_name", "organization_type", "field", "size", "website")),
        (_("Contact details"), ("contact_name", "contact_position", "contact_email", "contact_phone")),
        (_("The partner you seek"), ("city_sought", "country_sought", "kind", "kind_other", "description")),
        (_("Consultation"), ("preferred_mode", "preferred_times")),
    )

    def sections(self):
        """The fields in groups, each shown under its own heading."""
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def clean(self):
        cleaned = super().clean()
        no_place = not cleaned.get("city_sought") and not cleaned.get("country_sought", "").strip()
        if no_place and "country_sought" not in self.errors:
            self.add_error("country_sought", _("Choose a city above or name a country or region."))
        if cleaned.get("kind") == CooperationKind.OTHER and not cleaned.get("kind_other", "").strip():
            self.add_error("kind_other", _("Say what kind of cooperation you are looking for."))
        return cleaned

    def _post_clean(self):
        # The service validates the request once it belongs to the member; the form checks the fields.
        pass

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("fax", "").strip())

    def details(self) -> RequestDetails:
        return RequestDetails(
            **{name: self.cleaned_data[name] for name in RequestDetails.__dataclass_fields__}
        )
