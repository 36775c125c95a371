"""The server error page: in the site's layout and the visitor's language."""

import pytest
from django.test import Client
from django.urls import path

from busan_exchange.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("en/broken/", broken), path("ko/broken/", broken), *site_urlpatterns]
handler404 = "busan_exchange.views.page_not_found"
handler500 = "busan_exchange.views.server_error"


@pytest.mark.django_db
@pytest.mark.urls("programs.tests.test_errors")
@pytest.mark.parametrize("language", ["en", "ko"])
def test_server_error_page_uses_the_site_layout(language):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'id="content"' in html and 'id="footer"' in html
    assert f'<html lang="{language}"' in html
