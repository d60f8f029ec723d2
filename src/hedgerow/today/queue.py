"""Today's queue: a few people to write to, chosen by the method's priorities, each person once
with every reason they are there (rule N6: a few thoughtful notes, not a backlog to clear).

The order, person by person, is their most pressing reason:
  1. a warm reply is due after an acceptance (N5), newest acceptances first;
  2. an update from someone you chose to stay close to, a core contact (N1, N8);
  3. a core contact who is due, most overdue first (N8);
  4. any other update, newest first (N1);
and the week's one suggestion of someone you may know (N10) keeps the last place.
The queue holds the daily number from Settings (7 by default) less the people already answered
today, so it can be finished; everyone else is counted, and listed on "Show all".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.accounts.services import profile_of
from hedgerow.lib.dates import day_text
from hedgerow.network.access import contacts_of, interactions_of
from hedgerow.network.agenda import (
    ContactRef,
    contact_ref,
    core_contacts_due,
    follow_ups_due,
    open_updates,
)
from hedgerow.network.agenda_actions import answered_on
from hedgerow.network.models import Interaction, Update
from hedgerow.network.services import OUTREACH_KINDS
from hedgerow.network.suggest import SuggestionJson
from hedgerow.vocabulary import OCCASION_FOR_AGENDA, AgendaKind, Answer, Occasion, UpdateKind

FOLLOW_UP, CORE_UPDATE, DUE, UPDATE, SUGGESTED = range(5)  # the method's order, most pressing first
SUGGESTION = "suggestion"  # a queue reason of its own: not an agenda item (rule N10)


class QueueReason(TypedDict):
    kind: str  # update | follow-up | due (vocabulary.AgendaKind), or suggestion
    summary: str
    item_id: int  # the update or invitation; for a due core contact or a suggestion, the contact


class QueueAction(TypedDict):
    name: str  # write | wrote | not-now | skip
    label: str
    method: str
    path: str  # under /api/v1/


class QueueEntry(TypedDict):
    contact: ContactRef
    reasons: list[QueueReason]
    actions: list[QueueAction]


@dataclass(frozen=True)
class Reason:
    kind: str
    summary: str
    item_id: int
    rank: tuple[int, int, int]
    url: str = ""  # an update's link, to see what they posted


@dataclass
class Person:
    """Someone on Today, with every reason they are there, most pressing first."""

    contact: ContactRef
    reasons: list[Reason] = field(default_factory=list)

    @property
    def first(self) -> Reason:
        return self.reasons[0]

    @property
    def occasion(self) -> str:
        if self.first.kind == SUGGESTION:
            return Occasion.INVITATION  # someone you may know: a personal invitation (N4)
        return OCCASION_FOR_AGENDA[self.first.kind]

    @property
    def write_url(self) -> str:
        """The composer, opened on the most pressing reason."""
        if self.first.kind == SUGGESTION:
            return reverse("coach:contact", args=[self.contact["id"], Occasion.INVITATION])
        return reverse("coach:item", args=[self.first.kind, self.first.item_id])

    def as_json(self) -> QueueEntry:
        return {
            "contact": self.contact,
            "reasons": [
                {"kind": r.kind, "summary": r.summary, "item_id": r.item_id} for r in self.reasons
            ],
            "actions": actions_for(self),
        }


@dataclass(frozen=True)
class Queue:
    people: list[Person]  # today's queue (or the page of "Show all" asked for)
    waiting: int  # everyone Today could list now, the queue's people included
    answered_today: int
    daily: int  # the daily number from Settings

    @property
    def more(self) -> int:
        """People beyond the queue, behind "Show all"."""
        return max(0, self.waiting - len(self.people))


def build_queue(
    owner, as_of: date, *, suggestion: SuggestionJson | None, everyone: bool = False
) -> Queue:
    """Today's queue; with `everyone`, every person Today could list, in the same order.
    `suggestion` is the week's person you may know (suggest.weekly_suggestion), if any."""
    daily = profile_of(owner).daily_queue
    answered = answered_on(owner, as_of)
    follow_ups = follow_ups_due(owner, as_of)
    due = core_contacts_due(owner, as_of)
    ranks = _ranks(owner, as_of, follow_ups, due)
    if suggestion is not None:
        ranks.setdefault(suggestion["id"], (SUGGESTED, 0, suggestion["id"]))
    # Someone answered today is done for today, whatever else turns up about them.
    order = sorted((c for c in ranks if c not in answered), key=ranks.__getitem__)
    room = max(0, daily - len(answered))
    chosen = order if everyone else _first(order, room, suggestion)
    people = {contact_id: None for contact_id in chosen}
    found: dict[int, Person] = {}

    def add(contact: ContactRef, reason: Reason) -> None:
        if contact["id"] in people:
            found.setdefault(contact["id"], Person(contact)).reasons.append(reason)

    for item in follow_ups:
        add(item["contact"], _follow_up_reason(item["id"], item["accepted_on"]))
    for update in open_updates(owner, as_of).filter(contact_id__in=list(people)):
        add(contact_ref(update.contact), _update_reason(update))
    for due_item in due:
        add(due_item["contact"], _due_reason(due_item["contact"]["id"], due_item))
    if suggestion is not None and suggestion["id"] in people:
        contact = contacts_of(owner).get(pk=suggestion["id"])
        add(contact_ref(contact), _suggestion_reason(suggestion))
    for person in found.values():
        person.reasons.sort(key=lambda reason: reason.rank)
    return Queue(
        people=[found[contact_id] for contact_id in chosen if contact_id in found],
        waiting=len(order),
        answered_today=len(answered),
        daily=daily,
    )


