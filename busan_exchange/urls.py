from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from accounts import views as account_views
from accounts.admin_views import admin_redirect, in_staff_language

from . import crawlers, health, views

handler400 = "busan_exchange.views.bad_request"
handler404 = "busan_exchange.views.page_not_found"
# allauth answers its own rate limits with this (accounts.http.too_many_requests: the page and Retry-After).
handler429 = "accounts.http.handler429"
handler500 = "busan_exchange.views.server_error"

urlpatterns = [
    path("", views.root_redirect, name="root"),
    re_path(r"^text-size/(?P<size>larger|smaller|reset)/$", views.text_size, name="text-size"),
    path("language/<str:code>/", views.language_switch, name="language-switch"),
    path("health/", health.health, name="health"),
    path("sitemap.xml", crawlers.sitemap, name="sitemap"),
    path("robots.txt", crawlers.robots_txt, name="robots"),
    path("api/v1/", include("discovery.api_urls")),
    # The admin without a language prefix: to the staff member's language, Korean by default.
    re_path(r"^admin/(?P<rest>.*)$", admin_redirect, name="admin-redirect"),
]

urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("terms/", views.terms, name="terms"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("", include("discovery.urls")),
    path("events/", include("events.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("applications.urls")),
    path("", include("homestays.urls")),
    path("", include("cooperation.urls")),
    # Before the admin's own URLs: its login, held to the same failed-login limits as the site's.
    path("admin/login/", in_staff_language(account_views.admin_login), name="admin-login"),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
