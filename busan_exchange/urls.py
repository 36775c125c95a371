from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from programs import views as program_views

from . import views

handler404 = "busan_exchange.views.page_not_found"
handler500 = "busan_exchange.views.server_error"

urlpatterns = [
    path("", views.root_redirect, name="root"),
    re_path(r"^text-size/(?P<size>larger|smaller|reset)/$", views.text_size, name="text-size"),
]

urlpatterns += i18n_patterns(
    path("", program_views.home, name="home"),
    path("", include("programs.urls")),
    path("events/", include("events.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
