from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_page, name="my-page"),
    path("profile/", views.profile, name="profile"),
    path("consents/", views.consents, name="consents"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]
