from django.urls import path

from . import views

app_name = "discovery"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("events/calendar.ics", views.events_calendar, name="calendar"),
    path("events/<slug:slug>/calendar.ics", views.event_calendar, name="event-calendar"),
    path("feeds/latest.atom", views.latest_feed, name="feed"),
]
