"""Property tests: whatever bytes arrive, every importer ends in a summary (with problems listed)
or UnusableInput, never another exception, and UnusableInput leaves the database as it was.

Each importer gets near-valid files (its own format's lines and headers, shuffled, cut, mixed
with odd values and line ends) with a few bytes damaged, and plain random bytes. `make test`
runs a short round (the "ci" profile); `make fuzz` runs 10,000 inputs per importer.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from hedgerow.network.importers.base import NeedsConfirmation, UnusableInput
from hedgerow.network.importers.google_csv import import_google_csv
from hedgerow.network.importers.ics import import_ics
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.importers.mbox import import_mbox
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ImportRun,
    Interaction,
    Invitation,
    ReviewItem,
    Update,
)
from tests.conftest import NOW

pytestmark = pytest.mark.fuzz

# --- pieces of text the formats are made of -----------------------------------------------------

WORDS = st.sampled_from(
    ["Ana", "Ruiz, PhD", "José", "JosÃ©", "Ἀλέξανδρος", "李", "", " ", "\t", '"', "''", ",", ";",
     "=", ":", "\\", "\\n", "\x00", "\ufeff", "\ud7ff", "ana@example.org", "bad@", "@", "<a@b>",
     "https://www.linkedin.com/in/ana", "https://[www.linkedin.com/in/x", "http://linkedin.com/in/",
     "15 Jan 2024", "2023-06-11 15:33:58 UTC", "1/8/18, 6:14 PM", "31/12/2024", "99/99/99",
     "Jan 2020", "20200101T100000Z", "20201301", "19700101", "INCOMING", "OUTGOING", "Yes", "No",
     "=C3=A9", "=\r", "QUJD", "-1", "1e999", "999999999999999999999", "NaN"]
)  # fmt: skip
TEXT = st.one_of(WORDS, st.text(max_size=30))
LINE_ENDS = st.sampled_from(["\r\n", "\n", "\r", "\r\r\n"])


def joined(parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    return st.builds(lambda items, end: end.join(items), parts, LINE_ENDS)


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    codecs = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
    return st.builds(lambda t, c: t.encode(c, errors="replace"), text, codecs)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes with a few edits: flipped, inserted, deleted, repeated, cut off."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "cut"]))
        at = draw(st.integers(0, len(buffer)))
        if kind == "flip" and at < len(buffer):
            buffer[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            buffer[at:at] = draw(st.binary(max_size=16))
        elif kind == "delete":
            del buffer[at : at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            buffer[at:at] = buffer[at : at + draw(st.integers(1, 256))] * draw(st.integers(2, 50))
        else:
            del buffer[at:]
    return bytes(buffer)


def files(structured: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Near-valid files, damaged or not, and plain random bytes."""
    return st.one_of(
        structured,
        structured.flatmap(damaged),
        st.binary(max_size=2048),
    )


# --- the formats --------------------------------------------------------------------------------

VCARD_LINES = st.one_of(
    st.builds("FN:{}".format, TEXT),
    st.builds("N:{};{};;;".format, TEXT, TEXT),
    st.builds("EMAIL;TYPE={}:{}".format, TEXT, TEXT),
    st.builds("TEL:{}".format, TEXT),
    st.builds("ORG:{}".format, TEXT),
    st.builds("URL:{}".format, TEXT),
    st.builds("X-SOCIALPROFILE;TYPE=linkedin;X-USER={}:{}".format, TEXT, TEXT),
    st.builds("NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET={}:{}=".format, TEXT, TEXT),
    st.builds("CATEGORIES:{}".format, TEXT),
    st.just("PHOTO;ENCODING=b;TYPE=JPEG:QUJDRA=="),
    st.builds(" {}".format, TEXT),  # a folded continuation
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:4.0", "", "ADR;HOME;:"]),
    TEXT,
)
VCARDS = encoded(
    joined(
        st.lists(
            st.builds(
                lambda lines: ["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"],
                st.lists(VCARD_LINES, max_size=12),
            ),
            max_size=5,
        ).map(lambda cards: [line for card in cards for line in card])
    )
)

