"""Everything a person owns, out as files they can keep, read and take elsewhere.

An export is three files: `hedgerow.json` (everything, in the versioned shape described in
docs/user-guide.md, "Your data is yours"), `contacts.vcf` (vCard 3.0, for any address book) and
`contacts.csv` (for a spreadsheet), with a short README. Written to a .zip file or to a folder.

Only the person's own rows are read, each table through `owned_rows` (filtered by owner, nothing
else); rows of the people they share a group with appear only as the group's name. Big tables
are streamed row by row, so an export of 30,000 contacts and their interactions needs little
memory. Fields are taken from the models themselves, so a field added later is exported too.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TextIO, TypeVar

from django.contrib.auth.models import User
from django.db import connection, models, transaction
from django.utils import timezone

from hedgerow.accounts.models import Position, Profile
from hedgerow.goals import models as goal_models
from hedgerow.groups import models as group_models
from hedgerow.lib.errors import InvalidInput
from hedgerow.network import models as network_models
from hedgerow.practice import models as practice_models
from hedgerow.reminders import models as reminder_models

FORMAT = "hedgerow-export"
# Raise when a key changes meaning or goes away; adding keys keeps the version.
VERSION = 1
FILES = ("hedgerow.json", "contacts.vcf", "contacts.csv", "README.txt")
CSV_COLUMNS = (
    "id", "name", "first_name", "last_name", "credentials", "company", "position",
    "emails", "phones", "linkedin_url", "tags", "is_core", "cadence_days", "connected",
    "connected_on", "disconnected_on", "source", "notes", "created_at",
)  # fmt: skip
CHUNK = 2000
M = TypeVar("M", bound=models.Model)
README = """\
Your Hedgerow export, written {when}.

hedgerow.json  everything you keep in Hedgerow (format "{format}", version {version}):
               your contacts with their emails, phones and tags, interactions, updates,
               invitations, goals with their plan and check-ins, practice, and your part
               in groups. docs/user-guide.md ("Your data is yours") describes each key.
contacts.vcf   your contacts as vCards, for any address book (Google, Apple, Outlook).
contacts.csv   your contacts as a spreadsheet, one person a row.

It holds only what is yours: other people's posts in your groups are not in it.
"""


def owned_rows(model: type[M], owner: User) -> models.QuerySet[M]:
    """The one way this module reads a table: the person's own rows, in a stable order."""
    return model._default_manager.filter(owner_id=owner.pk).order_by("pk")


# --- rows as plain data ------------------------------------------------------------------------


def plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def row(obj: models.Model, *, leave_out: Iterable[str] = ()) -> dict[str, Any]:
    """Every column of a row but its owner; a link to another row as `<name>_id`."""
    return {name: plain(getattr(obj, name)) for name in columns(type(obj), leave_out=leave_out)}


def columns(model: type[models.Model], *, leave_out: Iterable[str] = ()) -> list[str]:
    skip = {"owner", *leave_out}
    return [f.attname for f in model._meta.concrete_fields if f.name not in skip]


def plain_rows(queryset: models.QuerySet, names: list[str]) -> Iterator[dict[str, Any]]:
    """Rows as plain dicts, read as tuples: no model object per row (150,000 interactions)."""
    for values in queryset.values_list(*names).iterator(chunk_size=CHUNK):
        yield {name: plain(value) for name, value in zip(names, values, strict=True)}


def person_json(owner: User) -> dict[str, Any]:
    profile = Profile.objects.filter(user_id=owner.pk).first()
    return {
        "username": owner.username,
        "first_name": owner.first_name,
        "last_name": owner.last_name,
        "email": owner.email,
        "date_joined": plain(owner.date_joined),
        "settings": row(profile, leave_out=("id", "user")) if profile else {},
        "positions": [row(p, leave_out=("id",)) for p in owned_rows(Position, owner)],
    }


def contacts(owner: User) -> Iterator[dict[str, Any]]:
    """Each contact with its emails, phones and tag names, a chunk of contacts at a time."""
    rows = plain_rows(owned_rows(network_models.Contact, owner), columns(network_models.Contact))
    batch: list[dict[str, Any]] = []
    for entry in rows:
        batch.append(entry)
        if len(batch) == CHUNK:
            yield from _with_details(owner, batch)
            batch = []
    yield from _with_details(owner, batch)


