"""The coach's API: POST /api/v1/coach/check and GET /api/v1/coach/draft, owner-scoped."""

from __future__ import annotations

from datetime import date

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.network.models import Update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


@pytest.fixture
def key(owner):
    return create_api_token(owner=owner, name="script")[1]


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_it_checks_a_note(client, key):
    response = client.post(
        "/api/v1/coach/check",
        {
            "text": "Congratulations on the Northwind role, Ana! How are the first weeks going?",
            "occasion": "acknowledgement",
            "to": "Ana Ruiz",
            "about": "Head of Design at Northwind",
        },
        content_type="application/json",
        headers=auth(key),
    )

    assert response.status_code == 200
    report = response.json()
    assert list(report) == ["ready", "checks", "chars", "words"]
    assert report["ready"] is True
    assert {"id", "ok", "required", "message"} == set(report["checks"][0])


def test_it_reports_a_flawed_note_as_not_ready(client, key):
    response = client.post(
        "/api/v1/coach/check",
        {"text": "Could you refer me for a job at your company?", "occasion": "invitation"},
        content_type="application/json",
        headers=auth(key),
    )

    report = response.json()
    assert report["ready"] is False
    failed = {c["id"] for c in report["checks"] if not c["ok"] and c["required"]}
    assert "no-ask" in failed


def test_it_refuses_an_unknown_occasion(client, key):
    response = client.post(
        "/api/v1/coach/check",
        {"text": "Hello?", "occasion": "birthday"},
        content_type="application/json",
        headers=auth(key),
    )

    assert response.status_code == 422
    assert "occasion" in response.content.decode()


def test_it_needs_a_key(client, owner):
    response = client.post(
        "/api/v1/coach/check",
        {"text": "Hello?", "occasion": "invitation"},
        content_type="application/json",
    )

    assert response.status_code == 401


def test_it_drafts_a_note_like_the_cli(client, owner, key, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    Update.objects.create(
        owner=owner,
        contact=ana,
        kind="new_position",
        summary="Now Head of Design at Northwind",
        detail={"new": {"company": "Northwind", "position": "Head of Design"}},
        detected_on=date(2026, 11, 20),
    )

    response = client.get(
        f"/api/v1/coach/draft?occasion=acknowledgement&contact_id={ana.pk}", headers=auth(key)
    )

    assert response.status_code == 200
    draft = response.json()
    assert list(draft) == ["occasion", "contact", "text", "placeholders", "check"]
    assert draft["contact"] == {"id": ana.pk, "name": "Ana Ruiz"}
    assert "Head of Design at Northwind" in draft["text"]
    assert draft["check"]["ready"] is True


def test_someone_elses_contact_is_not_found(client, key, outsider, make_contact):
    theirs = make_contact(outsider, "Eve Secret")

    response = client.get(
        f"/api/v1/coach/draft?occasion=invitation&contact_id={theirs.pk}", headers=auth(key)
    )

    assert response.status_code == 404
    assert "Eve" not in response.content.decode()


def test_it_checks_against_the_contacts_context_like_the_composer(client, key, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    Update.objects.create(
        owner=owner,
        contact=ana,
        kind=Update.Kind.NEW_POSITION,
        summary="Now Head of Design at Northwind",
        detail={"new": {"company": "Northwind", "position": "Head of Design"}},
        detected_on=date(2026, 11, 20),
    )
    note = {"text": "Hi Ana, lovely news! How are things?", "occasion": "acknowledgement"}

    response = client.post(
        "/api/v1/coach/check",
        {**note, "contact_id": ana.pk},
        content_type="application/json",
        headers=auth(key),
    )

    specific = next(c for c in response.json()["checks"] if c["id"] == "specific")
    assert specific["ok"] is False


def test_it_never_reads_someone_elses_contact(client, key, outsider, make_contact):
    theirs = make_contact(outsider, "Bo Li")

    response = client.post(
        "/api/v1/coach/check",
        {"text": "Hi Bo! How are you?", "occasion": "follow-up", "contact_id": theirs.pk},
        content_type="application/json",
        headers=auth(key),
    )

    assert response.status_code == 404