GOOGLE_COLUMNS = st.sampled_from(
    ["Name", "Given Name", "Family Name", "First Name", "Last Name", "E-mail 1 - Type",
     "E-mail 1 - Value", "E-mail 2 - Value", "Phone 1 - Value", "Website 1 - Value",
     "Organization 1 - Name", "Organization Title", "Notes", "Group Membership", "Labels", "x"]
)  # fmt: skip


def csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',;"\n\r\t') else text


@st.composite
def csv_file(draw: st.DrawFn, header: list[str]) -> str:
    separator = draw(st.sampled_from([",", ";", "\t"]))
    rows = [header, *draw(st.lists(st.lists(TEXT, max_size=len(header) + 2), max_size=8))]
    end = draw(LINE_ENDS)
    lines = [separator.join(csv_cell(c) for c in row) for row in rows]
    if draw(st.booleans()):
        lines.insert(0, "Notes:")  # LinkedIn's preamble
    return end.join(lines) + end


GOOGLE = encoded(st.lists(GOOGLE_COLUMNS, min_size=1, max_size=10).flatmap(csv_file))

LINKEDIN_FILES = {
    "Connections.csv": ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                        "Connected On"],
    "messages.csv": ["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO",
                     "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "IS MESSAGE DRAFT"],
    "Invitations.csv": ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                        "inviteeProfileUrl"],
    "Positions.csv": ["Company Name", "Title", "Description", "Location", "Started On",
                      "Finished On"],
    "Profile.csv": ["First Name", "Last Name"],
}  # fmt: skip


@st.composite
def linkedin_zip(draw: st.DrawFn) -> bytes:
    names = draw(st.lists(st.sampled_from(sorted(LINKEDIN_FILES)), min_size=1, unique=True))
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name in names:
            text = draw(csv_file(LINKEDIN_FILES[name]))
            archive.writestr(f"Basic_LinkedInDataExport/{name}", text.encode("utf-8"))
    return buffer.getvalue()


LINKEDIN = st.one_of(
    linkedin_zip(),
    encoded(st.sampled_from(sorted(LINKEDIN_FILES)).map(LINKEDIN_FILES.get).flatmap(csv_file)),
)

MAIL_HEADERS = st.one_of(
    st.builds("From: {} <{}>".format, TEXT, TEXT),
    st.builds("To: {}".format, TEXT),
    st.builds("Cc: {}".format, TEXT),
    st.builds("Date: {}".format, st.one_of(TEXT, st.just("Wed, 11 Nov 2020 10:23:45 +0000"))),
    st.builds("Subject: {}".format, TEXT),
    st.builds("Message-ID: <{}>".format, TEXT),
    st.builds("Content-Type: text/plain; charset={}".format, TEXT),
    st.sampled_from(["Delivered-To: me@example.org", "List-Id: <l>", "Precedence: bulk",
                     "X-Gmail-Labels: Spam", "X-Mozilla-Status: 0009", " folded", "Subject: =?"
                     "utf-8?B?SsOpcsO0bWU=?=", "From: me@example.org", "To: ana@example.org"]),
)  # fmt: skip
MESSAGE = st.builds(
    lambda first, headers, body: [first, *headers, "", *body],
    st.sampled_from(
        ["From 1234@xxx Wed Nov 11 10:23:45 +0000 2020", "From - Sat Jan 03 10:00:00 2015",
         "From ana@example.org Fri Jun 15 14:41:53 2012", "From ", ">From x"]
    ),
    st.lists(MAIL_HEADERS, max_size=8),
    st.lists(TEXT, max_size=4),
)  # fmt: skip
MBOX = encoded(joined(st.lists(MESSAGE, max_size=4).map(lambda ms: [x for m in ms for x in m])))

