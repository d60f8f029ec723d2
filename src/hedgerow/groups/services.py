"""Writes to groups: creating one, invitations, joining and leaving, sharing a goal, and what
peers and the coach give each other (rule G5).

Verb-first, keyword-only functions shared by the pages, the CLI and the API; a write spanning
rows is one transaction. Bad input raises `InvalidInput` with one plain sentence naming the field.
Callers fetch memberships through `access.py`; the checks here are about roles and rules.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hedgerow.goals.models import CheckIn, Goal
from hedgerow.goals.weeks import plan_week, weeks_to_go
from hedgerow.groups.models import (
    MIN_THRESHOLD,
    DigestSetting,
    GoalShare,
    Group,
    Invite,
    Membership,
    Nudge,
    Prompt,
    Reaction,
    Reply,
)
from hedgerow.lib.errors import Conflict, InvalidInput

__all__ = ["InvalidInput"]

NAME_MAX = 120
TEXT_MAX = 4000
INVITE_DAYS = 14
INVITE_MAX_DAYS = 90
MAX_THRESHOLD = 50
NUDGE_TEXT = (
    "Thinking of you this week. A few lines on what you did toward your goal, however small, "
    "help the whole group, and you."
)


def _required(value: str, field: str, limit: int = TEXT_MAX) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(f"{field} is empty; a few words are enough.")
    if len(value) > limit:
        raise InvalidInput(f"{field} is too long: keep it under {limit:,} characters.")
    return value


def _require_lead(membership: Membership) -> None:
    if not membership.leads:
        raise PermissionDenied("Only the group's coach or facilitator can do that.")


# --- the group ------------------------------------------------------------------------------------


@transaction.atomic
def create_group(
    *, creator: User, name: str, purpose: str = "", start_date: date | None = None
) -> Group:
    """A new group with its creator as coach (rule G5: a guide and a group)."""
    group = Group.objects.create(
        name=_required(name, "The group's name", NAME_MAX),
        purpose=(purpose or "").strip(),
        start_date=start_date or timezone.localdate(),
        created_by=creator,
    )
    Membership.objects.create(owner=creator, group=group, role=Membership.Role.COACH)
    return group


def update_group(
    *, membership: Membership, name: str, purpose: str, start_date: date | None
) -> Group:
    _require_lead(membership)
    group = membership.group
    group.name = _required(name, "The group's name", NAME_MAX)
    group.purpose = (purpose or "").strip()
    group.start_date = start_date
    group.save(update_fields=["name", "purpose", "start_date"])
    return group


def raise_threshold(*, membership: Membership, threshold: int) -> Group:
    """Rule T1: a group may ask for more answers before results show, never fewer."""
    _require_lead(membership)
    group = membership.group
    if threshold < group.results_threshold:
        raise Conflict(
            f"The threshold can only go up: it is {group.results_threshold}, so that answers "
            "already given stay as protected as they were promised."
        )
    if threshold > MAX_THRESHOLD:
        raise InvalidInput(f"The threshold can be at most {MAX_THRESHOLD}.")
    group.results_threshold = max(threshold, MIN_THRESHOLD)
    group.save(update_fields=["results_threshold"])
    return group


def group_week(group: Group, today: date) -> tuple[int | None, int | None]:
    """The cohort's week and weeks to go (rule G6), when the group has a start date."""
    if group.start_date is None:
        return None, None
    return plan_week(group.start_date, today), weeks_to_go(group.start_date, today)


# --- invitations, joining and leaving -------------------------------------------------------------


def create_invite(
    *,
    membership: Membership,
    role: str = Membership.Role.MEMBER,
    days: int = INVITE_DAYS,
) -> Invite:
    _require_lead(membership)
    if role not in Membership.Role.values:
        raise InvalidInput(f"Role must be one of {', '.join(Membership.Role.values)}.")
    if not 1 <= days <= INVITE_MAX_DAYS:
        raise InvalidInput(f"An invitation lasts between 1 and {INVITE_MAX_DAYS} days.")
    return Invite.objects.create(
        group=membership.group,
        created_by=membership.owner,
        token=secrets.token_hex(20),
        role=role,
        expires_at=timezone.now() + timedelta(days=days),
    )


