"""`hedgerow serve` runs Waitress with WhiteNoise: pages and static files from one process."""

from __future__ import annotations

import threading
import urllib.request

import pytest
from waitress.server import create_server

from hedgerow.wsgi import application


@pytest.fixture
def server(db):
    server = create_server(application, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.status, response.headers.get("Content-Type", ""), response.read()


def test_it_serves_static_files(server):
    status, content_type, body = fetch(f"{server}/static/hedgerow/hedgerow.css")
    assert status == 200 and content_type.startswith("text/css")
    assert b"--accent" in body

    status, _, body = fetch(f"{server}/static/vendor/htmx.min.js")
    assert status == 200 and b"htmx" in body

    status, _, _ = fetch(f"{server}/static/ninja/swagger-ui-bundle.js")
    assert status == 200


@pytest.mark.django_db(transaction=True)
def test_it_serves_the_sign_in_page(server):
    status, content_type, body = fetch(f"{server}/accounts/login/")
    assert status == 200 and content_type.startswith("text/html")
    assert b"Sign in" in body
