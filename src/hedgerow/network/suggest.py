"""People you may know (rule N10): the ones you actually spoke or worked with, ranked by evidence,
each with the reason in one line.

A candidate is a contact from the owner's own history (mail, calendar, LinkedIn messages) who is
not a LinkedIn connection, has not been invited and was not dismissed. The score weighs what makes
a relationship real: exchanges in both directions most, then meetings, how recent, how long it
lasted, small threads, and an employer shared with the owner (their Positions.csv periods
against the person's company or mail domain). The same `score` ranks people in the product and
in `bench/suggest.py`, which measures it on a real mail network against simpler rankings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.accounts.models import Position
from hedgerow.lib.addresses import organisation_of
from hedgerow.lib.dates import month_text
from hedgerow.network.access import contacts_of
from hedgerow.network.identity import normalize_name
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ContactEvidence,
    ImportRun,
    Interaction,
    Invitation,
    MailAddress,
    Suggestion,
)
from hedgerow.network.services import InvalidInput

# ContactEvidence's triggers (migration 0007) count with the same two: change them together.
OUTREACH = (Interaction.Kind.EMAIL, Interaction.Kind.MESSAGE, Interaction.Kind.CALL)
SMALL_GROUP = 4  # the owner and at most three others
DEFAULT_SNOOZE_DAYS = 30


# --- the score ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    sent: int
    received: int
    meetings: int
    small: int  # messages and meetings in a small group (or one to one)
    emails: int  # of sent + received, how many were emails (the rest: LinkedIn messages, calls)
    first: datetime
    last: datetime


@dataclass(frozen=True)
class Weights:
    """Tuned on the email-Eu network's first cut only (see bench/suggest.py); never on the cuts
    the benchmark reports."""

    both: float = 2.0  # min(sent, received): back and forth is what a relationship is made of
    sent: float = 0.4  # you wrote to them
    received: float = 0.0  # their mail alone adds nothing on email-Eu beyond "both"
    meetings: float = 1.5  # not in email-Eu: set by hand, a meeting weighs like an exchange
    small: float = 0.1  # one to one or a small group: costs 1% MRR, adds 2% precision@10
    span: float = 0.3  # how long it lasted
    half_life_days: float = 240.0  # recency: evidence halves in weight every 240 days
    floor: float = 0.1
    employer: float = 0.5


WEIGHTS = Weights()


def score(
    *,
    sent: int,
    received: int,
    meetings: int,
    small: int,
    span_days: float,
    days_since: float,
    shared_employer: bool = False,
    weights: Weights = WEIGHTS,
) -> float:
    """How strongly the history says two people really know each other, and still might."""
    w = weights
    strength = (
        w.both * math.log1p(min(sent, received))
        + w.sent * math.log1p(sent)
        + w.received * math.log1p(received)
        + w.meetings * math.log1p(meetings)
        + w.small * math.log1p(small)
        + w.span * math.log1p(max(span_days, 0.0) / 30.0)
    )
    recency = w.floor + (1 - w.floor) * 0.5 ** (max(days_since, 0.0) / w.half_life_days)
    return strength * recency * (1 + w.employer if shared_employer else 1.0)


# --- what the history says ---------------------------------------------------------------------


def end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def candidates(owner, as_of: date):
    """Contacts who may be suggested: not connected, not invited, not dismissed, not set aside."""
    invited = Invitation.objects.filter(
        owner_id=owner.pk, contact=OuterRef("pk"), direction=Invitation.Direction.OUTGOING
    )
    declined = Suggestion.objects.filter(owner_id=owner.pk, contact=OuterRef("pk")).filter(
        Q(dismissed_on__isnull=False) | Q(snoozed_until__gt=as_of)
    )
    return (
        contacts_of(owner)
        .filter(connected=False)
        .exclude(Exists(invited))
        .exclude(Exists(declined))
    )


def evidence_of(
    owner, as_of: date, contact_ids: Iterable[int] | None = None
) -> dict[int, Evidence]:
    """Per contact, what the interactions up to the end of `as_of` say.

    When nothing happened after `as_of` (today, as a rule), the summary the database keeps per
    contact (ContactEvidence) says it; else one grouped query reads the interactions."""
    kept = ContactEvidence.objects.filter(owner_id=owner.pk)
    newest = kept.aggregate(newest=Max("last"))["newest"]
    if newest is None or newest < end_of(as_of):
        if contact_ids is not None:
            kept = kept.filter(contact_id__in=list(contact_ids))
        fields = ("contact_id", "sent", "received", "meetings", "small", "emails", "first", "last")
        return {row[0]: Evidence(*row[1:]) for row in kept.values_list(*fields)}
    return evidence_counted(owner, as_of, contact_ids)


def evidence_counted(
    owner, as_of: date, contact_ids: Iterable[int] | None = None
) -> dict[int, Evidence]:
    """evidence_of, from the interactions themselves: one grouped query."""
    rows = Interaction.objects.filter(owner_id=owner.pk, occurred_at__lt=end_of(as_of)).exclude(
        kind=Interaction.Kind.NOTE
    )
    if contact_ids is not None:
        rows = rows.filter(contact_id__in=list(contact_ids))
    outreach = Q(kind__in=OUTREACH)
    grouped = (
        rows.order_by()
        .values("contact_id")
        .annotate(
            sent=Count("id", filter=outreach & Q(direction=Interaction.Direction.OUTGOING)),
            received=Count("id", filter=outreach & Q(direction=Interaction.Direction.INCOMING)),
            meetings=Count("id", filter=Q(kind=Interaction.Kind.MEETING)),
            small=Count("id", filter=Q(participants__lte=SMALL_GROUP)),
            emails=Count("id", filter=Q(kind=Interaction.Kind.EMAIL)),
            first=Min("occurred_at"),
            last=Max("occurred_at"),
        )
        .values_list(
            "contact_id", "sent", "received", "meetings", "small", "emails", "first", "last"
        )
    )
    return {row[0]: Evidence(*row[1:]) for row in grouped}


@dataclass(frozen=True)
class Employer:
    company: str
    started_on: date | None
    finished_on: date | None


def owner_employers(owner) -> list[Employer]:
    positions = Position.objects.filter(owner_id=owner.pk).order_by("started_on")
    return [Employer(p.company, p.started_on, p.finished_on) for p in positions]


def _company_key(text: str) -> str:
    words = normalize_name(text).split()
    filler = {"inc", "ltd", "llc", "gmbh", "corp", "corporation", "group", "plc", "the", "co"}
    return "".join(w for w in words if w not in filler)


def shared_employer(
    employers: list[Employer], companies: set[str], first: datetime, last: datetime
) -> Employer | None:
    """An employer of the owner's that the person is at too (by company or mail domain), whose
    period overlaps the time they were in touch."""
    for employer in employers:
        key = _company_key(employer.company)
        if not key or not any(
            c == key or (len(c) >= 4 and (key.startswith(c) or c.startswith(key)))
            for c in companies
        ):
            continue
        start = employer.started_on or date.min
        end = employer.finished_on or date.max
        if start <= timezone.localdate(last) and timezone.localdate(first) <= end:
            return employer
    return None


# --- the list ----------------------------------------------------------------------------------


class EvidenceJson(TypedDict):
    sent: int
    received: int
    meetings: int
    first_on: str
    last_on: str


class SuggestionJson(TypedDict):
    id: int  # the contact's id: what dismiss, snooze and the composer take
    name: str
    emails: list[str]
    score: float
    explanation: str
    evidence: EvidenceJson


@dataclass(frozen=True)
class Suggested:
    contact: Contact
    emails: list[str]
    score: float
    evidence: Evidence
    employer: Employer | None
    explanation: str

    def as_json(self) -> SuggestionJson:
        e = self.evidence
        return {
            "id": self.contact.pk,
            "name": self.contact.name,
            "emails": self.emails,
            "score": round(self.score, 3),
            "explanation": self.explanation,
            "evidence": {
                "sent": e.sent,
                "received": e.received,
                "meetings": e.meetings,
                "first_on": timezone.localdate(e.first).isoformat(),
                "last_on": timezone.localdate(e.last).isoformat(),
            },
        }


def suggestions(
    owner, *, as_of: date | None = None, limit: int | None = 50, only: Iterable[int] | None = None
) -> list[Suggested]:
    """The people the owner may know, best first. `as_of` ignores everything after that day."""
    as_of = as_of or timezone.localdate()
    eligible = candidates(owner, as_of)
    if only is not None:
        eligible = eligible.filter(pk__in=list(only))
    ids = set(eligible.values_list("pk", flat=True))
    found = evidence_of(owner, as_of, None if only is None else ids)
    # A real relationship: the owner wrote to them or met them at least once.
    found = {k: e for k, e in found.items() if k in ids and (e.sent or e.meetings)}
    if not found:
        return []
    employers = owner_employers(owner)
    companies = _companies(owner, found) if employers else {}
    scored = []
    for contact_id, e in found.items():
        employer = (
            shared_employer(employers, companies.get(contact_id, set()), e.first, e.last)
            if employers
            else None
        )
        value = score(
            sent=e.sent,
            received=e.received,
            meetings=e.meetings,
            small=e.small,
            span_days=(e.last - e.first).total_seconds() / 86400,
            days_since=(end_of(as_of) - e.last).total_seconds() / 86400,
            shared_employer=employer is not None,
        )
        scored.append((value, contact_id, employer))
    scored.sort(key=lambda t: (-t[0], t[1]))
    top = scored[:limit] if limit is not None else scored
    return _dress(owner, top, found, as_of)


def _companies(owner, found: dict[int, Evidence]) -> dict[int, set[str]]:
    """Per candidate, the companies they are at: their contact's company and mail domains."""
    companies: dict[int, set[str]] = {}
    rows = contacts_of(owner).filter(pk__in=list(found)).exclude(company="")
    for pk, company in rows.values_list("pk", "company"):
        companies.setdefault(pk, set()).add(_company_key(company))
    addresses = MailAddress.objects.filter(owner_id=owner.pk, contact_id__in=list(found))
    for contact_id, address in addresses.values_list("contact_id", "address"):
        if organisation := organisation_of(address):
            companies.setdefault(contact_id, set()).add(organisation)
    return companies