def revoke_invite(*, membership: Membership, invite: Invite) -> Invite:
    _require_lead(membership)
    if invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["revoked_at"])
    return invite


@transaction.atomic
def accept_invite(*, invite: Invite | None, person: User) -> Membership:
    """Join by link. Someone already in the group keeps the place (and role) they have."""
    if invite is None:
        raise Conflict(
            "This invitation link has expired or was withdrawn; ask the coach for a new one."
        )
    existing = Membership.objects.filter(owner=person, group=invite.group).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                owner=person, group=invite.group, role=invite.role
            )
    except IntegrityError:  # the same link accepted twice at once
        return Membership.objects.get(owner=person, group=invite.group)
    Invite.objects.filter(pk=invite.pk).update(uses=F("uses") + 1)
    return membership


def set_role(*, membership: Membership, member: Membership, role: str) -> Membership:
    _require_lead(membership)
    if role not in Membership.Role.values:
        raise InvalidInput(f"Role must be one of {', '.join(Membership.Role.values)}.")
    if member.leads and role == Membership.Role.MEMBER and _lead_count(member.group) == 1:
        raise Conflict("A group needs a coach or facilitator; make someone else one first.")
    member.role = role
    member.save(update_fields=["role"])
    return member


def _lead_count(group: Group) -> int:
    return group.memberships.filter(role__in=Membership.LEAD_ROLES).count()


@transaction.atomic
def leave_group(*, membership: Membership) -> None:
    """Leaving stops every share with the group; replies written there stay with the group."""
    group = membership.group
    others = group.memberships.exclude(pk=membership.pk)
    if membership.leads and others.exists() and _lead_count(group) == 1:
        raise Conflict(
            "You are the group's only coach or facilitator: make someone else one before you "
            "leave, so the group keeps a guide."
        )
    _end_membership(membership)
    if not others.exists():
        group.delete()  # nobody left to see it


@transaction.atomic
def remove_member(*, membership: Membership, member: Membership) -> None:
    """A coach takes someone out of the group, as if they had left: their shares stop, the
    nudges waiting for them go, and what they wrote in the feed stays with the group."""
    _require_lead(membership)
    if member.pk == membership.pk:
        raise Conflict("To take yourself out of the group, leave it instead.")
    _end_membership(member)


def _end_membership(member: Membership) -> None:
    GoalShare.objects.filter(group=member.group, owner_id=member.owner_id).delete()
    Nudge.objects.filter(group=member.group, recipient_id=member.owner_id).delete()
    member.delete()


# --- sharing a goal -------------------------------------------------------------------------------


def share_goal(*, membership: Membership, goal: Goal) -> GoalShare:
    """Opt-in per goal: the group sees its sentence and weekly check-ins, nothing else."""
    if goal.owner_id != membership.owner_id:
        raise InvalidInput("You can only share your own goal.")
    share, _ = GoalShare.objects.get_or_create(
        group=membership.group, goal=goal, defaults={"owner_id": membership.owner_id}
    )
    return share


def stop_sharing(*, membership: Membership) -> int:
    """Stop showing any of this member's goals to the group; returns how many shares ended."""
    deleted, _ = GoalShare.objects.filter(
        group=membership.group, owner_id=membership.owner_id
    ).delete()
    return deleted


def shared_goal(membership: Membership) -> Goal | None:
    share = (
        GoalShare.objects.filter(group=membership.group, owner_id=membership.owner_id)
        .select_related("goal")
        .order_by("-shared_at")
        .first()
    )
    return share.goal if share else None


# --- peer support (G5) ----------------------------------------------------------------------------


def reply_to_checkin(*, membership: Membership, checkin: CheckIn, kind: str, text: str) -> Reply:
    """Encouragement, an insight or a suggestion on a check-in shared with the group."""
    if kind not in Reply.Kind.values:
        raise InvalidInput("Choose encouragement, insight or suggestion.")
    _require_shared(membership, checkin)
    return Reply.objects.create(
        owner_id=membership.owner_id,
        group=membership.group,
        checkin=checkin,
        kind=kind,
        text=_required(text, "Your reply"),
    )


