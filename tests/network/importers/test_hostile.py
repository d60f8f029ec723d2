"""Hostile and broken files: every one is a listed problem or one sentence (UnusableInput, exit 2
on the CLI, 400 on the web), never a traceback, and nothing is written when it is refused.

The files are made here: a small valid LinkedIn zip, then the byte edits that damage it the way
real downloads and hostile uploads do.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils.html import escape

from hedgerow.cli import main
from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.google_csv import import_google_csv
from hedgerow.network.importers.ics import import_ics
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import Contact, ImportJob, ImportRun

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
ROWS = "".join(
    f"Ana{n},Ruiz,https://www.linkedin.com/in/ana-{n},,Lumen,Designer,15 Jan 2024\r\n"
    for n in range(200)
)
NAME = "Export/Connections.csv"


def linkedin_zip(path: Path, *, method: int = zipfile.ZIP_DEFLATED, data: str = "") -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        archive.writestr(NAME, data or HEADER + ROWS)
    return path


def edit(path: Path, change: Callable[[bytearray], None]) -> Path:
    data = bytearray(path.read_bytes())
    change(data)
    path.write_bytes(bytes(data))
    return path


def local_data_start(data: bytearray) -> int:
    """Where the first entry's data begins, after its local header."""
    name_length, extra_length = struct.unpack_from("<HH", data, 26)
    return 30 + name_length + extra_length


def central(data: bytearray) -> int:
    return data.find(b"PK\x01\x02")


def bad_crc(tmp: Path) -> Path:
    path = linkedin_zip(tmp / "bad-crc.zip", method=zipfile.ZIP_STORED)

    def flip(data: bytearray) -> None:
        data[local_data_start(data) + len(HEADER) + 10] ^= 0x20  # one letter of a name

    return edit(path, flip)


def zlib_error(tmp: Path) -> Path:
    path = linkedin_zip(tmp / "zlib.zip")

    def garble(data: bytearray) -> None:
        start = local_data_start(data)
        data[start : start + 40] = b"\xff" * 40

    return edit(path, garble)


def unknown_method(tmp: Path) -> Path:
    def method_99(data: bytearray) -> None:
        struct.pack_into("<H", data, 8, 99)  # the local header's compression method
        struct.pack_into("<H", data, central(data) + 10, 99)  # and the directory's

    return edit(linkedin_zip(tmp / "method.zip"), method_99)


def encrypted(tmp: Path) -> Path:
    def lock(data: bytearray) -> None:
        data[6] |= 0x1
        data[central(data) + 8] |= 0x1

    return edit(linkedin_zip(tmp / "locked.zip"), lock)


def nul_in_name(tmp: Path) -> Path:
    def nul(data: bytearray) -> None:
        at = data.find(b"Connections", central(data))
        data[at + 3] = 0  # "Con\0ections.csv" in the directory only

    return edit(linkedin_zip(tmp / "nul.zip"), nul)


def truncated(tmp: Path) -> Path:
    path = linkedin_zip(tmp / "cut.zip")
    path.write_bytes(path.read_bytes()[:300])
    return path


def cut_directory(tmp: Path) -> Path:
    """The central directory promises more bytes than the file holds."""
    path = linkedin_zip(tmp / "short.zip")
    data = path.read_bytes()
    path.write_bytes(data[: central(bytearray(data)) - 50] + data[central(bytearray(data)) :])
    return path


def bomb(tmp: Path) -> Path:
    """A 20 MB file of one repeated row: about 20 KB compressed, a thousand times over."""
    path = tmp / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(NAME, HEADER + "a,b,,,,,15 Jan 2024\r\n" * 1_000_000)
    return path


DAMAGED = {
    "bad CRC": (bad_crc, "damaged"),
    "zlib error": (zlib_error, "damaged"),
    "unknown compression": (unknown_method, "compressed in a way we cannot read"),
    "encrypted": (encrypted, "is encrypted"),
    "NUL in a name": (nul_in_name, "damaged"),
    "truncated": (truncated, "not a readable .zip archive"),
    "cut inside": (cut_directory, "could not be read"),
    "1000x bomb": (bomb, "times over"),
}


