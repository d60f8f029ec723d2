"""The LinkedIn archive generator, the demo loader and the bench's own logic."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine

from hedgerow.network.demo.archive import (
    ARCHIVE_FILES,
    CONNECTIONS_HEADER,
    CONNECTIONS_PREAMBLE,
    INVITATIONS_HEADER,
    MESSAGES_HEADER,
    POSITIONS_HEADER,
    PROFILE_HEADER,
    Changes,
    DemoNetwork,
    write_linkedin_archive,
)

EXPORTED_ON = date(2026, 11, 25)


def read_member(archive: Path, name: str) -> bytes:
    with zipfile.ZipFile(archive) as zf:
        (member,) = [n for n in zf.namelist() if n.endswith("/" + name)]
        return zf.read(member)


def rows(archive: Path, name: str) -> list[list[str]]:
    text = read_member(archive, name).decode("utf-8-sig")
    if name == "Connections.csv":
        text = text.removeprefix(CONNECTIONS_PREAMBLE)
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "linkedin.zip"
    return write_linkedin_archive(
        path, connections=400, messages=3000, seed=7, exported_on=EXPORTED_ON
    )


def test_it_writes_the_five_files_in_a_sub_folder(archive):
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
    assert sorted(n.rsplit("/", 1)[-1] for n in names) == sorted(ARCHIVE_FILES)
    assert all(n.startswith("Complete_LinkedInDataExport_11-25-2026/") for n in names)


def test_it_writes_connections_with_bom_preamble_and_crlf(archive):
    raw = read_member(archive, "Connections.csv")
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert (
        b"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" in raw
    )
    table = rows(archive, "Connections.csv")
    assert table[0] == CONNECTIONS_HEADER
    people = [r for r in table[1:] if any(r)]
    assert len(people) == 400
    assert any(not any(r) for r in table[1:]), "a row of only commas, as in real exports"
    assert any(r[3] for r in people) and sum(bool(r[3]) for r in people) < 80  # most emails empty
    assert any(", PhD" in r[1] or ", MBA" in r[1] or ", CFA" in r[1] for r in people)
    assert all(r[2].startswith("https://www.linkedin.com/in/") for r in people)
    days = [datetime.strptime(r[6], "%d %b %Y").date() for r in people]  # noqa: DTZ007
    assert days == sorted(days, reverse=True)
    assert (max(days) - min(days)).days > 6 * 365
    recent = sum(d.year >= EXPORTED_ON.year - 2 for d in days)
    assert recent > len(days) / 3, "networks grow faster over time"


def test_it_writes_names_from_around_the_world(archive):
    names = " ".join(r[0] + " " + r[1] for r in rows(archive, "Connections.csv")[1:])
    assert any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" for ch in names)
    assert any(ch in names for ch in "éüñçø")


def test_it_writes_the_other_headers(archive):
    assert rows(archive, "Invitations.csv")[0] == INVITATIONS_HEADER
    assert rows(archive, "messages.csv")[0] == MESSAGES_HEADER
    assert rows(archive, "Positions.csv")[0] == POSITIONS_HEADER
    assert rows(archive, "Profile.csv")[0] == PROFILE_HEADER
    assert read_member(archive, "messages.csv").count(b"\r\n") > 3000


def test_it_writes_invitations_both_ways_with_linkedin_dates(archive):
    table = rows(archive, "Invitations.csv")[1:]
    assert {r[4] for r in table} == {"INCOMING", "OUTGOING"}
    assert any(r[3] for r in table if r[4] == "OUTGOING"), "some invitations carry a note"
    for r in table:
        datetime.strptime(r[2], "%m/%d/%y, %I:%M %p")  # noqa: DTZ007 - "9/25/26, 8:52 AM"
    owner_urls = {r[5] for r in table if r[4] == "OUTGOING"} | {
        r[6] for r in table if r[4] == "INCOMING"
    }
    assert len(owner_urls) == 1


def test_it_writes_conversations_with_drafts_and_utc_dates(archive):
    table = rows(archive, "messages.csv")[1:]
    assert len(table) == 3000
    assert len({r[0] for r in table}) < len(table) / 2, "messages are grouped in conversations"
    assert any(r[10] == "Yes" for r in table), "a few drafts"
    assert sum(r[10] == "Yes" for r in table) < 30
    assert any(";" in r[5] for r in table), "some group conversations"
    for r in table:
        moment = datetime.strptime(r[6], "%Y-%m-%d %H:%M:%S UTC")  # noqa: DTZ007
        assert moment.date() < EXPORTED_ON


def test_it_writes_the_same_bytes_for_the_same_seed(tmp_path):
    args = {"connections": 120, "messages": 800, "exported_on": EXPORTED_ON}
    first = write_linkedin_archive(tmp_path / "a.zip", seed=3, **args)
    again = write_linkedin_archive(tmp_path / "b.zip", seed=3, **args)
    other = write_linkedin_archive(tmp_path / "c.zip", seed=4, **args)
    assert first.read_bytes() == again.read_bytes()
    assert first.read_bytes() != other.read_bytes()


def test_it_writes_an_unpacked_folder_too(tmp_path):
    network = DemoNetwork.generate(connections=50, messages=100, seed=1, exported_on=EXPORTED_ON)
    folder = network.write(tmp_path / "export")
    zipped = network.write(tmp_path / "export.zip")
    with zipfile.ZipFile(zipped) as zf:
        for name in zf.namelist():
            assert (folder / name).read_bytes() == zf.read(name)


def test_it_evolves_a_later_export_of_the_same_person():
    earlier = DemoNetwork.generate(
        connections=300, messages=2000, seed=11, exported_on=date(2026, 8, 26)
    )
    changes = Changes(new_positions=7, accepted=4, removed=3, added=5, new_pending=2)
    later = earlier.evolve(exported_on=EXPORTED_ON, changes=changes)
    before = {p.url: p for p in earlier.connections}
    after = {p.url: p for p in later.connections}

    moved = [u for u in before.keys() & after.keys() if before[u].company != after[u].company]
    assert len(moved) == 7
    assert len(before.keys() - after.keys()) == 3
    accepted = {inv.person.url for inv in earlier.pending_outgoing()} & after.keys()
    assert len(accepted) == 4
    assert all(after[u].connected_on > earlier.exported_on for u in accepted)
    assert len(after.keys() - before.keys()) == 4 + 5
    assert len(later.pending_outgoing()) == len(earlier.pending_outgoing()) - 4 + 2
    assert later.owner == earlier.owner
    assert later.epochs[0] == earlier.epochs[0], "the earlier messages reappear unchanged"


def test_it_writes_as_many_messages_and_connections_as_asked(tmp_path):
    # How fast it writes 200k is the bench's to say (make bench), not a unit test's.
    archive = tmp_path / "big.zip"
    write_linkedin_archive(
        archive, connections=300, messages=5_000, seed=1, exported_on=EXPORTED_ON
    )

    assert len([r for r in rows(archive, "Connections.csv")[1:] if any(r)]) == 300
    assert len(rows(archive, "messages.csv")[1:]) == 5_000


# --- the demo home -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=False)
def test_it_loads_a_demo_with_something_in_every_part_of_today():
    from hedgerow.network.agenda import build_agenda
    from hedgerow.network.demo import load_demo

    with time_machine.travel(datetime(2026, 11, 25, 10, 0, tzinfo=UTC), tick=False):
        user = load_demo(today=EXPORTED_ON)
        agenda = build_agenda(user, as_of=EXPORTED_ON)

    kinds = {u["kind"] for u in agenda["updates"]}
    assert {"new_position", "post"} <= kinds
    assert agenda["follow_ups"], "accepted invitations wait for a warm reply (N5)"
    assert agenda["due"], "some core contacts are due (N8)"
    assert agenda["pending_invitations"], "some invitations are still pending (N7)"
    assert agenda["network"]["connections"] > 450
    assert user.check_password("demo")


@pytest.mark.django_db
def test_it_leaves_an_existing_demo_alone():
    from hedgerow.network.access import contacts_of
    from hedgerow.network.demo import load_demo

    with time_machine.travel(datetime(2026, 11, 25, 10, 0, tzinfo=UTC), tick=False):
        first = load_demo(today=EXPORTED_ON)
        count = contacts_of(first).count()
        again = load_demo(today=EXPORTED_ON)
    assert again.pk == first.pk
    assert contacts_of(again).count() == count


# --- the bench's own logic (the full run is `make bench`) ---------------------------------------


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command line is missing")
def test_it_measures_the_sqlite_floor(archive, tmp_path):
    from bench.floor import measure_floor, unpack_for_sqlite

    csv_dir = unpack_for_sqlite(archive, tmp_path / "csv")
    assert not (csv_dir / "Connections.csv").read_bytes().startswith(b"\xef\xbb\xbfNotes")
    result = measure_floor(csv_dir, tmp_path / "floor.sqlite3")
    assert result.seconds > 0
    assert result.rows["connections"] == 401  # 400 people and the row of only commas
    assert result.rows["messages"] == 3000


def test_it_judges_measurements_against_targets():
    from bench.report import Measurement, verdict

    assert verdict(Measurement("import", 3.0, "s", floor=1.0, max_ratio=6)) == "PASS"
    assert verdict(Measurement("import", 7.0, "s", floor=1.0, max_ratio=6)) == "over"
    assert verdict(Measurement("memory", 120, "MB", limit=300)) == "PASS"
    assert verdict(Measurement("today", 80, "ms", limit=50)) == "over"
