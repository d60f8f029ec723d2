from datetime import date, timedelta

import pytest

from hedgerow.network.models import Invitation
from tests.network.views.conftest import TODAY, at

pytestmark = pytest.mark.usefixtures("frozen")


def test_it_welcomes_a_new_person_and_points_to_import(owner_client):
    response = owner_client.get("/")
    assert response.status_code == 200
    assert b"Welcome to Hedgerow" in response.content
    assert b'href="/import/"' in response.content


def test_it_shows_the_sections_in_the_method_s_order(
    owner_client, owner, make_contact, make_update, make_follow_up
):
    ana = make_contact(owner, "Ana Ruiz", company="Lumen", connected_on=date(2025, 6, 1))
    bo = make_contact(owner, "Bo Chen", connected_on=date(2026, 3, 2), connected=True)
    make_update(ana, summary="Started as Head of Design at Lumen")
    make_follow_up(bo)

    html = owner_client.get("/").content.decode()

    order = [
        "Updates worth a note",
        "Accepted your invitation",
        "Core contacts to say hello to",
        "Invitations still open",
        "Your network",
    ]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Started as Head of Design at Lumen" in html
    assert f"/contacts/{bo.pk}/" in html


def test_it_lists_core_contacts_who_are_due(owner_client, owner, make_contact, make_interaction):
    cleo = make_contact(owner, "Cleo Park", is_core=True, core_since=date(2025, 1, 1))
    make_interaction(cleo, on=TODAY - timedelta(days=80))

    html = owner_client.get("/").content.decode()

    assert "Cleo Park" in html
    assert "every 75 days" in html
    assert f"/today/due/{cleo.pk}/done/" in html


def test_it_shows_pending_invitations_calmly(owner_client, owner, make_contact):
    make_contact(owner, "Someone Known")
    Invitation.objects.create(
        owner=owner,
        name="Dana Fox",
        direction=Invitation.Direction.OUTGOING,
        sent_at=at(TODAY - timedelta(days=40)),
    )

    html = owner_client.get("/").content.decode()

    assert "Dana Fox" in html
    assert "40 days so far" in html
    assert "Waiting is normal" in html


def test_it_shows_network_growth_with_a_table(owner_client, owner, make_contact):
    make_contact(owner, "Ana Ruiz", connected_on=date(2026, 1, 5), connected=True)
    make_contact(owner, "Bo Chen", connected_on=date(2026, 1, 20), connected=True)
    make_contact(owner, "Cleo Park", connected_on=date(2023, 1, 20), connected=True)

    html = owner_client.get("/").content.decode()

    assert "<strong>3</strong> connections" in html
    assert "<strong>2</strong> new in the last 12 months" in html
    assert '<th scope="row">Jan 2026</th><td>2</td><td>3</td>' in html


def test_it_says_how_many_more_updates_there_are(owner_client, owner, make_contact, make_update):
    ana = make_contact(owner, "Ana Ruiz")
    for n in range(12):
        make_update(ana, summary=f"Post number {n}")

    html = owner_client.get("/").content.decode()
    assert "and 2 more" in html
    assert html.count('class="card item"') == 10

    everything = owner_client.get("/?all=updates").content.decode()
    assert everything.count('class="card item"') == 12


def test_it_warns_before_a_second_note_within_two_weeks(
    owner_client, owner, make_contact, make_update, make_interaction
):
    ana = make_contact(owner, "Ana Ruiz")
    make_update(ana)
    make_interaction(ana, on=TODAY - timedelta(days=3))

    html = owner_client.get("/").content.decode()

    assert "You last wrote to Ana Ruiz 3 days ago" in html


def test_it_never_shows_someone_else_s_items(client, owner, outsider, make_contact, make_update):
    ana = make_contact(owner, "Ana Ruiz")
    make_update(ana, summary="A private update")
    client.force_login(outsider)

    html = client.get("/").content.decode()

    assert "Ana Ruiz" not in html
    assert "A private update" not in html
