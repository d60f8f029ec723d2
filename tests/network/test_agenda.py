"""Today's agenda (rules N1, N5, N7, N8, N11) computed by the service the page and CLI share."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hedgerow.network import services
from hedgerow.network.agenda import build_agenda, connection_counts
from hedgerow.network.models import Interaction, Invitation, Update
from tests.conftest import NOW

TODAY = date(2026, 11, 25)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def interaction(contact, day: date, direction="outgoing", kind="message"):
    return Interaction.objects.create(
        owner=contact.owner,
        contact=contact,
        kind=kind,
        direction=direction,
        occurred_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        source="linkedin",
    )


def test_it_lists_open_updates_core_contacts_first(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    bo = make_contact(owner, "Bo Li", is_core=True, core_since=TODAY)
    Update.objects.create(owner=owner, contact=ana, kind="post", summary="a", detected_on=TODAY)
    Update.objects.create(
        owner=owner, contact=bo, kind="post", summary="b", detected_on=TODAY - timedelta(days=3)
    )
    Update.objects.create(
        owner=owner,
        contact=ana,
        kind="post",
        summary="done",
        detected_on=TODAY,
        acknowledged_on=TODAY,
    )

    summaries = [u["summary"] for u in build_agenda(owner, TODAY)["updates"]]

    assert summaries == ["b", "a"]


def test_it_hides_a_snoozed_update_until_its_date(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    update = Update.objects.create(
        owner=owner, contact=ana, kind="post", summary="a", detected_on=TODAY
    )
    update.snooze(until=TODAY + timedelta(days=7))

    assert build_agenda(owner, TODAY)["updates"] == []
    assert len(build_agenda(owner, TODAY + timedelta(days=7))["updates"]) == 1


def test_it_lists_accepted_invitations_until_a_warm_reply_is_sent(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    Invitation.objects.create(
        owner=owner,
        contact=ana,
        name="Ana Ruiz",
        direction="outgoing",
        sent_at=NOW - timedelta(days=20),
        status="accepted",
        accepted_on=TODAY - timedelta(days=2),
    )

    follow_ups = build_agenda(owner, TODAY)["follow_ups"]
    assert [(f["contact"]["name"], f["accepted_on"]) for f in follow_ups] == [
        ("Ana Ruiz", date(2026, 11, 23))
    ]

    services.log_interaction(contact=ana, kind="message", text="Lovely to be connected!")

    assert build_agenda(owner, TODAY)["follow_ups"] == []


def test_it_lists_core_contacts_whose_cadence_ran_out(owner, make_contact):
    ana = make_contact(
        owner, "Ana Ruiz", is_core=True, cadence_days=75, core_since=date(2026, 1, 1)
    )
    bo = make_contact(owner, "Bo Li", is_core=True, cadence_days=75, core_since=date(2026, 1, 1))
    make_contact(owner, "Cy Not-core")
    interaction(ana, TODAY - timedelta(days=80))
    interaction(bo, TODAY - timedelta(days=30), direction="incoming")

    due = build_agenda(owner, TODAY)["due"]

    assert due == [
        {
            "contact": {
                "id": ana.pk,
                "name": "Ana Ruiz",
                "company": "",
                "position": "",
                "linkedin_url": "",
            },
            "last_interaction_on": date(2026, 9, 6),
            "days_overdue": 5,
            "cadence_days": 75,
        }
    ]


def test_it_resets_the_clock_on_any_interaction(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", is_core=True, core_since=date(2026, 1, 1))
    interaction(ana, TODAY - timedelta(days=100))
    assert len(build_agenda(owner, TODAY)["due"]) == 1

    services.log_interaction(contact=ana, kind="call", direction="incoming")

    assert build_agenda(owner, TODAY)["due"] == []


def test_it_counts_a_new_core_contact_without_history_as_due_after_a_cadence(owner, make_contact):
    make_contact(
        owner, "Ana Ruiz", is_core=True, cadence_days=30, core_since=TODAY - timedelta(days=10)
    )
    assert build_agenda(owner, TODAY)["due"] == []
    assert build_agenda(owner, TODAY + timedelta(days=21))["due"][0]["days_overdue"] == 1


def test_it_shows_pending_invitations_with_days_waiting(owner):
    Invitation.objects.create(
        owner=owner, name="Bo Li", direction="outgoing", sent_at=NOW - timedelta(days=40)
    )
    Invitation.objects.create(
        owner=owner, name="In Coming", direction="incoming", sent_at=NOW - timedelta(days=1)
    )

    pending = build_agenda(owner, TODAY)["pending_invitations"]

    assert [(p["name"], p["days_waiting"]) for p in pending] == [("Bo Li", 40)]


def test_it_counts_connections_by_month(owner, make_contact):
    make_contact(owner, "A A", connected=True, connected_on=date(2026, 9, 1))
    make_contact(owner, "B B", connected=True, connected_on=date(2026, 9, 30))
    make_contact(owner, "C C", connected=True, connected_on=date(2026, 11, 2))
    make_contact(owner, "D D", connected=False, connected_on=date(2025, 1, 2))

    network = build_agenda(owner, TODAY)["network"]

    assert network["connections"] == 3
    assert network["by_month"] == [
        {"month": "2025-01", "added": 1, "total": 1},
        {"month": "2026-09", "added": 2, "total": 3},
        {"month": "2026-11", "added": 1, "total": 4},
    ]


def test_it_counts_todays_calm_lines_as_the_agenda_does(owner, outsider, make_contact):
    make_contact(owner, "A A", connected=True, connected_on=date(2026, 9, 1))
    make_contact(owner, "B B", connected=True, connected_on=None)  # connected, day unknown
    make_contact(owner, "C C", connected=True, connected_on=date(2025, 1, 2))  # before `since`
    make_contact(owner, "D D", connected=True, connected_on=TODAY + timedelta(days=3))  # later
    make_contact(owner, "E E", connected=False, connected_on=date(2026, 2, 1))  # left since
    make_contact(owner, "F F")  # from an address book, never a connection
    make_contact(outsider, "G G", connected=True, connected_on=date(2026, 9, 1))
    for who, status in ((owner, "pending"), (owner, "accepted"), (outsider, "pending")):
        Invitation.objects.create(
            owner=who, name="X", direction="outgoing", status=status, sent_at=NOW
        )
    Invitation.objects.create(owner=owner, name="Y", direction="incoming", sent_at=NOW)

    counts = connection_counts(owner, TODAY, since=date(2025, 12, 1))

    assert counts == {"connections": 3, "joined_since": 2, "pending_invitations": 1}
    assert counts["connections"] == build_agenda(owner, TODAY)["network"]["connections"]


def test_it_never_shows_another_persons_items(owner, outsider, make_contact):
    theirs = make_contact(outsider, "Their Contact", is_core=True, core_since=date(2025, 1, 1))
    Update.objects.create(
        owner=outsider, contact=theirs, kind="post", summary="x", detected_on=TODAY
    )
    Invitation.objects.create(owner=outsider, name="X", direction="outgoing", sent_at=NOW)

    agenda = build_agenda(owner, TODAY)

    assert agenda["updates"] == agenda["due"] == agenda["pending_invitations"] == []
