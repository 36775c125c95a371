from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Registration


class RegistrationForm(forms.Form):
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=Registration._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything the office should know, for example questions or needs for support."),
    )
