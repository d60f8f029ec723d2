"""Writes to the network that views, the CLI and the API share.

Verb-first, keyword-only functions; each write that spans rows is one transaction.
"""

from __future__ import annotations

import functools
import importlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hedgerow.lib.errors import Conflict, InvalidInput
from hedgerow.network import journal, search
from hedgerow.network.access import contacts_of
from hedgerow.network.identity import normalize_email
from hedgerow.network.importers.base import (
    ImportSummary,
    NeedsConfirmation,
    Progress,
    UnusableInput,
)
from hedgerow.network.models import (
    MAX_CADENCE_DAYS,
    MIN_CADENCE_DAYS,
    Contact,
    ImportJob,
    ImportRun,
    Interaction,
    Invitation,
    Tag,
    Update,
)

# Rule N6: a second unanswered note within this many days is too much.
QUIET_DAYS = 14
MAX_SNOOZE_DAYS = 365
OUTREACH_KINDS = (Interaction.Kind.MESSAGE, Interaction.Kind.EMAIL, Interaction.Kind.CALL)


@dataclass
class Logged:
    interaction: Interaction
    warning: str | None


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def find_contacts(owner, query: str) -> QuerySet[Contact]:
    """Contacts whose name, email or LinkedIn profile URL matches the query: at most
    search.MAX_TERMS words are searched (`search.terms_of(query).note` says so)."""
    terms = search.terms_of(query)
    contacts = contacts_of(owner)
    url = search.profile_url(terms.text)
    if url:
        return contacts.filter(linkedin_url=url)
    email = normalize_email(terms.text)
    if email:
        return contacts.filter(emails__email=email).distinct()
    if not terms:
        return contacts
    exact = contacts.filter(name__iexact=terms.text)
    if not terms.note and exact.exists():
        return exact
    return search.matching_every_word(contacts, owner, terms, company=False)


def outreach_warning(*, contact: Contact, on: date) -> str | None:
    """Rule N6: warn, gently, before a second unanswered note within QUIET_DAYS."""
    since = start_of_day(on - timedelta(days=QUIET_DAYS))
    recent = contact.interactions.filter(occurred_at__gte=since)
    last_out = (
        recent.filter(direction=Interaction.Direction.OUTGOING, kind__in=OUTREACH_KINDS)
        .order_by("-occurred_at")
        .first()
    )
    if last_out is None:
        return None
    replied = recent.filter(
        direction=Interaction.Direction.INCOMING, occurred_at__gte=last_out.occurred_at
    ).exists()
    if replied:
        return None
    return _quiet_warning(contact.name, (on - timezone.localdate(last_out.occurred_at)).days)


def _quiet_warning(name: str, days: int) -> str:
    when = "today" if days == 0 else ("yesterday" if days == 1 else f"{days} days ago")
    return (
        f"You last wrote to {name} {when} and haven't heard back yet. Many people read "
        "their messages rarely; giving them room is kind (and it works better than a nudge)."
    )


@transaction.atomic
def log_interaction(
    *,
    contact: Contact,
    kind: str,
    on: date | None = None,
    direction: str = Interaction.Direction.OUTGOING,
    text: str = "",
    source: str = "manual",
) -> Logged:
    """Record an interaction. Any interaction resets the core-contact clock (rule N8)."""
    if kind not in Interaction.Kind.values():
        raise InvalidInput(
            f"kind must be one of {', '.join(Interaction.Kind.values())}, not {kind!r}."
        )
    day = on or timezone.localdate()
    warning = None
    if direction == Interaction.Direction.OUTGOING and kind in OUTREACH_KINDS:
        warning = outreach_warning(contact=contact, on=day)
    occurred_at = timezone.now() if on is None else start_of_day(day)
    interaction = Interaction.objects.create(
        owner_id=contact.owner_id,
        contact=contact,
        kind=kind,
        direction=direction,
        occurred_at=occurred_at,
        source=source,
        text=text.strip(),
    )
    if direction == Interaction.Direction.OUTGOING:
        _settle_follow_ups(contact=contact, on=day)
    if contact.due_snoozed_until:
        contact.due_snoozed_until = None
        contact.save(update_fields=["due_snoozed_until", "updated_at"])
    return Logged(interaction=interaction, warning=warning)


