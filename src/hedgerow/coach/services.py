"""What happens around a note: the conversation so far, the invitation allowance, and sending.

Verb-first, keyword-only functions shared by the composer page, the CLI and the API.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from hedgerow.accounts.services import profile_of
from hedgerow.coach.checks import Report
from hedgerow.coach.models import SetAside
from hedgerow.network import agenda_actions
from hedgerow.network.models import AgendaAction, Contact, Interaction, Invitation
from hedgerow.network.services import (
    OUTREACH_KINDS,
    AgendaTarget,
    InvalidInput,
    outreach_warning,
)

SOURCE = "hedgerow"  # rows this app writes, told apart from imported ones
INVITATION_HARD_LIMIT = 300  # LinkedIn's limit on an invitation note (rule N4)


@dataclass(frozen=True)
class Quota:
    """LinkedIn's free plan allows a few personalised invitation notes a month (rule N4)."""

    used: int
    allowance: int

    @property
    def used_up(self) -> bool:
        return self.used >= self.allowance

    @property
    def summary(self) -> str:
        notes = "note" if self.used == 1 else "notes"
        return f"{self.used} of {self.allowance} personalised {notes} sent this month"

    @property
    def advice(self) -> str | None:
        """Said plainly once the allowance is reached: advice, never a block."""
        if not self.used_up:
            return None
        return (
            f"You've used this month's {self.allowance} personalised invitation notes. On a free "
            "account LinkedIn may not let you add a note until next month, so this one could "
            "wait a few days, or go by email instead."
        )


def _month_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day.replace(day=1), time.min))


def invitation_quota(*, owner, on: date | None = None) -> Quota:
    """Invitation notes sent this calendar month against the person's monthly allowance."""
    day = on or timezone.localdate()
    sent = Invitation.objects.filter(
        owner_id=owner.pk,
        direction=Invitation.Direction.OUTGOING,
        sent_at__gte=_month_start(day),
    ).exclude(note="")
    return Quota(used=sent.count(), allowance=profile_of(owner).invitation_notes_per_month)


@dataclass(frozen=True)
class Conversation:
    """When you last wrote to someone, whether they answered, and the N6 warning if any."""

    last_written_on: date | None
    replied: bool
    warning: str | None
    pending_invitation_on: date | None


def conversation_with(*, contact: Contact, on: date | None = None) -> Conversation:
    day = on or timezone.localdate()
    last_out = (
        contact.interactions.filter(
            direction=Interaction.Direction.OUTGOING, kind__in=OUTREACH_KINDS
        )
        .order_by("-occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    replied = (
        last_out is not None
        and contact.interactions.filter(
            direction=Interaction.Direction.INCOMING, occurred_at__gte=last_out
        ).exists()
    )
    pending = (
        contact.invitations.filter(
            direction=Invitation.Direction.OUTGOING, status=Invitation.Status.PENDING
        )
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return Conversation(
        last_written_on=timezone.localdate(last_out) if last_out else None,
        replied=replied,
        warning=outreach_warning(contact=contact, on=day),  # rule N6
        pending_invitation_on=timezone.localdate(pending) if pending else None,
    )


def target_for(*, contact: Contact, occasion: str) -> AgendaTarget | None:
    """The Today item a note for this occasion would settle, when it was opened from the
    contact page rather than from Today."""
    if occasion == "acknowledgement":
        return contact.updates.filter(acknowledged_on__isnull=True).order_by("-detected_on").first()
    if occasion == "follow-up":
        return (
            contact.invitations.filter(
                direction=Invitation.Direction.OUTGOING,
                status=Invitation.Status.ACCEPTED,
                replied_on__isnull=True,
            )
            .order_by("-accepted_on")
            .first()
        )
    if occasion == "keep-in-touch":
        return contact
    return None


@dataclass(frozen=True)
class Sent:
    contact: Contact
    interaction: Interaction | None
    invitation: Invitation | None
    warning: str | None  # rule N6, as it stood when the note went out
    quota: Quota | None  # invitations only
    action: AgendaAction | None = None  # a note: the answer on Today, which Undo takes back

    @property
    def confirmation(self) -> str:
        if self.invitation is not None:
            return f"Your invitation to {self.contact.name} is saved as sent."
        return f"Your note to {self.contact.name} is logged."


def _check_target(contact: Contact, target: AgendaTarget | None) -> None:
    if target is None:
        return
    owner_contact = target if isinstance(target, Contact) else target.contact
    if owner_contact is None or owner_contact.pk != contact.pk:
        raise InvalidInput("That Today item is about someone else; open the composer from it.")


@transaction.atomic
def mark_sent(
    *,
    contact: Contact,
    occasion: str,
    text: str,
    target: AgendaTarget | None = None,
) -> Sent:
    """Record a note the person sent elsewhere. An invitation becomes a pending invitation with
    its note (counted against the monthly allowance); any other note is logged as an outgoing
    message and settles everything the person is on Today for (`target` is checked to be
    theirs: the composer was opened from it)."""
    text = text.strip()
    if not text:
        raise InvalidInput("text: write your note before marking it as sent.")
    _check_target(contact, target)
    if occasion == "invitation":
        if len(text) > INVITATION_HARD_LIMIT:
            raise InvalidInput(
                f"text: LinkedIn takes at most {INVITATION_HARD_LIMIT} characters in an "
                f"invitation note; this one has {len(text)}."
            )
        return _record_invitation(contact=contact, note=text)
    # The one way to say "I wrote" (agenda_actions.wrote): every reason they are on Today is
    # answered, and the note can be taken back with Undo.
    done = agenda_actions.wrote(contact=contact, text=text, source=SOURCE)
    return Sent(
        contact=contact,
        interaction=done.action.interaction,
        invitation=None,
        warning=done.warning,
        quota=None,
        action=done.action,
    )


def _record_invitation(*, contact: Contact, note: str) -> Sent:
    warning = outreach_warning(contact=contact, on=timezone.localdate())
    invitation = Invitation.objects.create(
        owner_id=contact.owner_id,
        contact=contact,
        name=contact.name,
        linkedin_url=contact.linkedin_url,
        direction=Invitation.Direction.OUTGOING,
        sent_at=timezone.now(),
        note=note,
        status=Invitation.Status.PENDING,
        source=SOURCE,
    )
    return Sent(
        contact=contact,
        interaction=None,
        invitation=invitation,
        warning=warning,
        quota=invitation_quota(owner=contact.owner),
    )


# --- "I know, send anyway" ------------------------------------------------------------------


def set_aside_ids(report: Report, chosen: Iterable[str]) -> frozenset[str]:
    """The required checks that failed on this note and that the person chose to set aside."""
    failing = {check["id"] for check in report["checks"] if check["required"] and not check["ok"]}
    return frozenset(failing & set(chosen))


@transaction.atomic
def record_set_asides(*, check_ids: Iterable[str]) -> None:
    """Count each check set aside on a note that was sent, on this machine only: the count
    shows where the coach is too strict, and keeps no note and no person."""
    now = timezone.now()
    for check_id in sorted(set(check_ids)):
        row, _ = SetAside.objects.select_for_update().get_or_create(check_id=check_id)
        row.count += 1
        row.last_at = now
        row.save(update_fields=["count", "last_at"])


def set_aside_counts() -> list[SetAside]:
    """Every check set aside at least once here, the most often first."""
    return list(SetAside.objects.filter(count__gt=0))