def _with_details(owner: User, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [entry["id"] for entry in batch]
    emails: dict[int, list[dict[str, str]]] = defaultdict(list)
    phones: dict[int, list[dict[str, str]]] = defaultdict(list)
    tags: dict[int, list[str]] = defaultdict(list)
    found = owned_rows(network_models.ContactEmail, owner).filter(contact_id__in=ids)
    for contact_id, email, label in found.values_list("contact_id", "email", "label"):
        emails[contact_id].append({"email": email, "label": label})
    found_phones = owned_rows(network_models.ContactPhone, owner).filter(contact_id__in=ids)
    for contact_id, number, label in found_phones.values_list("contact_id", "number", "label"):
        phones[contact_id].append({"number": number, "label": label})
    tagged = network_models.Contact.tags.through.objects.filter(
        contact_id__in=ids, tag__owner_id=owner.pk
    )
    for contact_id, name in tagged.values_list("contact_id", "tag__name"):
        tags[contact_id].append(name)
    for entry in batch:
        entry["emails"] = emails[entry["id"]]
        entry["phones"] = phones[entry["id"]]
        entry["tags"] = sorted(tags[entry["id"]])
    return batch


def rows_of(model: type[models.Model], *, leave_out: Iterable[str] = ()) -> Section:
    def rows(owner: User) -> Iterator[dict[str, Any]]:
        yield from plain_rows(owned_rows(model, owner), columns(model, leave_out=leave_out))

    return rows


def goals(owner: User) -> Iterator[dict[str, Any]]:
    """Each goal with its Uber Plan (G1-G5) and its weekly check-ins (G6)."""
    parts = {
        "blockers": goal_models.Blocker,
        "recon_items": goal_models.ReconItem,
        "approaches": goal_models.Approach,
        "milestones": goal_models.Milestone,
        "next_actions": goal_models.NextAction,
        "checkins": goal_models.CheckIn,
    }
    for goal in owned_rows(goal_models.Goal, owner):
        entry = row(goal)
        for key, model in parts.items():
            found = owned_rows(model, owner).filter(goal_id=goal.pk)
            if model is goal_models.ReconItem:
                found = found.prefetch_related("contacts")
            entry[key] = [
                {**row(obj, leave_out=("goal",)), **_linked_contacts(obj)} for obj in found
            ]
        yield entry


def _linked_contacts(obj: models.Model) -> dict[str, list[int]]:
    if isinstance(obj, goal_models.ReconItem):
        return {"contact_ids": sorted(c.pk for c in obj.contacts.all())}
    return {}


def practice(owner: User) -> dict[str, Any]:
    aspiration = practice_models.Aspiration.objects.filter(owner_id=owner.pk).first()
    target = practice_models.ActionTarget.objects.filter(owner_id=owner.pk).first()
    return {
        "aspiration": row(aspiration) if aspiration else None,
        "action_target": row(target) if target else None,
        "reflections": list(rows_of(practice_models.Reflection)(owner)),
        "aspirations_at_age": list(rows_of(practice_models.AspirationAtAge)(owner)),
        "aspiration_ratings": list(rows_of(practice_models.AspirationRating)(owner)),
        "impulses": list(rows_of(practice_models.Impulse)(owner)),
        "accomplishments": list(rows_of(practice_models.Accomplishment)(owner)),
        "sessions": list(rows_of(practice_models.PracticeSession)(owner)),
        "pitches": list(rows_of(practice_models.Pitch)(owner)),
    }


def groups(owner: User) -> dict[str, Any]:
    """The person's part in groups: where they are a member and what they wrote there. What
    others wrote is theirs, so it stays out."""
    memberships = owned_rows(group_models.Membership, owner).select_related("group")
    setting = group_models.DigestSetting.objects.filter(owner_id=owner.pk).first()
    return {
        "memberships": [
            {**row(m), "group_name": m.group.name, "group_purpose": m.group.purpose}
            for m in memberships
        ],
        "goal_shares": list(rows_of(group_models.GoalShare)(owner)),
        "replies": list(rows_of(group_models.Reply)(owner)),
        "reactions": list(rows_of(group_models.Reaction)(owner)),
        "prompts": list(rows_of(group_models.Prompt)(owner)),
        "questions": list(rows_of(group_models.Question)(owner)),
        "ideas": list(rows_of(group_models.Idea)(owner)),
        "votes": list(rows_of(group_models.Vote)(owner)),
        "nudges_sent": list(rows_of(group_models.Nudge)(owner)),
        "digest": row(setting, leave_out=("id",)) if setting else None,
    }


def reminders(owner: User) -> dict[str, Any]:
    """The weekly digest's day and whether a calendar address is on (the address itself is a
    secret, and stays out of files that travel)."""
    setting = reminder_models.ReminderSetting.objects.filter(owner_id=owner.pk).first()
    return {
        "digest_day": setting.digest_day or None if setting else None,
        "calendar_on": bool(setting and setting.calendar_token),
        "digests_sent": list(rows_of(reminder_models.DigestSent)(owner)),
    }


Section = Callable[[User], Iterator[dict[str, Any]]]
# The top-level lists of hedgerow.json, in order; `practice` and `groups` follow as objects.
SECTIONS: dict[str, Section] = {
    "contacts": contacts,
    "tags": rows_of(network_models.Tag),
    "interactions": rows_of(network_models.Interaction),
    "updates": rows_of(network_models.Update),
    "invitations": rows_of(network_models.Invitation),
    "today_answers": rows_of(network_models.AgendaAction),
    "suggestions": rows_of(network_models.Suggestion),
    "review_items": rows_of(network_models.ReviewItem),
    "merges": rows_of(network_models.ContactMerge),
    "mail_addresses": rows_of(network_models.MailAddress),
    "mail_accounts": rows_of(network_models.ImapAccount),
    # What each import brought; the undo bookkeeping (journal, a waiting file) stays out.
    "imports": rows_of(network_models.ImportRun, leave_out=("journal", "pending_file")),
    "goals": goals,
}
OBJECTS: dict[str, Callable[[User], dict[str, Any]]] = {
    "practice": practice,
    "groups": groups,
    "reminders": reminders,
}


# --- writing -----------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    path: str
    counts: dict[str, int] = field(default_factory=dict)


def write_json(owner: User, out: TextIO, *, now: datetime) -> dict[str, int]:
    """hedgerow.json, streamed: one row a line, so big lists never sit in memory whole."""
    counts: dict[str, int] = {}
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": plain(now),
        "person": person_json(owner),
    }
    out.write("{\n")
    for key, value in header.items():
        out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    for key, section in SECTIONS.items():
        out.write(f"{json.dumps(key)}: [")
        counts[key] = 0
        for entry in section(owner):
            out.write(",\n  " if counts[key] else "\n  ")
            out.write(json.dumps(entry, ensure_ascii=False))
            counts[key] += 1
        out.write("\n],\n" if counts[key] else "],\n")
    last = list(OBJECTS)[-1]
    for key, build in OBJECTS.items():
        value = build(owner)
        counts.update({f"{key}.{k}": len(v) for k, v in value.items() if isinstance(v, list)})
        out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}")
        out.write("\n" if key == last else ",\n")
    out.write("}\n")
    return counts