ICS_LINES = st.one_of(
    st.builds("DTSTART:{}".format, TEXT),
    st.builds("DTSTART;TZID={}:20200101T100000".format, TEXT),
    st.builds("DTEND:{}".format, TEXT),
    st.builds("RRULE:FREQ={};COUNT={};INTERVAL={};BYDAY={}".format, TEXT, TEXT, TEXT, TEXT),
    st.builds(
        "RRULE:FREQ={}".format, st.sampled_from(["DAILY", "WEEKLY", "SECONDLY", "HOURLY", "X"])
    ),
    st.builds("EXDATE:{}".format, TEXT),
    st.builds("RDATE:{}".format, TEXT),
    st.builds("RECURRENCE-ID:{}".format, TEXT),
    st.builds("ATTENDEE;CN={};PARTSTAT={}:mailto:{}".format, TEXT, TEXT, TEXT),
    st.builds("ORGANIZER:mailto:{}".format, TEXT),
    st.builds("UID:{}".format, TEXT),
    st.builds("SUMMARY:{}".format, TEXT),
    st.builds("STATUS:{}".format, TEXT),
    st.just("DTSTART:20200101T100000Z"),
    st.just("ATTENDEE:mailto:me@example.org"),
    st.just("ATTENDEE:mailto:ana@example.org"),
    TEXT,
)
ICS = encoded(
    joined(
        st.lists(
            st.lists(ICS_LINES, max_size=8).map(lambda ls: ["BEGIN:VEVENT", *ls, "END:VEVENT"]),
            max_size=4,
        ).map(
            lambda events: [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                *(line for event in events for line in event),
                "END:VCALENDAR",
            ]
        )
    )
)


# --- the property -------------------------------------------------------------------------------

TABLES = (Contact, ContactEmail, ImportRun, Interaction, Invitation, ReviewItem, Update)


def snapshot(owner: Any) -> tuple[int, ...]:
    return tuple(table.objects.filter(owner=owner).count() for table in TABLES)


def imports_or_refuses(importer: Callable[..., Any], owner: Any, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    before = snapshot(owner)
    try:
        with time_machine.travel(NOW, tick=False):
            importer(owner=owner, path=path)
    except (UnusableInput, NeedsConfirmation) as refused:
        assert str(refused).strip(), "a refusal says why"
        assert snapshot(owner) == before, "a refused import writes nothing"


CASES = {
    "linkedin": (import_linkedin, "Basic_LinkedInDataExport.zip", files(LINKEDIN)),
    "vcard": (import_vcard, "contacts.vcf", files(VCARDS)),
    "google-csv": (import_google_csv, "contacts.csv", files(GOOGLE)),
    "mbox": (import_mbox, "Inbox.mbox", files(MBOX)),
    "ics": (import_ics, "calendar.ics", files(ICS)),
}


def _check(source: str) -> Callable[..., None]:
    importer, name, strategy = CASES[source]

    @given(data=strategy)
    def check(owner: Any, tmp_path: Path, data: bytes) -> None:
        imports_or_refuses(importer, owner, tmp_path / name, data)

    return check


test_it_never_crashes_on_a_linkedin_archive = _check("linkedin")
test_it_never_crashes_on_a_vcard_file = _check("vcard")
test_it_never_crashes_on_a_google_csv = _check("google-csv")
test_it_never_crashes_on_an_mbox = _check("mbox")
test_it_never_crashes_on_a_calendar = _check("ics")


def test_it_never_crashes_on_a_bare_linkedin_csv(owner, tmp_path):
    """A bare CSV by its own name: the same reader as inside a zip, found without one."""

    @given(data=files(encoded(csv_file(LINKEDIN_FILES["Connections.csv"]))))
    def check(data: bytes) -> None:
        imports_or_refuses(import_linkedin, owner, tmp_path / "Connections.csv", data)

    check()
