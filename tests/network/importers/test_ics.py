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


def series_event(uid: str, day: int, *lines: str) -> str:
    return "\r\n".join(
        [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTART;TZID=Europe/Lisbon:202602{day:02}T100000",
            "ATTENDEE;CN=Alice:mailto:alice.owner@gmail.com",
            *lines,
            "END:VEVENT",
            "",
        ]
    )


ZONE = GOOGLE.read_text().split("BEGIN:VTIMEZONE")[1].split("END:VTIMEZONE")[0]
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:alice.owner@gmail.com\r\n"
# Three weekly series, each with a moved occurrence and one taken out, and a one-off meeting.
SERIES = {
    uid: [
        series_event(uid, 2, "RRULE:FREQ=WEEKLY;COUNT=3", f"ATTENDEE;CN={name}:mailto:{uid}@x.org",
                     "EXDATE;TZID=Europe/Lisbon:20260209T100000", f"SUMMARY:{uid} weekly"),
        series_event(uid, 17, "RECURRENCE-ID;TZID=Europe/Lisbon:20260216T100000",
                     f"ATTENDEE;CN={name}:mailto:{uid}@x.org", f"SUMMARY:{uid} moved"),
    ]
    for uid, name in (("ana", "Ana Ruiz"), ("bo", "Bo Lee"), ("cy", "Cy Park"))
}  # fmt: skip
ONE_OFF = series_event("lunch", 20, "ATTENDEE;CN=Greta:mailto:greta@example.org", "SUMMARY:Lunch")


def write_calendar(path: Path, events: list[str]) -> Path:
    zone = f"BEGIN:VTIMEZONE{ZONE}END:VTIMEZONE\r\n"
    path.write_text(HEAD + "".join(events[:2]) + zone + "".join(events[2:]) + "END:VCALENDAR\r\n")
    return path


@pytest.mark.parametrize("batch_events", [1, 2000])
@pytest.mark.parametrize("order", ["each series together", "moves first, scattered"])
def test_it_imports_a_calendar_whose_series_are_scattered_the_same(
    owner, tmp_path, fixed_clock, monkeypatch, order, batch_events
):
    """Exports do not keep a series together: its moved occurrences may come first, between
    other series, after the time zone they need. Read in batches of any size, it is the same."""
    monkeypatch.setattr("hedgerow.network.importers.ics.BATCH_EVENTS", batch_events)
    masters = [events[0] for events in SERIES.values()]
    moves = [events[1] for events in SERIES.values()]
    if order == "each series together":
        events = [e for series in SERIES.values() for e in series] + [ONE_OFF]
    else:  # the moves before their series, the one-off and the other series between them
        events = [moves[2], moves[0], masters[1], ONE_OFF, masters[0], moves[1], masters[2]]

    summary = import_ics(owner=owner, path=write_calendar(tmp_path / "cal.ics", events))

    for uid, name in (("ana", "Ana Ruiz"), ("bo", "Bo Lee"), ("cy", "Cy Park")):
        assert meetings(owner, name) == [
            ("2026-02-02 10:00", f"{uid} weekly", 2),
            ("2026-02-17 10:00", f"{uid} moved", 2),  # 9 February left out, 16th moved
        ]
    assert meetings(owner, "Greta") == [("2026-02-20 10:00", "Lunch", 2)]
    assert summary.counts["interactions_created"] == 7
    assert summary.problems == []


def test_it_tells_its_progress_in_events_read(owner, tmp_path, fixed_clock):
    daily = series_event("daily", 1, "RRULE:FREQ=HOURLY;COUNT=1200", "ATTENDEE:mailto:bo@x.org")
    told: list[tuple[int, int]] = []

    import_ics(
        owner=owner,
        path=write_calendar(tmp_path / "cal.ics", [daily, ONE_OFF]),
        progress=lambda done, total: told.append((done, total)),
    )

    # Every 500 meetings within a batch too (where a long import lets others write), then the end.
    assert told == [(0, 2), (0, 2), (2, 2)]