_LABEL = re.compile(r"[^A-Za-z0-9-]")


def _escaped(value: str) -> str:
    """A vCard 3.0 text value (RFC 2426 5.8.4): backslash, comma, semicolon and line ends
    escaped."""
    value = value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 2425 5.8.1),
    never splitting a character."""
    if len(line.encode()) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode())
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def vcard(contact: dict[str, Any]) -> str:
    """One contact (as `contacts` yields it) as a vCard 3.0, which every address book reads.
    Written directly: building vobject's objects costs a millisecond a card; tests read every
    card back with vobject and with Hedgerow's own vCard importer."""
    name = contact["name"] or contact["first_name"] or "(no name)"
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:hedgerow-contact-{contact['id']}",
        f"FN:{_escaped(name)}",
        f"N:{_escaped(contact['last_name'])};{_escaped(contact['first_name'])};;;"
        f"{_escaped(contact['credentials'])}",
    ]
    if contact["company"]:
        lines.append(f"ORG:{_escaped(contact['company'])}")
    if contact["position"]:
        lines.append(f"TITLE:{_escaped(contact['position'])}")
    for email in contact["emails"]:
        label = _LABEL.sub("", email["label"])
        lines.append(f"EMAIL;TYPE=INTERNET{',' + label if label else ''}:{email['email']}")
    for phone in contact["phones"]:
        label = _LABEL.sub("", phone["label"])
        lines.append(f"TEL{';TYPE=' + label if label else ''}:{_escaped(phone['number'])}")
    if contact["linkedin_url"]:
        lines.append(f"URL:{contact['linkedin_url'].strip()}")
    if contact["notes"]:
        lines.append(f"NOTE:{_escaped(contact['notes'])}")
    if contact["tags"]:
        lines.append(f"CATEGORIES:{','.join(_escaped(tag) for tag in contact['tags'])}")
    lines.append("END:VCARD")
    return "".join(_fold(line) for line in lines)


