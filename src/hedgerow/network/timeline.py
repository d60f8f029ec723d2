"""A contact's story in one list: interactions, notes, updates and invitations, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from hedgerow.network.models import Contact, Interaction, Invitation

DIRECTION_WORDS: dict[str, str] = {
    Interaction.Direction.OUTGOING: "from you",
    Interaction.Direction.INCOMING: "from them",
    Interaction.Direction.MUTUAL: "together",
}


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # interaction | note | update | invitation | accepted | connected | disconnected
    title: str
    text: str = ""
    url: str = ""
    interaction_kind: str = ""
    direction: str = ""
    interaction_id: int | None = None  # set for one interaction, so it can be deleted

    @property
    def day(self) -> date:
        return timezone.localdate(self.at)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def _interaction_entry(item: Interaction) -> Entry:
    if item.kind == Interaction.Kind.NOTE:
        return Entry(
            at=item.occurred_at, kind="note", title="Note", text=item.text, interaction_id=item.pk
        )
    words = DIRECTION_WORDS.get(item.direction, "")
    title = f"{item.get_kind_display()} {words}".strip()
    text = " — ".join(part for part in (item.subject, item.text) if part)
    return Entry(
        at=item.occurred_at,
        kind="interaction",
        title=title,
        text=text,
        interaction_kind=item.kind,
        direction=item.direction,
        interaction_id=item.pk,
    )


def _group_same_day(entries: list[Entry]) -> list[Entry]:
    """A chat of many short messages in one day reads as one conversation, not a wall of rows.
    Messages with their text kept stay separate, so nothing the person chose to keep is hidden."""
    grouped: list[Entry] = []
    run: list[Entry] = []

    def close_run() -> None:
        grouped.append(_conversation(run) if len(run) > 1 else run[0])
        run.clear()

    for entry in entries:
        groupable = entry.kind == "interaction" and not entry.text
        if run and not (
            groupable
            and entry.interaction_kind == run[0].interaction_kind
            and entry.day == run[0].day
        ):
            close_run()
        if groupable:
            run.append(entry)
        else:
            grouped.append(entry)
    if run:
        close_run()
    return grouped


def _conversation(run: list[Entry]) -> Entry:
    kind = Interaction.Kind.label_of(run[0].interaction_kind).lower()
    counts = [
        f"{n} {words}"
        for direction, words in DIRECTION_WORDS.items()
        if (n := sum(1 for e in run if e.direction == direction))
    ]
    title = f"{len(run)} {kind}s ({', '.join(counts)})"
    return Entry(
        at=run[0].at, kind="interaction", title=title, interaction_kind=run[0].interaction_kind
    )


def _invitation_entries(invitation: Invitation) -> list[Entry]:
    sent = "You invited them" if invitation.direction == "outgoing" else "They invited you"
    entries = [Entry(at=invitation.sent_at, kind="invitation", title=sent, text=invitation.note)]
    if invitation.accepted_on:
        entries.append(
            Entry(at=_at(invitation.accepted_on), kind="accepted", title="Invitation accepted")
        )
    return entries


def _connection_entries(contact: Contact) -> list[Entry]:
    entries = []
    if contact.connected_on:
        entries.append(
            Entry(at=_at(contact.connected_on), kind="connected", title="Connected on LinkedIn")
        )
    if contact.disconnected_on:
        entries.append(
            Entry(
                at=_at(contact.disconnected_on),
                kind="disconnected",
                title="No longer a LinkedIn connection",
            )
        )
    return entries


def contact_timeline(contact: Contact, limit: int) -> tuple[list[Entry], bool]:
    """The newest `limit` entries and whether there are more. Each source is capped at limit+1
    rows, so a contact with thousands of messages still costs four small queries."""
    entries: list[Entry] = _connection_entries(contact)
    interactions = contact.interactions.order_by("-occurred_at", "-id")[: limit + 1]
    entries += [_interaction_entry(item) for item in interactions]
    for update in contact.updates.order_by("-detected_on", "-id")[: limit + 1]:
        entries.append(
            Entry(
                at=_at(update.detected_on),
                kind="update",
                title=update.get_kind_display(),
                text=update.summary,
                url=update.url,
            )
        )
    for invitation in contact.invitations.order_by("-sent_at")[: limit + 1]:
        entries += _invitation_entries(invitation)
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return _group_same_day(entries[:limit]), len(entries) > limit
