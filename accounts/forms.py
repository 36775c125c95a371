from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from . import services
from .consents import OPTIONAL_NEWS, OPTIONAL_PHONE, REQUIRED_TERMS
from .models import Consent, User

PHONE_WITHOUT_CONSENT = _("To give a phone number, tick the consent for it too, or leave the number empty.")


def _phone_field() -> forms.CharField:
    return forms.CharField(
        label=_("Phone number (optional)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


def _relabel(form: forms.Form, labels: dict) -> None:
    """Give allauth's fields the site's own labels (the glossary's terms, in sentence case), without the
    placeholders that only repeat them."""
    for name, label in labels.items():
        field = form.fields.get(name)
        if field is not None:
            field.label = label
            field.widget.attrs.pop("placeholder", None)


LABEL_EMAIL = _("Email address")
LABEL_SECRET = _("Password")
LABEL_AGAIN = _("Password (again)")
LABEL_NEW = _("New password")
LABEL_NEW_AGAIN = _("New password (again)")


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"login": LABEL_EMAIL, "password": LABEL_SECRET, "remember": _("Stay logged in")})
        self.fields["login"].widget.attrs["autocomplete"] = "email"


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": LABEL_EMAIL})


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"password1": LABEL_NEW, "password2": LABEL_NEW_AGAIN})


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(
            self,
            {"oldpassword": _("Current password"), "password1": LABEL_NEW, "password2": LABEL_NEW_AGAIN},
        )


class SetPasswordForm(allauth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"password1": LABEL_SECRET, "password2": LABEL_AGAIN})


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": _("New email address")})


class ReauthenticateForm(allauth_forms.ReauthenticateForm):
    """The password asked for again before an email change: the page offers the reset link itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"password": LABEL_SECRET})
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.pop("placeholder", None)


class LanguageSelect(forms.Select):
    """Each language's name is written in that language: mark every option with its ``lang``."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


def _language_field() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES, widget=LanguageSelect)


class SignupForm(allauth_forms.SignupForm):
    """Sign-up: email, name, preferred language, password twice, then the required and optional consents."""

    name = forms.CharField(
        label=pgettext_lazy("a person's name", "Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    language = _language_field()
    consent_required = forms.BooleanField(
        label=REQUIRED_TERMS.agree_label,
        error_messages={"required": _("Without this consent you cannot become a member.")},
    )
    consent_phone = forms.BooleanField(label=OPTIONAL_PHONE.agree_label, required=False)
    phone = _phone_field()
    consent_news = forms.BooleanField(label=OPTIONAL_NEWS.agree_label, required=False)

    required_text = REQUIRED_TERMS
    phone_text = OPTIONAL_PHONE
    news_text = OPTIONAL_NEWS
    field_order = [
        "email",
        "name",
        "language",
        "password1",
        "password2",
        "consent_required",
        "consent_phone",
        "phone",
        "consent_news",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        _relabel(self, {"email": LABEL_EMAIL, "password1": LABEL_SECRET, "password2": LABEL_AGAIN})
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("phone") and not cleaned_data.get("consent_phone"):
            self.add_error("phone", PHONE_WITHOUT_CONSENT)
        return cleaned_data

    def try_save(self, request):
        if self.account_already_exists:
            # Hash the password all the same: creating an account does, and an answer that comes back
            # faster would tell whether the address is registered.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        with transaction.atomic():
            return super().save(request)

    def custom_signup(self, request, user):
        services.consents_record_signup(
            user=user,
            phone=self.cleaned_data.get("consent_phone", False),
            news=self.cleaned_data.get("consent_news", False),
            language=get_language(),
        )


class ProfileForm(forms.ModelForm):
    language = _language_field()
    phone = _phone_field()

    class Meta:
        model = User
        fields = ["name", "language", "phone"]
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, has_phone_consent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_phone_consent = has_phone_consent
        self.fields["name"].required = True
        if not has_phone_consent:
            self.fields["phone"].help_text = _(
                "You can give a phone number once you give the consent for it (Consents page)."
            )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not self.has_phone_consent:
            raise forms.ValidationError(_("To keep a phone number, first give the consent for it."))
        return phone


class ConsentChangeForm(forms.Form):
    """Withdraw, or give again, one of the optional consents."""

    action = forms.ChoiceField(choices=[("give", "give"), ("withdraw", "withdraw")])
    kind = forms.ChoiceField(
        choices=[(kind, kind.label) for kind in (Consent.Kind.OPTIONAL_PHONE, Consent.Kind.OPTIONAL_NEWS)]
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Enter your password to confirm that you want to delete your account."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