def _first(order: list[int], room: int, suggestion: SuggestionJson | None) -> list[int]:
    """The first `room` people; the week's suggestion keeps the last place (rule N10: one
    opening a week, never crowded out by the rest)."""
    if suggestion is None or room == 0 or suggestion["id"] not in order[room:]:
        return order[:room]
    others = [contact_id for contact_id in order if contact_id != suggestion["id"]]
    return [*others[: room - 1], suggestion["id"]]


def _ranks(owner, as_of: date, follow_ups, due) -> dict[int, tuple[int, int, int]]:
    """Each person's most pressing reason, as a sort key: (tier, then newest or most overdue)."""
    ranks: dict[int, tuple[int, int, int]] = {}

    def offer(contact_id: int, rank: tuple[int, int, int]) -> None:
        ranks[contact_id] = min(ranks.get(contact_id, rank), rank)

    for item in follow_ups:
        offer(item["contact"]["id"], (FOLLOW_UP, -item["accepted_on"].toordinal(), -item["id"]))
    people_with_updates = (
        open_updates(owner, as_of)
        .order_by()
        .values_list("contact_id", "contact__is_core")
        .annotate(newest=Max("detected_on"), last=Max("id"))
    )
    for contact_id, is_core, newest, last in people_with_updates:
        offer(contact_id, (CORE_UPDATE if is_core else UPDATE, -newest.toordinal(), -last))
    for item in due:
        offer(item["contact"]["id"], (DUE, -item["days_overdue"], item["contact"]["id"]))
    return ranks


# --- reasons, in words ---------------------------------------------------------------------------


def _follow_up_reason(invitation_id: int, accepted_on: date) -> Reason:
    return Reason(
        kind=AgendaKind.FOLLOW_UP,
        summary=f"Accepted your invitation on {day_text(accepted_on)}: a warm reply is due.",
        item_id=invitation_id,
        rank=(FOLLOW_UP, -accepted_on.toordinal(), -invitation_id),
    )


def _update_reason(update: Update) -> Reason:
    summary = update.summary.rstrip(".")
    if update.kind != UpdateKind.POST:  # a post's summary says what it was already
        summary = f"{UpdateKind.label_of(update.kind)}: {summary}"
    tier = CORE_UPDATE if update.contact.is_core else UPDATE
    return Reason(
        kind=AgendaKind.UPDATE,
        summary=f"{summary} (noticed {day_text(update.detected_on)}).",
        item_id=update.pk,
        rank=(tier, -update.detected_on.toordinal(), -update.pk),
        url=update.url,
    )


def _suggestion_reason(suggestion: SuggestionJson) -> Reason:
    explanation = suggestion["explanation"].rstrip(".")
    return Reason(
        kind=SUGGESTION,
        summary=f"Someone you may know, not yet a connection: {explanation}.",
        item_id=suggestion["id"],
        rank=(SUGGESTED, 0, suggestion["id"]),
    )


def _due_reason(contact_id: int, item) -> Reason:
    last = item["last_interaction_on"]
    since = f"Last in touch {day_text(last)}" if last else "Nothing logged since you made them core"
    return Reason(
        kind=AgendaKind.DUE,
        summary=f"{since}; you wanted to be in touch every {item['cadence_days']} days.",
        item_id=contact_id,
        rank=(DUE, -item["days_overdue"], contact_id),
    )


# --- what a script can do about each person ------------------------------------------------------


# The API's addresses for these actions, written out so `hedgerow today --json` need not load
# every API module to reverse them: that was two fifths of the command's CPU time at 30,000
# contacts. tests/today/test_api_and_cli.py holds them equal to reverse("api:…").
API_DRAFT = "/api/v1/coach/draft"
API_ANSWER = "/api/v1/today/contacts/{contact_id}/{answer}"


def actions_for(person: Person) -> list[QueueAction]:
    """Write (a first draft from the coach), then the three answers, as API calls."""
    contact_id = person.contact["id"]
    draft = urlencode({"occasion": person.occasion, "contact_id": contact_id})
    write: QueueAction = {
        "name": "write",
        "label": "Write",
        "method": "GET",
        "path": f"{API_DRAFT}?{draft}",
    }
    answers: list[QueueAction] = [
        {
            "name": answer.value,
            "label": answer.label,
            "method": "POST",
            "path": API_ANSWER.format(contact_id=contact_id, answer=answer.value),
        }
        for answer in Answer
    ]
    return [write, *answers]


@dataclass(frozen=True)
class Week:
    """What was sent this week (Monday to today): for "Done for today"."""

    notes: int
    people: list[str]

    @property
    def who(self) -> str:
        """'Priya Raman', 'Priya Raman and Tom Ito', 'Priya Raman, Tom Ito and 3 others'."""
        names = self.people
        if len(names) > 3:
            return f"{', '.join(names[:2])} and {len(names) - 2} others"
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def sent_this_week(owner, as_of: date) -> Week:
    monday = as_of - timedelta(days=as_of.weekday())
    sent = (
        interactions_of(owner)
        .filter(
            direction=Interaction.Direction.OUTGOING,
            kind__in=OUTREACH_KINDS,
            occurred_at__gte=_midnight(monday),
            occurred_at__lt=_midnight(as_of + timedelta(days=1)),
        )
        .order_by("occurred_at")
        .values_list("contact__name", flat=True)
    )
    names = list(sent)
    return Week(notes=len(names), people=list(dict.fromkeys(names)))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
