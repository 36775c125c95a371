"""The public pages, composed here because several of them gather content from more than one app.

The URL names stay those of the apps the pages are about (``programs:detail``, ``accounts:my-page``), so
models and templates can reverse them without knowing where the view lives.
"""

from django.urls import include, path

from accounts import views as account_views
from programs import views as program_views
from registrations import views as registration_views

from . import views

programs_patterns = [
    path("programs/", program_views.program_list, name="list"),
    path("programs/<slug:slug>/", views.program_detail, name="detail"),
    path("categories/<slug:slug>/", program_views.category_detail, name="category"),
    path("cities/", program_views.city_list, name="city-list"),
    path("cities/<slug:slug>/", views.city_detail, name="city"),
]

registrations_patterns = [
    path("programs/<slug:slug>/interest/", views.program_interest, name="program-interest"),
    path("events/<slug:slug>/register/", registration_views.event_register, name="event-register"),
    path("registrations/<int:pk>/withdraw/", registration_views.registration_withdraw, name="withdraw"),
]

account_patterns = [
    path("", views.my_page, name="my-page"),
    path("profile/", account_views.profile, name="profile"),
    path("consents/", account_views.consents, name="consents"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]

privacy_patterns = [
    path("", account_views.privacy_policy, name="current"),
    path("<str:version>/", account_views.privacy_policy, name="version"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("take-part/", views.take_part, name="take-part"),
    path("privacy/", include((privacy_patterns, "privacy"))),
    path("", include((programs_patterns, "programs"))),
    path("", include((registrations_patterns, "registrations"))),
    path("my/", include((account_patterns, "accounts"))),
]
