"""The Content-Security-Policy header: built once per process, the same on every page, and still the
library's own where a response asks for a policy of its own."""

import pytest
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory

from busan_exchange.middleware import ContentSecurityPolicyMiddleware

pytestmark = pytest.mark.django_db


def _through_middleware(response: HttpResponse) -> HttpResponse:
    request = RequestFactory().get("/en/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: response)
    return middleware(request)


def _directives(header: str) -> set[str]:
    return {directive.strip() for directive in header.split(";")}


def test_every_page_carries_the_sites_policy(client):
    expected = _directives(build_policy(config=settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]))
    assert "script-src 'self'" in expected
    for url in ("/en/", "/ko/programs/", "/en/accounts/login/", "/zh-hans/no-such-page/"):
        assert _directives(client.get(url)["Content-Security-Policy"]) == expected, url


def test_a_response_with_a_policy_of_its_own_keeps_it():
    plain = _through_middleware(HttpResponse())
    own = HttpResponse()
    own._csp_update = {"img-src": ["https://tiles.example.org"]}
    updated = _through_middleware(own)
    assert "tiles.example.org" not in plain["Content-Security-Policy"]
    assert "img-src 'self' data: https://tiles.example.org" in updated["Content-Security-Policy"]
    exempt = HttpResponse()
    exempt._csp_exempt = True
    assert "Content-Security-Policy" not in _through_middleware(exempt)


def test_a_changed_setting_changes_the_header(settings):
    _through_middleware(HttpResponse())  # built once
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert _through_middleware(HttpResponse())["Content-Security-Policy"] == "default-src 'none'"