def _dress(
    owner,
    top: list[tuple[float, int, Employer | None]],
    found: dict[int, Evidence],
    as_of: date,
) -> list[Suggested]:
    ids = [contact_id for _score, contact_id, _employer in top]
    contacts = contacts_of(owner).in_bulk(ids)
    emails: dict[int, list[str]] = {}
    rows = ContactEmail.objects.filter(owner_id=owner.pk, contact_id__in=ids).order_by("id")
    for contact_id, email in rows.values_list("contact_id", "email"):
        emails.setdefault(contact_id, []).append(email)
    return [
        Suggested(
            contact=contacts[contact_id],
            emails=emails.get(contact_id, []),
            score=value,
            evidence=found[contact_id],
            employer=employer,
            explanation=explain(found[contact_id], employer, as_of),
        )
        for value, contact_id, employer in top
    ]


# --- the reason, in a line a person believes ----------------------------------------------------


def _years(first: date, last: date) -> str:
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"  # noqa: RUF001 - an en dash, as years are written


def explain(e: Evidence, employer: Employer | None, as_of: date) -> str:
    """ "31 emails both ways 2021–2024, 4 meetings, last in March" """  # noqa: RUF002
    first, last = timezone.localdate(e.first), timezone.localdate(e.last)
    parts = []
    written = e.sent + e.received
    if written:
        word = "emails" if e.emails >= written else "messages"
        if written == 1:
            word = word[:-1]
        if e.sent and e.received:
            parts.append(f"{written} {word} both ways {_years(first, last)}")
        elif e.sent:
            parts.append(f"{written} {word} from you {_years(first, last)}")
        else:
            parts.append(f"{written} {word} from them {_years(first, last)}")
    if e.meetings:
        meetings = "1 meeting" if e.meetings == 1 else f"{e.meetings} meetings"
        parts.append(meetings if written else f"{meetings} {_years(first, last)}")
    if employer is not None:
        parts.append(f"both at {employer.company}")
    when = f"{last:%B}" if last.year == as_of.year else month_text(last)  # "Nov 2026"
    parts.append(f"last in {when}")
    return ", ".join(parts)


