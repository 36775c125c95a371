from modeltranslation.translator import TranslationOptions, register

from .models import PrivacyPolicy


@register(PrivacyPolicy)
class PrivacyPolicyTranslationOptions(TranslationOptions):
    fields = ("changes", "body")
    required_languages = {"ko": ("body",)}
