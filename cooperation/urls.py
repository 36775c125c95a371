from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("cooperation/", views.service, name="service"),
    path("cooperation/request/", views.request_create, name="request"),
    path("my/cooperation/", views.request_list, name="list"),
    path("my/cooperation/<int:pk>/", views.request_detail, name="detail"),
    path("my/cooperation/<int:pk>/withdraw/", views.request_withdraw, name="withdraw"),
]