def write_vcards(owner: User, out: TextIO) -> None:
    for contact in contacts(owner):
        out.write(vcard(contact))


def write_csv(owner: User, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for contact in contacts(owner):
        values = {
            **contact,
            "emails": "; ".join(e["email"] for e in contact["emails"]),
            "phones": "; ".join(p["number"] for p in contact["phones"]),
            "tags": "; ".join(contact["tags"]),
        }
        writer.writerow(["" if values[c] is None else values[c] for c in CSV_COLUMNS])


def write_files(
    owner: User,
    open_file: Callable[[str], contextlib.AbstractContextManager[IO[bytes]]],
    *,
    now: datetime,
) -> dict[str, int]:
    """The four files, each through `open_file(name)` (a zip entry or a file in a folder)."""
    with snapshot():
        with _text(open_file("hedgerow.json")) as out:
            counts = write_json(owner, out, now=now)
        with _text(open_file("contacts.vcf")) as out:
            write_vcards(owner, out)
        with _text(open_file("contacts.csv")) as out:
            write_csv(owner, out)
    with _text(open_file("README.txt")) as out:
        when = now.strftime("%d %b %Y, %H:%M %Z").lstrip("0")
        out.write(README.format(when=when, format=FORMAT, version=VERSION))
    return counts


@contextlib.contextmanager
def _text(binary: contextlib.AbstractContextManager[IO[bytes]]) -> Iterator[TextIO]:
    # newline="" keeps vCard's CRLF and lets csv write its own line ends.
    with binary as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
        yield text


@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """One consistent view of the data while the export reads it. On PostgreSQL a read-only
    repeatable-read transaction; SQLite's reads never block writers in WAL mode, and a write
    transaction here would hold everyone else up for the whole export, so it reads as it goes."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield  # inside a transaction already (a test's), its view is the one to read
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def write_zip(owner: User, target: IO[bytes], *, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.localtime()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def open_entry(name: str) -> contextlib.AbstractContextManager[IO[bytes]]:
            return archive.open(name, "w", force_zip64=True)

        return write_files(owner, open_entry, now=now)


def export_everything(*, owner: User, path: Path, now: datetime | None = None) -> ExportSummary:
    """`hedgerow export --all PATH`: a .zip file when PATH ends in .zip, otherwise a folder
    (new, or empty) holding the same files."""
    now = now or timezone.localtime()
    if path.suffix.lower() == ".zip":
        if path.exists():
            raise InvalidInput(f"{path} already exists; choose a new name for the export.")
        if not path.parent.is_dir():
            raise InvalidInput(f"{path.parent} is not a folder; create it first.")
        try:
            with path.open("xb") as target:
                counts = write_zip(owner, target, now=now)
        except BaseException:
            path.unlink(missing_ok=True)  # never leave half an export behind
            raise
        return ExportSummary(path=str(path), counts=counts)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InvalidInput(f"{path} is not an empty folder; name a new folder or a .zip file.")
    path.mkdir(parents=True, exist_ok=True)

    def open_in_folder(name: str) -> contextlib.AbstractContextManager[IO[bytes]]:
        return (path / name).open("xb")

    return ExportSummary(path=str(path), counts=write_files(owner, open_in_folder, now=now))


def file_name(owner: User, today: date) -> str:
    return f"hedgerow-{owner.username}-{today.isoformat()}.zip"
