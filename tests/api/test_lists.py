"""GET /api/v1/interactions, /updates and /invitations: the key owner's rows only, newest first,
paged with limit and offset like /contacts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.network.models import Invitation, Update
from hedgerow.network.services import log_interaction
from tests.conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


@pytest.fixture
def headers(owner):
    return {"Authorization": f"Bearer {create_api_token(owner=owner, name='s')[1]}"}


def test_it_pages_interactions_newest_first(client, owner, outsider, headers, make_contact):
    ana, bo = make_contact(owner, "Ana Ruiz"), make_contact(owner, "Bo Chen")
    days = [date(2026, 11, d) for d in (1, 5, 9)]
    made = [log_interaction(contact=ana, kind="call", on=day).interaction for day in days]
    made.append(log_interaction(contact=bo, kind="email", text="Hello").interaction)
    log_interaction(contact=make_contact(outsider, "Eve Secret"), kind="call")

    listed = client.get("/api/v1/interactions", headers=headers).json()
    assert [row["id"] for row in listed] == [made[3].pk, made[2].pk, made[1].pk, made[0].pk]
    assert listed[0] == {
        "id": made[3].pk,
        "contact_id": bo.pk,
        "kind": "email",
        "direction": "outgoing",
        "occurred_at": made[3].occurred_at.isoformat().replace("+00:00", "Z"),
        "source": "manual",
        "subject": "",
        "text": "Hello",
    }
    paged = client.get("/api/v1/interactions?limit=2&offset=1", headers=headers).json()
    assert [row["id"] for row in paged] == [made[2].pk, made[1].pk]
    only_ana = client.get(f"/api/v1/interactions?contact_id={ana.pk}", headers=headers).json()
    assert {row["contact_id"] for row in only_ana} == {ana.pk}


def test_it_lists_updates_and_invitations(client, owner, outsider, headers, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    eve = make_contact(outsider, "Eve Secret")
    for who, summary in ((ana, "New role"), (eve, "Secret post")):
        Update.objects.create(
            owner=who.owner, contact=who, kind="job", summary=summary, detected_on=date(2026, 11, 2)
        )
    for who in (ana, eve):
        Invitation.objects.create(
            owner=who.owner,
            contact=who,
            name=who.name,
            direction="outgoing",
            sent_at=NOW - timedelta(days=3),
        )

    updates = client.get("/api/v1/updates", headers=headers).json()
    assert [(u["contact_id"], u["summary"], u["detected_on"]) for u in updates] == [
        (ana.pk, "New role", "2026-11-02")
    ]
    invitations = client.get("/api/v1/invitations", headers=headers).json()
    assert [(i["contact_id"], i["name"], i["status"]) for i in invitations] == [
        (ana.pk, "Ana Ruiz", "pending")
    ]
    assert client.get("/api/v1/invitations?offset=1", headers=headers).json() == []
    too_many = client.get("/api/v1/updates?limit=1001", headers=headers)
    assert too_many.status_code == 422
    assert too_many.json() == {"detail": "limit must be at most 1000.", "field": "limit"}


def test_it_keeps_another_persons_contact_out_of_the_filter(
    client, outsider, headers, make_contact
):
    eve = make_contact(outsider, "Eve Secret")
    log_interaction(contact=eve, kind="call")

    response = client.get(f"/api/v1/interactions?contact_id={eve.pk}", headers=headers)

    assert response.status_code == 404
    assert client.get(f"/api/v1/updates?contact_id={eve.pk}", headers=headers).status_code == 404
