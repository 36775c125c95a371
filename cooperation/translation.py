from modeltranslation.translator import TranslationOptions, register

from .models import PartnerOrganization


@register(PartnerOrganization)
class PartnerOrganizationTranslationOptions(TranslationOptions):
    fields = ("name", "description", "place", "country")
    required_languages = {"ko": ("name", "country")}
