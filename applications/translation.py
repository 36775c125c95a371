from modeltranslation.translator import TranslationOptions, register

from .models import Call, Question


@register(Call)
class CallTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "eligibility_note")
    required_languages = {"ko": ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help_text", "options")
    required_languages = {"ko": ("text",)}
