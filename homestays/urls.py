from django.urls import path

from . import views

app_name = "homestays"

urlpatterns = [
    path("my/homestay/", views.host, name="host"),
    path("my/homestay/offer/", views.offer_form, name="offer"),
    path("my/homestay/withdraw/", views.withdraw, name="withdraw"),
]
