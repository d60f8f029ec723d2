"""The only way views, the CLI and the API reach groups and what is in them: through membership.

A group someone does not belong to is simply not found (404), never revealed; a member who asks
for something only a coach or facilitator may do is told no (403). Check-ins are visible in a
group only while their owner shares that goal with it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from hedgerow.goals.models import CheckIn
from hedgerow.groups.models import (
    Group,
    Idea,
    Invite,
    Membership,
    Nudge,
    Question,
    Reply,
    Round,
)
from hedgerow.lib.http import User


def groups_of(user: User) -> QuerySet[Group]:
    return Group.objects.filter(memberships__owner_id=user.pk)


def group_of(user: User, group_id: int) -> Group:
    return get_object_or_404(groups_of(user), pk=group_id)


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(owner_id=user.pk).select_related("group")


def membership_of(user: User, group_id: int) -> Membership:
    """The person's place in a group they belong to; 404 for any other group."""
    return get_object_or_404(memberships_of(user), group_id=group_id)


def lead_membership_of(user: User, group_id: int) -> Membership:
    """As `membership_of`, for what only a coach or facilitator may do (403 for members)."""
    membership = membership_of(user, group_id)
    if not membership.leads:
        raise PermissionDenied("Only the group's coach or facilitator can do that.")
    return membership


def members_of(group: Group) -> QuerySet[Membership]:
    return group.memberships.select_related("owner").order_by("joined_at", "id")


def member_of(group: Group, membership_id: int) -> Membership:
    return get_object_or_404(members_of(group), pk=membership_id)


def invites_of(group: Group) -> QuerySet[Invite]:
    return group.invites.all()


def invite_of(group: Group, invite_id: int) -> Invite:
    return get_object_or_404(invites_of(group), pk=invite_id)


def usable_invite(token: str) -> Invite | None:
    """The invitation a link stands for, while it is neither revoked nor expired."""
    return (
        Invite.objects.select_related("group", "created_by")
        .filter(token=token, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def shared_checkins(group: Group) -> QuerySet[CheckIn]:
    """Check-ins of goals their owners share with this group, and only those."""
    return CheckIn.objects.filter(goal__group_shares__group=group)


def shared_checkin_of(group: Group, checkin_id: int) -> CheckIn:
    return get_object_or_404(shared_checkins(group).select_related("goal", "owner"), pk=checkin_id)


def replies_written_by(user: User) -> QuerySet[Reply]:
    return Reply.objects.filter(owner_id=user.pk)


def reply_written_by(user: User, group: Group, reply_id: int) -> Reply:
    return get_object_or_404(replies_written_by(user).filter(group=group), pk=reply_id)


def nudges_for(user: User) -> QuerySet[Nudge]:
    return Nudge.objects.filter(recipient_id=user.pk)


def nudge_for(user: User, nudge_id: int) -> Nudge:
    return get_object_or_404(nudges_for(user), pk=nudge_id)


def rounds_of(user: User) -> QuerySet[Round]:
    return Round.objects.filter(group__memberships__owner_id=user.pk).select_related("group")


def round_of(user: User, round_id: int) -> Round:
    return get_object_or_404(rounds_of(user), pk=round_id)


def questions_of(user: User) -> QuerySet[Question]:
    return Question.objects.filter(group__memberships__owner_id=user.pk).select_related("group")


def question_of(user: User, question_id: int) -> Question:
    return get_object_or_404(questions_of(user), pk=question_id)


def idea_of(user: User, idea_id: int) -> Idea:
    ideas = Idea.objects.filter(question__group__memberships__owner_id=user.pk)
    return get_object_or_404(ideas.select_related("question__group"), pk=idea_id)
