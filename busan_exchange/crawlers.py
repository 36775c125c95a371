"""What search engines read: ``sitemap.xml`` and ``robots.txt``."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from .sitemaps import SITEMAPS

# Pages only members or staff use: not for search engines. (URL name, whether its whole first path segment
# after the language prefix is private.)
_PRIVATE_PAGES = [
    ("admin:index", True),
    ("account_login", True),
    ("accounts:my-page", True),
]
_PRIVATE_PATHS = ["/text-size/"]


@require_safe
def sitemap(request):
    return sitemap_views.sitemap(request, {name: cls(request) for name, cls in SITEMAPS.items()})


def _private_paths() -> list[str]:
    paths = list(_PRIVATE_PATHS)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name, whole_section in _PRIVATE_PAGES:
                try:
                    path = reverse(name)
                except NoReverseMatch:
                    continue
                if whole_section:
                    segments = path.strip("/").split("/")
                    path = "/" + "/".join(segments[:2]) + "/"
                if path not in paths:
                    paths.append(path)
    return paths


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in _private_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