def _settle_follow_ups(*, contact: Contact, on: date) -> None:
    # Rule N5: writing to someone after they accepted is the warm reply.
    contact.invitations.filter(
        direction=Invitation.Direction.OUTGOING,
        status=Invitation.Status.ACCEPTED,
        replied_on__isnull=True,
    ).update(replied_on=on)


def set_core(
    *, contact: Contact, core: bool = True, every: int | None = None, on: date | None = None
) -> None:
    """Rule N8: core contacts hear from you every two to three months (default 75 days)."""
    if every is not None and not MIN_CADENCE_DAYS <= every <= MAX_CADENCE_DAYS:
        raise InvalidInput(
            f"--every must be between {MIN_CADENCE_DAYS} and {MAX_CADENCE_DAYS} days; "
            "every two to three months suits most core contacts."
        )
    if core and not contact.is_core:
        contact.core_since = on or timezone.localdate()
    contact.is_core = core
    if every is not None:
        contact.cadence_days = every
    contact.save(update_fields=["is_core", "cadence_days", "core_since", "updated_at"])


@transaction.atomic
def record_update(
    *,
    contact: Contact,
    kind: str,
    summary: str,
    url: str = "",
    on: date | None = None,
) -> Update:
    """An update the person saw elsewhere (a post, a comment, a shared link): rule N1."""
    if kind not in Update.Kind.values():
        raise InvalidInput(f"kind must be one of {', '.join(Update.Kind.values())}.")
    summary = summary.strip()
    if not summary:
        raise InvalidInput("Say in a few words what they posted or changed.")
    url = url.strip()
    if url and not url.lower().startswith(("https://", "http://")):
        # The link is shown as a link: only web addresses, never javascript: or data:.
        raise InvalidInput("The link must be a web address starting with https:// or http://.")
    return Update.objects.create(
        owner_id=contact.owner_id,
        contact=contact,
        kind=kind,
        summary=summary[:500],
        url=url[:500],
        detected_on=on or timezone.localdate(),
        source="manual",
    )


@transaction.atomic
def edit_contact_notes(*, contact: Contact, notes: str, tags: list[str]) -> None:
    contact.notes = notes.strip()
    contact.save(update_fields=["notes", "updated_at"])
    names = sorted({t.strip()[:100] for t in tags if t.strip()})
    tag_rows = [Tag.objects.get_or_create(owner_id=contact.owner_id, name=n)[0] for n in names]
    contact.tags.set(tag_rows)


# --- Today's items, one at a time (`hedgerow done|snooze`, the API's item routes) ---------------
# Today itself answers a person, every reason at once: see agenda_actions.py.

# What Today can list: an update (N1), an accepted invitation awaiting a warm reply (N5), a core
# contact who is due (N8). Each kind settles in its own way, so callers need not know how.
AgendaTarget = Update | Invitation | Contact


def contact_for_item(target: AgendaTarget) -> Contact:
    if isinstance(target, Contact):
        return target
    if target.contact is None:
        raise Conflict("This invitation is not linked to a contact yet.")
    return target.contact


@transaction.atomic
def settle_item(*, target: AgendaTarget) -> Logged | None:
    """Mark an agenda item done. For a due core contact "done" means "I got in touch" (N8):
    the interaction is what settles them, so there is nothing else to mark."""
    if isinstance(target, Contact):
        return log_interaction(contact=target, kind=Interaction.Kind.MESSAGE)
    target.settle(on=timezone.localdate())
    return None


def snooze_item(*, target: AgendaTarget, days: int) -> date:
    """Set a Today item aside for `days` (1 to 365); it comes back on the day returned."""
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise InvalidInput(f"Snooze for between 1 and {MAX_SNOOZE_DAYS} days.")
    until = timezone.localdate() + timedelta(days=days)
    target.snooze(until=until)
    return until