@pytest.mark.parametrize("family", DAMAGED)
def test_it_refuses_a_damaged_zip_in_one_sentence_and_writes_nothing(owner, tmp_path, family):
    make, reason = DAMAGED[family]
    path = make(tmp_path)

    with pytest.raises(UnusableInput) as refused:
        import_linkedin(owner=owner, path=path)

    message = str(refused.value)
    assert reason in message
    assert path.name in message
    assert "\n" not in message
    assert not Contact.objects.exists()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("family", ["bad CRC", "encrypted", "NUL in a name", "truncated"])
def test_it_exits_2_on_the_cli_for_a_damaged_zip(owner, tmp_path, capsys, family):
    path = DAMAGED[family][0](tmp_path)

    assert main(["import", "linkedin", str(path)]) == 2
    assert path.name in capsys.readouterr().err


@pytest.mark.parametrize("family", DAMAGED)
def test_it_shows_one_sentence_on_the_web_and_no_error_page(owner_client, tmp_path, family):
    path = DAMAGED[family][0](tmp_path)
    upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/zip")

    response = owner_client.post("/import/", {"source": "linkedin", "file": upload}, follow=True)

    assert response.status_code == 200
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert path.name in job.message
    assert escape(job.message) in response.content.decode()
    assert not ImportRun.objects.exists()


