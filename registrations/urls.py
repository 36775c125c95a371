from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("programs/<slug:slug>/interest/", views.program_interest, name="program-interest"),
    path("events/<slug:slug>/register/", views.event_register, name="event-register"),
    path("registrations/<int:pk>/withdraw/", views.registration_withdraw, name="withdraw"),
]
