"""The JSON API under /api/v1/: bearer keys, owner scoping, the same shapes as the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.network.models import Interaction, Update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


@pytest.fixture
def key(owner):
    return create_api_token(owner=owner, name="script")[1]


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_it_refuses_requests_without_a_key(client, owner):
    response = client.get("/api/v1/today")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Send your API key as `Authorization: Bearer")
    assert response.json()["field"] is None


def test_it_refuses_an_unknown_key(client, owner):
    response = client.get("/api/v1/today", headers=auth("hr_not-a-real-key"))
    assert response.status_code == 401


def test_it_returns_the_same_agenda_as_the_cli(client, owner, key, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Acme")
    Update.objects.create(
        owner=owner,
        contact=ana,
        kind="post",
        summary="Shared a talk",
        detected_on=date(2026, 11, 24),
    )

    response = client.get("/api/v1/today?as_of=2026-11-25", headers=auth(key))

    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2026-11-25"
    assert body["updates"][0]["contact"]["name"] == "Ana Ruiz"
    assert body["updates"][0]["summary"] == "Shared a talk"


def test_it_lists_only_the_key_owners_contacts(client, owner, outsider, key, make_contact):
    make_contact(owner, "Ana Ruiz")
    theirs = make_contact(outsider, "Eve Secret")

    listed = client.get("/api/v1/contacts", headers=auth(key)).json()
    assert [c["name"] for c in listed] == ["Ana Ruiz"]
    assert client.get(f"/api/v1/contacts/{theirs.pk}", headers=auth(key)).status_code == 404


def test_it_logs_an_interaction_with_the_gentle_warning(client, owner, key, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    url = f"/api/v1/contacts/{ana.pk}/interactions"

    first = client.post(
        url,
        {"kind": "message", "on": "2026-11-20"},
        content_type="application/json",
        headers=auth(key),
    )
    second = client.post(url, {"kind": "email"}, content_type="application/json", headers=auth(key))

    assert first.status_code == 201 and first.json()["warning"] is None
    assert second.status_code == 201 and "haven't heard back" in second.json()["warning"]
    assert Interaction.objects.filter(contact=ana).count() == 2


def test_it_rejects_an_unknown_kind_naming_the_field(client, owner, key, make_contact):
    ana = make_contact(owner, "Ana Ruiz")

    response = client.post(
        f"/api/v1/contacts/{ana.pk}/interactions",
        {"kind": "fax"},
        content_type="application/json",
        headers=auth(key),
    )

    assert response.status_code == 422
    assert "kind" in str(response.json())


def test_it_makes_a_core_contact_and_explains_a_bad_cadence(client, owner, key, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    url = f"/api/v1/contacts/{ana.pk}/core"

    bad = client.put(url, {"every": 5}, content_type="application/json", headers=auth(key))
    good = client.put(url, {"every": 90}, content_type="application/json", headers=auth(key))

    assert bad.status_code == 422 and "at least 30" in bad.json()["detail"]
    assert good.status_code == 200 and good.json()["core"] is True
    ana.refresh_from_db()
    assert ana.cadence_days == 90


def test_it_marks_an_update_done_only_for_its_owner(client, owner, outsider, key, make_contact):
    theirs = make_contact(outsider, "Eve")
    update = Update.objects.create(
        owner=outsider, contact=theirs, kind="post", summary="x", detected_on=date(2026, 11, 24)
    )

    response = client.post(f"/api/v1/updates/{update.pk}/done", headers=auth(key))

    assert response.status_code == 404
    update.refresh_from_db()
    assert update.acknowledged_on is None


def test_it_publishes_an_openapi_document(client, owner, key):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/today" in response.json()["paths"]


def test_it_serves_the_api_docs_without_a_cdn(owner_client):
    html = owner_client.get("/api/v1/docs").content.decode()

    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
