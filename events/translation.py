from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventImage


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "venue", "image_alt")
    required_languages = {"ko": ("title",)}


@register(EventImage)
class EventImageTranslationOptions(TranslationOptions):
    fields = ("image_alt", "caption")
    required_languages = {"ko": ("image_alt",)}