def delete_reply(*, reply: Reply) -> None:
    reply.delete()


def toggle_reaction(*, membership: Membership, checkin: CheckIn, kind: str) -> bool:
    """Add the reaction, or take it back when it is there; True when it is there now."""
    if kind not in Reaction.Kind.values:
        raise InvalidInput(f"A reaction is one of {', '.join(Reaction.Kind.values)}.")
    _require_shared(membership, checkin)
    mine = Reaction.objects.filter(
        owner_id=membership.owner_id, group=membership.group, checkin=checkin, kind=kind
    )
    if mine.exists():
        mine.delete()
        return False
    Reaction.objects.get_or_create(
        owner_id=membership.owner_id, group=membership.group, checkin=checkin, kind=kind
    )
    return True


def _require_shared(membership: Membership, checkin: CheckIn) -> None:
    if not GoalShare.objects.filter(group=membership.group, goal_id=checkin.goal_id).exists():
        raise InvalidInput("That check-in is not shared with this group.")


def post_prompt(*, membership: Membership, text: str, today: date | None = None) -> Prompt:
    """The coach's weekly prompt, stamped with the cohort's week and weeks to go (G5, G6)."""
    _require_lead(membership)
    week, to_go = group_week(membership.group, today or timezone.localdate())
    return Prompt.objects.create(
        owner_id=membership.owner_id,
        group=membership.group,
        week=week or None,
        weeks_to_go=to_go,
        text=_required(text, "The prompt"),
    )


def default_prompt(group: Group, today: date) -> str:
    week, to_go = group_week(group, today)
    if not week or to_go is None:
        return "What did you do this week toward your goal? Tell the group, however small."
    return (
        f"Week {min(week, 50)}, {to_go} week{'s' if to_go != 1 else ''} to go. What did you do "
        "this week toward your goal? One line is plenty; the group is glad to hear it."
    )


def nudge_member(
    *, membership: Membership, member: Membership, text: str = "", today: date | None = None
) -> Nudge:
    """A gentle word to someone who has not checked in this week; once a week at most (N7)."""
    _require_lead(membership)
    if member.group_id != membership.group_id or member.pk == membership.pk:
        raise InvalidInput("You can nudge another member of this group.")
    since = timezone.now() - timedelta(days=7)
    if Nudge.objects.filter(
        group=membership.group, recipient_id=member.owner_id, created_at__gte=since
    ).exists():
        raise InvalidInput(
            "They had a nudge from the group this week already; one is enough, so it stays kind."
        )
    return Nudge.objects.create(
        owner_id=membership.owner_id,
        group=membership.group,
        recipient_id=member.owner_id,
        text=(text or "").strip()[:TEXT_MAX] or NUDGE_TEXT,
    )


def dismiss_nudge(*, nudge: Nudge) -> None:
    if nudge.seen_at is None:
        nudge.seen_at = timezone.now()
        nudge.save(update_fields=["seen_at"])


def mark_seen(*, membership: Membership) -> None:
    membership.last_seen_at = timezone.now()
    membership.save(update_fields=["last_seen_at"])


# --- the email digest's settings ------------------------------------------------------------------


def digest_setting_of(person: User) -> DigestSetting:
    setting, _ = DigestSetting.objects.get_or_create(owner=person)
    return setting


@transaction.atomic
def save_digest_setting(*, person: User, email: str, frequency: str) -> DigestSetting:
    if frequency not in DigestSetting.Frequency.values:
        raise InvalidInput("Choose daily, weekly or never.")
    email = (email or "").strip()
    if frequency != DigestSetting.Frequency.NEVER and not email:
        raise InvalidInput("Email address: give one, or choose never.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidInput(f"Email address: {email!r} does not look like one.") from None
    person.email = email
    person.save(update_fields=["email"])
    setting = digest_setting_of(person)
    setting.frequency = frequency
    setting.save(update_fields=["frequency"])
    return setting