def outreach_warnings(*, owner, contact_ids: list[int], on: date) -> dict[int, str]:
    """Rule N6 for many contacts at once (Today): two queries, however many people."""
    since = start_of_day(on - timedelta(days=QUIET_DAYS))
    recent = (
        Interaction.objects.filter(
            owner_id=owner.pk, contact_id__in=contact_ids, occurred_at__gte=since
        )
        # At the same moment, an answer counts after the note (as in outreach_warning).
        .order_by("occurred_at", "-direction")
        .values_list("contact_id", "direction", "kind", "occurred_at")
    )
    waiting: dict[int, datetime] = {}  # contact → their last unanswered note
    for contact_id, direction, kind, at in recent:
        if direction == Interaction.Direction.OUTGOING and kind in OUTREACH_KINDS:
            waiting[contact_id] = at
        elif direction == Interaction.Direction.INCOMING:
            waiting.pop(contact_id, None)
    names = dict(contacts_of(owner).filter(pk__in=waiting).values_list("pk", "name"))
    return {
        pk: _quiet_warning(names[pk], (on - timezone.localdate(at)).days)
        for pk, at in waiting.items()
        if pk in names
    }


# --- Imports from the web page -------------------------------------------------------------------

# source → (module, function). Imported only when used: each importer is its own module.
IMPORTERS = {
    "linkedin": ("hedgerow.network.importers.linkedin", "import_linkedin"),
    "vcard": ("hedgerow.network.importers.vcard", "import_vcard"),
    "google-csv": ("hedgerow.network.importers.google_csv", "import_google_csv"),
    "mbox": ("hedgerow.network.importers.mbox", "import_mbox"),
    "ics": ("hedgerow.network.importers.ics", "import_ics"),
}


def importer_for(source: str) -> Callable[..., ImportSummary]:
    """The source's importer, taking turns on SQLite (importers/turns.py): a failed import's
    turns are rolled back here, so it leaves nothing behind."""
    from hedgerow.network.importers import turns

    module_name, function_name = IMPORTERS[source]
    importer = getattr(importlib.import_module(module_name), function_name)

    @functools.wraps(importer)
    def run(*, progress: Progress | None = None, **options: Any) -> ImportSummary:
        try:
            return importer(progress=turns.taking_turns(progress), **options)
        except BaseException:
            turns.after_failure()
            raise

    return run


def save_upload(*, owner, file_name: str, chunks: Iterable[bytes], keep_message_text: bool) -> Path:
    """Keep an uploaded file under its own name in a private folder until its import has run
    (see background.py); remember whether the owner wants message text kept."""
    from hedgerow.accounts.services import profile_of

    profile = profile_of(owner)
    if profile.store_message_bodies != keep_message_text:
        profile.store_message_bodies = keep_message_text
        profile.save(update_fields=["store_message_bodies"])
    uploads = Path(settings.MEDIA_ROOT) / "imports"
    uploads.mkdir(parents=True, exist_ok=True, mode=0o700)
    forget_abandoned_uploads()
    folder = tempfile.mkdtemp(dir=uploads)
    path = Path(folder) / (Path(file_name).name or "upload")
    # Owner-only (0600): an upload is someone's network or mail.
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    return path


def import_saved_file(
    *, owner, source: str, path: Path, progress: Progress | None = None
) -> ImportSummary:
    """Run the importer on an uploaded file, then remove the copy (the database keeps what
    matters). An import that needs the owner's yes (see import_linkedin) keeps its file and
    comes back as a preview run."""
    if source not in IMPORTERS:
        raise InvalidInput(f"source must be one of {', '.join(IMPORTERS)}.")
    folder = str(path.parent)
    keep = False
    try:
        try:
            return importer_for(source)(owner=owner, path=path, progress=progress)
        except UnusableInput as error:
            # Name the file as the person knows it, not by our temporary folder.
            message = str(error).replace(str(path), path.name).replace(folder, path.name)
            raise UnusableInput(message) from None
        except NeedsConfirmation as asked:
            keep = True
            return _preview_run(owner=owner, source=source, path=path, asked=asked)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


# A preview nobody confirmed or cancelled is forgotten, with its uploaded file, after this long.
PREVIEW_KEPT = timedelta(days=7)


