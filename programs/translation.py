from modeltranslation.translator import TranslationOptions, register

from .models import Category, City, Program, ProgramImage


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "summary")
    required_languages = {"ko": ("name",)}


@register(City)
class CityTranslationOptions(TranslationOptions):
    fields = ("name", "country", "description", "image_alt")
    required_languages = {"ko": ("name", "country")}


@register(Program)
class ProgramTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "detail", "activities", "eligibility", "image_alt", "contact")
    required_languages = {"ko": ("title",)}


@register(ProgramImage)
class ProgramImageTranslationOptions(TranslationOptions):
    fields = ("image_alt", "caption")
    required_languages = {"ko": ("image_alt",)}
