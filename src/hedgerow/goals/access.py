"""The only way views and the CLI reach a person's goal and its plan: always through their owner.

As in the network app, anything that belongs to someone else is simply not found (404).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from hedgerow.goals import models
from hedgerow.lib.http import User


def goals_of(user: User) -> QuerySet[models.Goal]:
    return models.Goal.objects.filter(owner_id=user.pk)


def active_goal_of(user: User) -> models.Goal | None:
    """The one goal a person is pursuing now, if any (earlier ones are archived)."""
    return goals_of(user).filter(archived_at__isnull=True).first()


def active_goal_or_404(user: User) -> models.Goal:
    goal = active_goal_of(user)
    if goal is None:
        raise Http404("No goal yet.")
    return goal


def blockers_of(user: User) -> QuerySet[models.Blocker]:
    return models.Blocker.objects.filter(owner_id=user.pk)


def blocker_of(user: User, blocker_id: int) -> models.Blocker:
    return get_object_or_404(blockers_of(user), pk=blocker_id)


def recon_items_of(user: User) -> QuerySet[models.ReconItem]:
    return models.ReconItem.objects.filter(owner_id=user.pk)


def recon_item_of(user: User, item_id: int) -> models.ReconItem:
    return get_object_or_404(recon_items_of(user), pk=item_id)


def approaches_of(user: User) -> QuerySet[models.Approach]:
    return models.Approach.objects.filter(owner_id=user.pk)


def approach_of(user: User, approach_id: int) -> models.Approach:
    return get_object_or_404(approaches_of(user), pk=approach_id)


def milestones_of(user: User) -> QuerySet[models.Milestone]:
    return models.Milestone.objects.filter(owner_id=user.pk)


def milestone_of(user: User, milestone_id: int) -> models.Milestone:
    return get_object_or_404(milestones_of(user), pk=milestone_id)


def next_actions_of(user: User) -> QuerySet[models.NextAction]:
    return models.NextAction.objects.filter(owner_id=user.pk)


def next_action_of(user: User, action_id: int) -> models.NextAction:
    return get_object_or_404(next_actions_of(user), pk=action_id)
