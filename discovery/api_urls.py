"""Open data, outside the language prefixes: ``/api/v1/``."""

from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("categories/", api.categories, name="categories"),
    path("programs/", api.programs, name="programs"),
    path("events/", api.events, name="events"),
    path("cities/", api.cities, name="cities"),
]