# --- a shared experience for the invitation (rule N4) -------------------------------------------

_REPLY_PREFIX = re.compile(
    r"^\s*((re|fwd?|aw|wg|sv|vs|antw|tr|rif|réf|enc)(\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+",
    re.IGNORECASE,
)


def bare_subject(subject: str) -> str:
    return " ".join(_REPLY_PREFIX.sub("", subject or "").split()).strip(" -–:")  # noqa: RUF001


@dataclass(frozen=True)
class SharedHistory:
    phrase: str  # "our emails about the Q3 launch in 2023": fits "I still think of …"
    sentence: str  # "we emailed about the Q3 launch in 2023": for the page
    subject: str  # what the coach's "specific" check looks for


def shared_history(contact: Contact) -> SharedHistory | None:
    """The thread with this person that says most about what you did together."""
    rows = (
        contact.interactions.filter(
            kind__in=(Interaction.Kind.EMAIL, Interaction.Kind.MEETING, Interaction.Kind.MESSAGE)
        )
        .exclude(subject="")
        .values_list("subject", "kind", "occurred_at")
    )
    threads: dict[str, list[tuple[str, datetime]]] = {}
    for subject, kind, at in rows.iterator():
        bare = bare_subject(subject)
        if 3 <= len(bare) <= 60:
            threads.setdefault(bare.casefold(), []).append((kind, at))
    if not threads:
        return None
    key = max(threads, key=lambda k: (len(threads[k]), max(at for _k, at in threads[k])))
    subject = next(bare_subject(s) for s, _k, _a in rows if bare_subject(s).casefold() == key)
    kinds = {kind for kind, _at in threads[key]}
    days = [timezone.localdate(at) for _kind, at in threads[key]]
    years = _years(min(days), max(days))
    if kinds == {Interaction.Kind.MEETING}:
        return SharedHistory(
            f"our meetings about {subject} in {years}",
            f"we met about {subject} in {years}",
            subject,
        )
    if Interaction.Kind.MEETING in kinds:
        return SharedHistory(
            f"working together on {subject} in {years}",
            f"we worked together on {subject} in {years}",
            subject,
        )
    return SharedHistory(
        f"our emails about {subject} in {years}", f"we emailed about {subject} in {years}", subject
    )


