"""Answering a person on Today: "I already wrote", "Not now" and "Skip", each undoable for a while.

A person is on Today for one or more reasons (an update, an acceptance waiting for a warm reply,
a core contact who is due); one answer settles every reason at once, because they are one person
to write to, not a list of tickets. Each answer is kept as an `AgendaAction` with the values it
replaced, so an undo puts everything back exactly as it was (and removes the logged note).
The composer's "I already wrote" is `wrote` with the note's text; the contact page offers the
same menu as Today, with how you were in touch (a call, a meeting) as an optional field.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from hedgerow.lib.dates import day_text
from hedgerow.lib.errors import Conflict, InvalidInput
from hedgerow.network.agenda import last_interaction_on
from hedgerow.network.models import (
    AgendaAction,
    Contact,
    Interaction,
    Invitation,
    Suggestion,
    Update,
)
from hedgerow.network.services import log_interaction
from hedgerow.network.suggest import DEFAULT_SNOOZE_DAYS
from hedgerow.vocabulary import Answer, NotNow

# How long an answer can be taken back: the page offers Undo for a few seconds; scripts and a
# person without JavaScript get a little longer.
UNDO_MINUTES = 15
MODELS: dict[str, type[Model]] = {
    "update": Update,
    "invitation": Invitation,
    "contact": Contact,
    "suggestion": Suggestion,
}


@dataclass(frozen=True)
class Done:
    action: AgendaAction
    warning: str | None = None  # rule N6, when "I already wrote" follows an unanswered note

    @property
    def text(self) -> str:
        return describe(self.action)


def describe(action: AgendaAction) -> str:
    """What happened to whom, in one sentence ("Marked Priya Raman as written to.")."""
    name = action.contact.name
    if action.undone_at is not None:
        return f"Undone: {name} is back on Today as before."
    if action.kind == Answer.WROTE:
        return f"Marked {name} as written to."
    if action.kind == Answer.NOT_NOW and action.until is not None:
        when = "tomorrow" if action.until == action.on + timedelta(days=1) else None
        return f"Not now: {name} comes back {when or 'on ' + day_text(action.until)}."
    return f"Skipped {name} for now, without writing."


def until_date(choice: str, today: date) -> date:
    """Tomorrow, a week today, or the same day next month (the 31st becomes the month's last)."""
    if choice == NotNow.TOMORROW:
        return today + timedelta(days=1)
    if choice == NotNow.NEXT_WEEK:
        return today + timedelta(days=7)
    if choice == NotNow.NEXT_MONTH:
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
    raise InvalidInput(f"until must be one of {', '.join(NotNow.values())}, not {choice!r}.")


# --- what is open for a person -------------------------------------------------------------------


def _updates(contact: Contact) -> QuerySet[Update]:
    return contact.updates.filter(acknowledged_on__isnull=True, history=False)


def _follow_ups(contact: Contact) -> QuerySet[Invitation]:
    # The same invitations log_interaction settles when someone writes (rule N5).
    return contact.invitations.filter(
        direction=Invitation.Direction.OUTGOING,
        status=Invitation.Status.ACCEPTED,
        replied_on__isnull=True,
    )


def _showing(queryset: QuerySet, today: date) -> QuerySet:
    """The rows Today shows now: not set aside past today."""
    return queryset.filter(Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=today))


def _is_due(contact: Contact, today: date) -> bool:
    """Rule N8: a core contact whose cadence has run out, and not set aside past today."""
    if contact.due_snoozed_until is not None and contact.due_snoozed_until > today:
        return False
    due_on = contact.next_due_on(last_interaction_on(contact))
    return due_on is not None and due_on <= today


def _suggested(contact: Contact, today: date) -> Suggestion | None:
    """The week's suggestion of someone you may know (rule N10), while it is on Today."""
    monday = today - timedelta(days=today.weekday())
    offered = Suggestion.objects.filter(
        owner_id=contact.owner_id, contact=contact, offered_week=monday, dismissed_on__isnull=True
    )
    return _showing(offered, today).first()


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class _Changes:
    """Each field an answer changes, with the value it had, so an undo can put it back."""

    def __init__(self) -> None:
        self.previous: list[list[Any]] = []

    def keep(self, label: str, row: Model, field: str) -> None:
        self.previous.append([label, row.pk, field, _value(getattr(row, field))])

    def set(self, label: str, row: Model, field: str, value: Any) -> None:
        self.keep(label, row, field)
        setattr(row, field, value)
        row.save(update_fields=[field])

    def remember(self, label: str, rows: QuerySet, field: str) -> None:
        """Values something else is about to change (log_interaction settles follow-ups)."""
        self.previous += [[label, pk, field, _value(v)] for pk, v in rows.values_list("pk", field)]


# --- the three answers ---------------------------------------------------------------------------


