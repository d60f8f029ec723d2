"""iCalendar import: meetings with people, recurrences expanded, what is not a meeting left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hedgerow.accounts.services import profile_of
from hedgerow.cli import main
from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.ics import import_ics
from hedgerow.network.models import Contact, ImportRun, Interaction

GOOGLE = Path(__file__).resolve().parents[2] / "fixtures" / "calendar" / "google-calendar.ics"


def meetings(owner, name: str) -> list[tuple[str, str, int | None]]:
    rows = Interaction.objects.filter(owner=owner, contact__name=name).order_by("occurred_at")
    return [(i.occurred_at.strftime("%Y-%m-%d %H:%M"), i.subject, i.participants) for i in rows]


@pytest.fixture
def imported(owner, fixed_clock):
    return import_ics(owner=owner, path=GOOGLE)


def test_it_expands_a_weekly_meeting_with_its_exception_and_moved_occurrence(owner, imported):
    assert meetings(owner, "Ana Ruiz") == [
        ("2026-01-05 10:00", "Q3 launch sync", 2),
        # 12 January is an EXDATE; 19 January was changed to include Bo.
        ("2026-01-19 10:00", "Q3 launch sync (with Bo)", 3),
        ("2026-01-26 10:00", "Q3 launch sync", 2),
    ]
    assert meetings(owner, "Bo Lee") == [("2026-01-19 10:00", "Q3 launch sync (with Bo)", 3)]
    row = Interaction.objects.filter(owner=owner).first()
    assert row is not None
    assert (row.kind, row.direction, row.source) == ("meeting", "mutual", "calendar")


def test_it_leaves_out_all_day_cancelled_declined_lonely_and_future_events(owner, imported):
    counts = imported.counts
    assert counts["skipped_all_day"] == 1
    assert counts["skipped_cancelled"] == 1
    assert counts["skipped_declined"] == 1
    assert counts["skipped_without_others"] == 1
    names = set(Contact.objects.filter(owner=owner).values_list("name", flat=True))
    # Rooms, declined attendees and next year's meeting bring no one in.
    assert names == {"Ana Ruiz", "Bo Lee", "Greta Svensson"}
    assert meetings(owner, "Greta Svensson") == [("2026-03-04 12:00", "Lunch with Greta", 2)]


def test_it_lists_broken_lines_and_skips_an_event_without_a_start(imported):
    assert [(p.line, p.message) for p in imported.problems] == [
        (
            90,
            "a line could not be read (Content line could not be parsed into parts: "
            "'this line is broken': Invalid content line)",
        ),
        (101, "a line could not be read (DTSTART: Expected time, got: 2026031)"),
        (101, "event skipped: its start time could not be read"),
    ]


def test_it_takes_the_owners_address_from_the_calendar_name(owner, imported):
    assert profile_of(owner).email_addresses == "aliceowner@gmail.com"


def test_it_changes_nothing_on_a_second_import(owner, imported):
    before = Interaction.objects.count()

    again = import_ics(owner=owner, path=GOOGLE)

    assert Interaction.objects.count() == before
    assert again.counts["interactions_skipped_existing"] == 5


def test_it_shares_contacts_with_mail(owner, imported, make_contact):
    ana = Contact.objects.get(owner=owner, name="Ana Ruiz")
    assert ana.emails.filter(email="ana.ruiz@acme.example").exists()
    assert ana.source == "calendar"


def test_it_refuses_a_file_that_is_not_a_calendar(owner, tmp_path):
    path = tmp_path / "notes.ics"
    path.write_text("hello")

    with pytest.raises(UnusableInput, match="not an iCalendar file"):
        import_ics(owner=owner, path=path)
    assert not ImportRun.objects.exists()


def test_it_imports_from_the_cli_as_json(owner, capsys, fixed_clock):
    assert main(["import", "ics", str(GOOGLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["interactions_created"] == 5
    assert main(["import", "ics", str(GOOGLE), "--me", "a@b.example"]) == 2