# --- what the owner says about a suggestion ------------------------------------------------------


@transaction.atomic
def dismiss_suggestion(*, contact: Contact, on: date | None = None) -> None:
    """Not someone to invite: they stay a contact, and are never suggested again."""
    Suggestion.objects.update_or_create(
        owner_id=contact.owner_id,
        contact=contact,
        defaults={"dismissed_on": on or timezone.localdate(), "snoozed_until": None},
    )


@transaction.atomic
def snooze_suggestion(*, contact: Contact, days: int = DEFAULT_SNOOZE_DAYS) -> date:
    if not 1 <= days <= 365:
        raise InvalidInput("days must be between 1 and 365.")
    until = timezone.localdate() + timedelta(days=days)
    Suggestion.objects.update_or_create(
        owner_id=contact.owner_id, contact=contact, defaults={"snoozed_until": until}
    )
    return until


@transaction.atomic
def restore_suggestion(*, contact: Contact) -> None:
    Suggestion.objects.filter(owner_id=contact.owner_id, contact=contact).update(
        dismissed_on=None, snoozed_until=None
    )


# --- one a week on Today ----------------------------------------------------------------------


def weekly_suggestion(owner, as_of: date | None = None) -> SuggestionJson | None:
    """Rule N10 is an opening, not a backlog: one person a week, the same all week. Once the
    owner has acted on the week's person (invited, dismissed, set aside), none until Monday.

    The week's person and their reason are worked out once and kept on their `Suggestion` row:
    Today is visited many times a day, and rebuilding the reason took six queries (a quarter of
    the page at 30,000 contacts). The kept reason is used while it still holds (see `_kept`).
    """
    today = timezone.localdate()
    as_of = as_of or today
    monday = as_of - timedelta(days=as_of.weekday())
    offered = _offered(owner, monday)
    if offered is not None:
        if not _still_open(offered, as_of):
            return None  # acted on, invited or connected since: none until Monday
        if as_of == today and (kept := _kept(offered)) is not None:
            return kept
        worked_out_at = timezone.now()  # before reading, so nothing written meanwhile is missed
        found = suggestions(owner, as_of=as_of, limit=1, only=[offered.contact_id])
        if not found:
            return None
        reason = found[0].as_json()
        if as_of == today:
            Suggestion.objects.filter(pk=offered.pk).update(reason=reason, reason_at=worked_out_at)
        return reason
    worked_out_at = timezone.now()
    found = suggestions(owner, as_of=as_of, limit=1)
    if not found:
        return None
    reason = found[0].as_json()
    if as_of == today:  # remember the week's person; a look at another day changes nothing
        Suggestion.objects.update_or_create(
            owner_id=owner.pk,
            contact=found[0].contact,
            defaults={"offered_week": monday, "reason": reason, "reason_at": worked_out_at},
        )
    return reason


