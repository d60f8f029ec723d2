"""The pages behind a wrong turn: 404, 403 and 500 look like the product and lead back into it;
the API's address leads to its documentation, and there is a favicon."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import path

from hedgerow.urls import urlpatterns as product_urls


def broken(request):
    raise RuntimeError("a bug, on purpose")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [path("broken/", broken), path("forbidden/", forbidden), *product_urls]


def test_it_shows_a_styled_not_found_page_with_the_way_back(owner_client):
    response = owner_client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html
    assert 'href="/contacts/"' in html and 'href="/"' in html
    assert "hedgerow/hedgerow.css" in html
    assert 'aria-current="page"' not in html


def test_it_shows_a_not_found_page_to_a_visitor_too(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We couldn't find that page" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_it_shows_a_styled_forbidden_page(owner_client):
    response = owner_client.get("/forbidden/")

    assert response.status_code == 403
    assert "This page isn't open to you" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_it_shows_a_calm_server_error_page(owner, db):
    client = Client(raise_request_exception=False)
    client.force_login(owner)

    response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "nothing you saved is lost" in html
    assert 'href="/goal/"' in html


def test_it_sends_the_api_s_address_to_its_documentation(client, db):
    response = client.get("/api/v1/")

    assert response.status_code == 302 and response["Location"] == "/api/v1/docs"


@pytest.mark.parametrize("path", ["/favicon.ico"])
def test_it_has_a_favicon(client, db, path):
    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"].endswith("hedgerow/favicon.svg")
    assert client.get(response["Location"]).status_code == 200