@transaction.atomic
def wrote(
    *,
    contact: Contact,
    text: str = "",
    on: date | None = None,
    kind: str = Interaction.Kind.MESSAGE,
    source: str = "manual",
) -> Done:
    """I already wrote: log the note (text optional, on a day up to today; a message unless it
    was an email, a call or a meeting) and settle every reason the person is on Today for (N1
    update, N5 warm reply, N8 due)."""
    today = timezone.localdate()
    if on is not None and on > today:
        raise InvalidInput("on: the day you wrote can't be in the future.")
    changes = _Changes()
    changes.remember("invitation", _follow_ups(contact), "replied_on")
    changes.keep("contact", contact, "due_snoozed_until")  # any note resets the N8 clock
    logged = log_interaction(contact=contact, kind=kind, on=on, text=text, source=source)
    for update in _updates(contact):
        changes.set("update", update, "acknowledged_on", today)
    _set_suggestion_aside(contact, today, changes, today + timedelta(days=DEFAULT_SNOOZE_DAYS))
    action = _record(contact, Answer.WROTE, today, changes, interaction=logged.interaction)
    return Done(action=action, warning=logged.warning)


@transaction.atomic
def not_now(*, contact: Contact, until: str) -> Done:
    """Not now: everything the person is on Today for comes back on the day chosen."""
    today = timezone.localdate()
    day = until_date(until, today)
    changes = _Changes()
    for update in _showing(_updates(contact), today):
        changes.set("update", update, "snoozed_until", day)
    for invitation in _showing(_follow_ups(contact).filter(history=False), today):
        changes.set("invitation", invitation, "snoozed_until", day)
    if _is_due(contact, today):
        changes.set("contact", contact, "due_snoozed_until", day)
    _set_suggestion_aside(contact, today, changes, day)
    _require_something(contact, changes)
    return Done(action=_record(contact, Answer.NOT_NOW, today, changes, until=day))


@transaction.atomic
def skip(*, contact: Contact) -> Done:
    """Skip: settle every reason without writing. A due core contact is skipped for one round
    of their cadence (rule N8), and nothing is logged as a conversation that never happened."""
    today = timezone.localdate()
    changes = _Changes()
    for update in _updates(contact):
        changes.set("update", update, "acknowledged_on", today)
    for invitation in _follow_ups(contact).filter(history=False):
        changes.set("invitation", invitation, "replied_on", today)
    if _is_due(contact, today):
        next_round = today + timedelta(days=contact.cadence_days)
        changes.set("contact", contact, "due_snoozed_until", next_round)
    _set_suggestion_aside(contact, today, changes, today + timedelta(days=DEFAULT_SNOOZE_DAYS))
    _require_something(contact, changes)
    return Done(action=_record(contact, Answer.SKIP, today, changes))


def _set_suggestion_aside(contact: Contact, today: date, changes: _Changes, until: date) -> None:
    """Answered as the week's suggestion: set aside, and none other until Monday (N10)."""
    suggested = _suggested(contact, today)
    if suggested is not None:
        changes.set("suggestion", suggested, "snoozed_until", until)


def _require_something(contact: Contact, changes: _Changes) -> None:
    if not changes.previous:
        raise Conflict(f"{contact.name} has nothing waiting on Today.")


def _record(
    contact: Contact,
    kind: str,
    today: date,
    changes: _Changes,
    *,
    interaction: Interaction | None = None,
    until: date | None = None,
) -> AgendaAction:
    action = AgendaAction.objects.create(
        owner_id=contact.owner_id,
        contact=contact,
        kind=kind,
        on=today,
        interaction=interaction,
        until=until,
        previous=changes.previous,
    )
    action.contact = contact
    return action


# --- undo ----------------------------------------------------------------------------------------


def can_undo(action: AgendaAction) -> bool:
    recent = timezone.now() - action.created_at <= timedelta(minutes=UNDO_MINUTES)
    return action.undone_at is None and recent


@transaction.atomic
def undo(*, action: AgendaAction) -> Done:
    """Put back every value the answer changed, and remove the note it logged."""
    action = AgendaAction.objects.select_for_update().select_related("contact").get(pk=action.pk)
    if action.undone_at is not None:
        raise Conflict("That was undone already.")
    if not can_undo(action):
        raise Conflict(
            f"That was more than {UNDO_MINUTES} minutes ago, so it stays; "
            f"open {action.contact.name}'s page to change what you need."
        )
    for label, pk, field, value in reversed(action.previous):
        # Every field an answer changes is a date (or empty): see _Changes.
        restored = None if value is None else date.fromisoformat(value)
        rows = MODELS[label]._default_manager.filter(owner_id=action.owner_id, pk=pk)
        rows.update(**{field: restored})
    if action.interaction_id is not None:
        Interaction.objects.filter(owner_id=action.owner_id, pk=action.interaction_id).delete()
    action.undone_at = timezone.now()
    action.save(update_fields=["undone_at"])
    return Done(action=action)


def answered_on(owner, day: date) -> set[int]:
    """The people answered on `day` (and not undone): they count against the daily queue."""
    actions = AgendaAction.objects.filter(owner_id=owner.pk, on=day, undone_at__isnull=True)
    return set(actions.values_list("contact_id", flat=True))
