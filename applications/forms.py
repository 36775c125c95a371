"""Forms members fill in: their own details or a child's, and the answers to a call's questions."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import QuestionKind
from .consents import CHILD_CONSENT_TEXT
from .models import Applicant, Question
from .uploads import ACCEPT, max_bytes, upload_check

DEFAULT_SHORT_LENGTH = 200
DEFAULT_LONG_LENGTH = 2000


class ApplicantForm(forms.ModelForm):
    """The member's own details for applications, or a child's (with the guardian's consent box)."""

    guardian_consent = forms.BooleanField(label=CHILD_CONSENT_TEXT, required=False)

    class Meta:
        model = Applicant
        fields = ["name", "birth_date", "school", "school_level", "district", "school_in_busan"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "birth_date": _("For example 2012-05-31."),
            "school": _("The school's name, if in school."),
            "district": _("Where the applicant lives. Choose “Outside Busan” if elsewhere."),
        }

    def __init__(self, *args, is_child: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_child = is_child
        if not is_child:
            del self.fields["guardian_consent"]
            self.fields["name"].widget.attrs["autocomplete"] = "name"
        elif self.instance.pk and self.instance.guardian_consent_at:
            # Already given: ticking again records it anew (for a new text version), but is not needed.
            self.fields["guardian_consent"].initial = False

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value > timezone.localdate():
            raise ValidationError(_("The date of birth cannot be in the future."), code="future")
        if value < date(1900, 1, 1):
            raise ValidationError(_("Please check the year of birth."), code="too_old")
        return value


class FileAnswerField(forms.FileField):
    """An upload checked by content (PDF, JPEG or PNG, size cap); cleans to ``uploads.CheckedFile``."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ACCEPT
        return attrs

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and hasattr(value, "read"):
            return upload_check(value)
        return None


def _field_for(question: Question, *, has_file: bool) -> forms.Field:
    common = {"label": question.text, "help_text": question.help_text, "required": question.required}
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(max_length=question.max_length or DEFAULT_SHORT_LENGTH, **common)
    if kind == QuestionKind.LONG_TEXT:
        limit = question.max_length or DEFAULT_LONG_LENGTH
        help_text = _("At most %(limit)s characters.") % {"limit": limit}
        if question.help_text:
            help_text = f"{question.help_text} {help_text}"
        return forms.CharField(
            max_length=limit, widget=forms.Textarea(attrs={"rows": 6}), **{**common, "help_text": help_text}
        )
    if kind == QuestionKind.ONE_CHOICE:
        return forms.TypedChoiceField(
            choices=list(enumerate(question.option_lines)), coerce=int, widget=forms.RadioSelect, **common
        )
    if kind == QuestionKind.SEVERAL_CHOICES:
        return forms.TypedMultipleChoiceField(
            choices=list(enumerate(question.option_lines)),
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if kind == QuestionKind.YES_NO:
        return forms.TypedChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda value: value == "yes",
            widget=forms.RadioSelect,
            **common,
        )
    limit = max_bytes() // (1024 * 1024)
    help_text = _("PDF, JPEG or PNG, at most %(limit)s MB.") % {"limit": limit}
    if question.help_text:
        help_text = f"{question.help_text} {help_text}"
    if has_file:
        help_text = f"{help_text} " + str(_("A file is already attached; choose another only to replace it."))
    # A file kept with the draft answers the question: another is optional.
    return FileAnswerField(
        **{**common, "help_text": help_text, "required": question.required and not has_file}
    )


def field_name(question: Question) -> str:
    return f"q{question.pk}"


class ApplicationForm(forms.Form):
    """One field per question of the call, in its order; ``submitting=False`` (a draft) requires nothing."""

    def __init__(self, *args, questions, stored: dict, submitting: bool = True, **kwargs):
        """``stored``: question id -> the stored ``Answer`` (a draft's), shown as the initial values."""
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            answer = stored.get(question.pk)
            field = _field_for(question, has_file=bool(answer and answer.file))
            if not submitting:
                field.required = False
            self.fields[field_name(question)] = field
            if answer is not None and question.kind != QuestionKind.FILE:
                value = answer.value
                if question.kind == QuestionKind.YES_NO and value is not None:
                    value = "yes" if value else "no"
                self.initial[field_name(question)] = value
            field.stored_file = answer.file_name if answer and answer.file else ""
            field.question = question

    def answers(self) -> dict:
        """Question id -> cleaned answer, for the fields that passed their checks."""
        cleaned = getattr(self, "cleaned_data", {})
        return {
            question.pk: cleaned[field_name(question)]
            for question in self.questions
            if field_name(question) in cleaned
        }