def test_it_lists_a_profile_url_it_cannot_parse_and_imports_the_rest(owner, tmp_path):
    rows = HEADER + "Ana,Ruiz,https://[www.linkedin.com/in/ana,,Lumen,Designer,15 Jan 2024\r\n"
    rows += "Bo,Chen,https://www.linkedin.com/in/bo-chen,,Orbit,Engineer,15 Jan 2024\r\n"
    path = linkedin_zip(tmp_path / "odd-url.zip", data=rows)

    summary = import_linkedin(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 2
    assert Contact.objects.filter(owner=owner, name="Bo Chen").exists()


# --- lines, cells, records and columns past their caps -----------------------------------------


def test_it_refuses_a_csv_line_longer_than_the_cap(owner, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "Ana,Ruiz," + "x" * (2 << 20) + "\r\n")

    with pytest.raises(UnusableInput, match=r"Connections.csv could not be read: line 2 is longer"):
        import_linkedin(owner=owner, path=path)
    assert not ImportRun.objects.exists()


def test_it_reads_up_to_a_quote_that_never_closes(owner, tmp_path):
    path = tmp_path / "Connections.csv"
    bo = "Bo,Chen,,,Orbit,Engineer,15 Jan 2024\r\n"
    path.write_text(HEADER + bo + 'Ana,"Ruiz\r\n' + "x,y,z\r\n" * 300_000)

    summary = import_linkedin(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert any("a quote that never closes" in p.message and p.line == 3 for p in summary.problems)


def test_it_refuses_a_record_longer_than_the_cap(owner, tmp_path):
    path = tmp_path / "Connections.csv"
    cells = ",".join(f'"{"y" * 100_000}\r\n"' for _ in range(12))
    path.write_text(HEADER + cells + "\r\n" + ("z" * 100_000 + "\r\n") * 3)

    with pytest.raises(UnusableInput, match="longer than 1 MB"):
        import_linkedin(owner=owner, path=path)


def test_it_skips_a_row_with_too_many_columns_and_lists_it(owner, tmp_path):
    path = tmp_path / "Connections.csv"
    wide = "Bo,Chen" + "," * 5000
    path.write_text(HEADER + wide + "\r\n" + "Ana,Ruiz,,,Lumen,Designer,15 Jan 2024\r\n")

    summary = import_linkedin(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert any("5,002 columns" in p.message and p.line == 2 for p in summary.problems)


def vcard(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""])


# Caps a sixteenth of the defaults, so the hostile files can be too (bench/hostile.py runs them
# at full size against the defaults).
SMALL = {"line_chars": 64 << 10, "field_chars": 16 << 10, "record_chars": 64 << 10}


@override_settings(HEDGEROW_IMPORT_LIMITS=SMALL)
def test_it_skips_a_vcard_name_past_the_cap_and_keeps_the_card(owner, tmp_path):
    path = tmp_path / "big.vcf"
    path.write_text(vcard("FN:" + "A" * (1 << 20), "EMAIL:ana@example.org"))

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert any("Skipped the FN property" in p.message and p.line == 3 for p in summary.problems)


@override_settings(HEDGEROW_IMPORT_LIMITS=SMALL)
def test_it_drops_a_folded_photo_past_the_cap_without_a_word(owner, tmp_path):
    path = tmp_path / "photo.vcf"
    photo = "\r\n ".join(["PHOTO;ENCODING=b;TYPE=JPEG:"] + ["QUJD" * 18] * ((2 << 20) // 72))
    path.write_text(vcard("FN:Ana Ruiz", photo, "EMAIL:ana@example.org"))

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert summary.problems == []


def test_it_skips_a_card_with_more_properties_than_the_cap(owner, tmp_path):
    path = tmp_path / "many.vcf"
    emails = [f"EMAIL:a{n}@example.org" for n in range(5_000)]
    path.write_text(vcard("FN:Many", *emails) + vcard("FN:Bo Chen"))

    summary = import_vcard(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert any("more than 1,000 properties" in p.message for p in summary.problems)


def test_it_refuses_a_google_csv_with_200_000_columns(owner, tmp_path):
    path = tmp_path / "wide.csv"
    header = "First Name,E-mail 1 - Value" + ",c" * 200_000
    path.write_text(header + "\n" + "Ana,ana@example.org\n")

    with pytest.raises(UnusableInput, match="200,002 columns in its first line"):
        import_google_csv(owner=owner, path=path)


@override_settings(HEDGEROW_IMPORT_LIMITS={"records": 3})
def test_it_refuses_a_contacts_file_with_more_records_than_the_cap(owner, tmp_path):
    path = tmp_path / "many.vcf"
    path.write_text("".join(vcard(f"FN:Person {n}") for n in range(5)))

    with pytest.raises(UnusableInput, match="more than 3 cards"):
        import_vcard(owner=owner, path=path)
    assert not Contact.objects.exists()


EVENT = "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20200101T100000Z\r\n{rule}END:VEVENT\r\n"


def calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def test_it_skips_an_event_that_repeats_every_second(owner, tmp_path):
    path = tmp_path / "seconds.ics"
    path.write_text(calendar(EVENT.format(uid="a", rule="RRULE:FREQ=SECONDLY\r\n")))

    summary = import_ics(owner=owner, path=path)

    assert any("repeats more than 100,000 times" in p.message for p in summary.problems)


@override_settings(HEDGEROW_IMPORT_LIMITS={"calendar_bytes": 1000})
def test_it_refuses_a_calendar_past_its_size_cap(owner, tmp_path):
    path = tmp_path / "big.ics"
    path.write_text(calendar(*(EVENT.format(uid=n, rule="") for n in range(100))))

    with pytest.raises(UnusableInput, match=r"big.ics is .* the biggest calendar we read is"):
        import_ics(owner=owner, path=path)


# --- uploads past the cap -----------------------------------------------------------------------


@override_settings(HEDGEROW_MAX_UPLOAD_BYTES=1000)
def test_it_refuses_an_upload_past_the_cap_with_413(owner_client, tmp_path):
    upload = SimpleUploadedFile("Connections.csv", b"x" * 5000, content_type="text/csv")

    response = owner_client.post("/import/", {"source": "linkedin", "file": upload})

    assert response.status_code == 413
    html = response.content.decode()
    assert re.search(r"That file is 5\.\d+ KB, and this page takes files up to 1,000 bytes", html)
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    "lines",
    [
        "DTSTART:20200101T100000Z\r\nDTEND:\r\nDTEND:\r\n",  # found by the fuzz tests
        "DTSTART:20200101T100000Z\r\nUID:\r\n",
    ],
)
def test_it_reads_an_event_with_a_property_twice_or_an_empty_uid(owner, tmp_path, lines):
    path = tmp_path / "odd.ics"
    path.write_text(calendar("BEGIN:VEVENT\r\n" + lines + "END:VEVENT\r\n"))

    try:
        import_ics(owner=owner, path=path)
    except UnusableInput as refused:  # nobody else in it, so whose calendar is it: fine
        assert "could not be expanded" not in str(refused)


# --- NUL characters: PostgreSQL refuses them in text, so they are dropped as the file is read ---


def test_it_drops_a_nul_from_a_utf16_linkedin_csv(owner, tmp_path):
    # Found by the fuzz tests on PostgreSQL: UTF-16 hides a NUL from the binary-file check.
    path = tmp_path / "Connections.csv"
    row = "A\x00na,Ruiz,https://www.linkedin.com/in/ana,,Lu\x00men,Designer,15 Jan 2024\r\n"
    path.write_bytes((HEADER + row).encode("utf-16"))

    import_linkedin(owner=owner, path=path)

    assert Contact.objects.get(owner=owner).name == "Ana Ruiz"
    assert Contact.objects.get(owner=owner).company == "Lumen"


def test_it_drops_a_nul_from_a_google_csv(owner, tmp_path):
    path = tmp_path / "contacts.csv"
    text = "Name,E-mail 1 - Value,Notes\r\nAna Ruiz,ana@example.org,met at\x00 the fair\r\n"
    path.write_bytes(text.encode("utf-16"))

    import_google_csv(owner=owner, path=path)

    contact = Contact.objects.get(owner=owner)
    assert (contact.name, contact.notes) == ("Ana Ruiz", "met at the fair")


def test_it_drops_a_nul_a_quoted_printable_vcard_value_decodes_to(owner, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Ruiz;Ana\r\n"
        "FN;ENCODING=QUOTED-PRINTABLE:Ana=00 Ruiz\r\nORG;ENCODING=QUOTED-PRINTABLE:Lu=00men\r\n"
        "END:VCARD\r\n"
    )

    import_vcard(owner=owner, path=path)

    contact = Contact.objects.get(owner=owner)
    assert (contact.name, contact.company) == ("Ana Ruiz", "Lumen")


def test_it_drops_a_nul_from_a_calendar(owner, tmp_path, fixed_clock):
    google = Path(__file__).resolve().parents[2] / "fixtures" / "calendar" / "google-calendar.ics"
    path = tmp_path / "cal.ics"
    path.write_bytes(google.read_bytes().replace(b"CN=Ana Ruiz:", b"CN=Ana\x00 Ruiz:"))

    import_ics(owner=owner, path=path)

    assert Contact.objects.filter(owner=owner, name="Ana Ruiz").exists()


@override_settings(HEDGEROW_IMPORT_LIMITS={"occurrences": 5})
def test_it_refuses_a_calendar_with_more_events_than_the_cap_as_it_reads_it(owner, tmp_path):
    path = tmp_path / "many.ics"
    path.write_text(calendar(*(EVENT.format(uid=n, rule="") for n in range(6))))

    with pytest.raises(UnusableInput, match=r"many\.ics holds more than 5 events"):
        import_ics(owner=owner, path=path)
    assert not ImportRun.objects.exists()


@override_settings(HEDGEROW_IMPORT_LIMITS={"series_bytes": 1000})
def test_it_skips_a_series_with_more_changed_occurrences_than_it_can_hold(owner, tmp_path):
    people = "ATTENDEE:mailto:me@example.org\r\nATTENDEE:mailto:ana@example.org\r\n"
    series = EVENT.format(uid="daily", rule="RRULE:FREQ=DAILY;COUNT=30\r\n" + people)
    moves = [
        EVENT.format(uid="daily", rule=f"RECURRENCE-ID:202001{day:02}T100000Z\r\n{people}")
        for day in range(2, 30)
    ]
    path = tmp_path / "moves.ics"
    others = [EVENT.format(uid=n, rule=f"ATTENDEE:mailto:{n}@example.org\r\n" + people[:32])
              for n in ("bo", "cy")]  # fmt: skip
    path.write_text(calendar(series, *others, *moves))

    summary = import_ics(owner=owner, path=path)

    assert [(p.line, p.message) for p in summary.problems] == [
        (3, "event skipped: with its 28 changed occurrences it is longer than 1,000 bytes")
    ]
    assert summary.counts["events_skipped"] == 29
    assert summary.counts["interactions_created"] == 2  # the one-off meetings


@override_settings(HEDGEROW_IMPORT_LIMITS={"record_chars": 2000})
def test_it_refuses_a_calendar_whose_time_zones_run_past_the_cap(owner, tmp_path):
    zone = "BEGIN:VTIMEZONE\r\nTZID:Z{n}\r\nX-PAD:" + "x" * 500 + "\r\nEND:VTIMEZONE\r\n"
    path = tmp_path / "zones.ics"
    path.write_text(calendar(*(zone.replace("{n}", str(n)) for n in range(5))))

    with pytest.raises(UnusableInput, match=r"zones\.ics could not be read: its time zones run"):
        import_ics(owner=owner, path=path)


def test_it_names_the_line_of_an_event_that_repeats_too_often_after_a_broken_one(owner, tmp_path):
    broken = "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:2020\r\nEND:VEVENT\r\n"  # lines 3-6
    seconds = EVENT.format(uid="s", rule="RRULE:FREQ=SECONDLY\r\n")  # begins on line 7
    path = tmp_path / "cal.ics"
    path.write_text(calendar(broken, seconds))

    summary = import_ics(owner=owner, path=path)

    assert [(p.line, p.message) for p in summary.problems][-1] == (
        7,
        "event skipped: it repeats more than 100,000 times",
    )


def test_it_reads_a_utf16_calendar_without_its_byte_order_mark(owner, tmp_path, fixed_clock):
    google = Path(__file__).resolve().parents[2] / "fixtures" / "calendar" / "google-calendar.ics"
    path = tmp_path / "cal.ics"
    path.write_bytes(google.read_text().encode("utf-16-le"))  # NULs dropped: plain text again

    import_ics(owner=owner, path=path)

    assert Contact.objects.filter(owner=owner, name="Ana Ruiz").exists()


# --- one profile URL, two rows: found by `make fuzz` (an IntegrityError before) -----------------


def test_it_reads_a_profile_url_given_twice_as_one_person(owner, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        HEADER + "Ana,Ruiz,https://www.linkedin.com/in/ana,,Lumen,Designer,15 Jan 2024\r\n"
        "Ana,Ruiz,https://www.linkedin.com/in/ana,,Lumen,Lead Designer,15 Jan 2024\r\n"
    )

    summary = import_linkedin(owner=owner, path=path)

    assert summary.counts["contacts_created"] == 1
    assert Contact.objects.get(owner=owner).position == "Lead Designer"  # the later row's


def test_it_keeps_a_url_with_its_person_when_a_row_without_it_matched_by_name_first(
    owner, tmp_path
):
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "Ana,Ana,http://linkedin.com/in/ana,,Lumen,,15 Jan 2024\r\n")
    import_linkedin(owner=owner, path=path)
    path.write_text(
        HEADER + "Ana,Ana,,,Lumen,,\r\nAna,,https://www.linkedin.com/in/ana,,,,15 Jan 2024\r\n"
    )

    import_linkedin(owner=owner, path=path)

    assert Contact.objects.filter(owner=owner, linkedin_url__endswith="/in/ana").count() == 1