def _offered(owner, monday: date) -> Suggestion | None:
    """The week's row, its contact, and what says whether its kept reason holds: one query."""
    invited = Invitation.objects.filter(
        owner_id=owner.pk, contact=OuterRef("contact_id"), direction=Invitation.Direction.OUTGOING
    )
    # Anything written about them since (a note logged, mail imported), or any import started
    # or undone since (a company, a position or their mail may have changed), changes the reason.
    written = Interaction.objects.filter(
        contact=OuterRef("contact_id"), created_at__gt=OuterRef("reason_at")
    )
    imported = ImportRun.objects.filter(owner_id=owner.pk).filter(
        Q(started_at__gt=OuterRef("reason_at")) | Q(undone_at__gt=OuterRef("reason_at"))
    )
    return (
        Suggestion.objects.filter(owner_id=owner.pk, offered_week=monday)
        .select_related("contact")
        .annotate(invited=Exists(invited), written=Exists(written), imported=Exists(imported))
        .first()
    )


def _still_open(offered: Suggestion, as_of: date) -> bool:
    """Still a candidate (as `candidates` says): not connected, invited, dismissed or set aside."""
    if offered.contact.connected or offered.invited or offered.dismissed_on is not None:  # type: ignore[attr-defined]
        return False
    return offered.snoozed_until is None or offered.snoozed_until <= as_of


def _kept(offered: Suggestion) -> SuggestionJson | None:
    """The reason worked out earlier today, if nothing it rests on has changed since. Only today's:
    "last in March" reads differently once the year turns, and a day is cheap to redo."""
    if offered.reason is None or offered.reason_at is None:
        return None
    if timezone.localdate(offered.reason_at) != timezone.localdate():
        return None
    if offered.written or offered.imported:  # type: ignore[attr-defined]
        return None
    reason: SuggestionJson = offered.reason
    return {**reason, "name": offered.contact.name}
