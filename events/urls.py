from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    # Before the events' own addresses: "past" is not an event (events.models.Event.slug refuses it).
    path("past/", views.past_event_list, name="past"),
    path("<slug:slug>/", views.event_detail, name="detail"),
]