def forget_abandoned_uploads() -> int:
    """Remove previews older than PREVIEW_KEPT with their files, and upload folders an import
    left behind when its process died; run at the start of every upload. Returns how many.

    Housekeeping of files on this server, so it looks at every owner's previews: none of them
    ever wrote anything to a network (issue 9), and an archive waiting a week is forgotten.
    """
    cutoff = timezone.now() - PREVIEW_KEPT
    waiting = ImportRun.objects.filter(status=ImportRun.Status.PREVIEW)
    stale = list(waiting.filter(started_at__lt=cutoff))
    for run in stale:
        if run.pending_file:
            shutil.rmtree(Path(run.pending_file).parent, ignore_errors=True)
    ImportRun.objects.filter(pk__in=[run.pk for run in stale]).delete()
    uploads = Path(settings.MEDIA_ROOT) / "imports"
    kept = {
        Path(f).parent
        for f in waiting.exclude(pending_file="").values_list("pending_file", flat=True)
    }
    # Uploads still waiting for a worker (background.py) are not left behind either.
    unfinished = ImportJob.objects.filter(
        status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
    )
    kept |= {Path(f).parent for f in unfinished.values_list("path", flat=True)}
    left = 0
    for folder in uploads.iterdir() if uploads.is_dir() else []:
        modified = datetime.fromtimestamp(folder.stat().st_mtime, tz=UTC)
        if folder.is_dir() and folder not in kept and modified < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            left += 1
    return len(stale) + left


def _preview_run(*, owner, source: str, path: Path, asked: NeedsConfirmation) -> ImportSummary:
    summary = asked.summary
    run = ImportRun.objects.create(
        owner=owner,
        source=source,
        file_name=path.name,
        digest="",
        status=ImportRun.Status.PREVIEW,
        started_at=timezone.now(),
        counts=dict(summary.counts),
        notes=list(summary.notes),
        problems=[asdict(p) for p in summary.problems],
        reasons=asked.reasons,
        pending_file=str(path),
    )
    summary.run_id = run.pk
    return summary


def confirm_import(*, run: ImportRun, progress: Progress | None = None) -> ImportSummary:
    """Apply a previewed import as it is, now that its owner said yes."""
    if run.status != ImportRun.Status.PREVIEW:
        raise Conflict(f"Import #{run.pk} is not waiting for a confirmation.")
    path = Path(run.pending_file)
    if not path.is_file():
        cancel_import(run=run)
        raise InvalidInput("The uploaded file is gone; please upload it again.")
    summary = importer_for(run.source)(owner=run.owner, path=path, progress=progress, confirm=True)
    cancel_import(run=run)
    return summary


def cancel_import(*, run: ImportRun) -> None:
    """Forget a previewed import and its uploaded file; nothing of it was ever written."""
    if run.status != ImportRun.Status.PREVIEW:
        raise Conflict(f"Import #{run.pk} is not waiting for a confirmation.")
    if run.pending_file:
        shutil.rmtree(Path(run.pending_file).parent, ignore_errors=True)
    run.delete()


def latest_undoable_run(owner) -> ImportRun:
    run = (
        ImportRun.objects.filter(owner_id=owner.pk, status=ImportRun.Status.DONE)
        .order_by("-started_at", "-pk")
        .first()
    )
    if run is None:
        raise Conflict("There is no import to undo.")
    return run


def undo_import(*, run: ImportRun) -> journal.Undone:
    """Restore the network to what it was before the run (see journal.py)."""
    return journal.undo_run(run=run)


def filter_contacts(
    owner,
    *,
    q: str = "",
    company: str = "",
    tag: Tag | None = None,
    connected: bool | None = None,
    core: bool = False,
) -> QuerySet[Contact]:
    """The contacts list's search: every word (at most search.MAX_TERMS of them) must match a
    name, company or email."""
    found = search.matching_every_word(contacts_of(owner), owner, search.terms_of(q), company=True)
    if company.strip():
        found = found.filter(company__icontains=company.strip())
    if tag is not None:
        found = found.filter(tags=tag)
    if connected is not None:
        found = found.filter(connected=connected)
    if core:
        found = found.filter(is_core=True)
    return found
