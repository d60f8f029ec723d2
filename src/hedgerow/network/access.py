"""The only way views, the CLI and the API reach owned rows: always through their owner.

Views never call `.get(pk=…)` on an owned model themselves; they ask here, and anything that
belongs to someone else is simply not found (404), never revealed.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from hedgerow.lib.http import User
from hedgerow.network.models import (
    AgendaAction,
    Contact,
    ContactMerge,
    ImportJob,
    ImportRun,
    Interaction,
    Invitation,
    ReviewItem,
    Suggestion,
    Tag,
    Update,
)
from hedgerow.vocabulary import AgendaKind


def contacts_of(user: User) -> QuerySet[Contact]:
    return Contact.objects.filter(owner_id=user.pk)


def contact_of(user: User, contact_id: int) -> Contact:
    return get_object_or_404(contacts_of(user), pk=contact_id)


def interactions_of(user: User) -> QuerySet[Interaction]:
    return Interaction.objects.filter(owner_id=user.pk)


def interaction_of(user: User, interaction_id: int) -> Interaction:
    return get_object_or_404(interactions_of(user), pk=interaction_id)


def updates_of(user: User) -> QuerySet[Update]:
    return Update.objects.filter(owner_id=user.pk)


def update_of(user: User, update_id: int) -> Update:
    return get_object_or_404(updates_of(user).select_related("contact"), pk=update_id)


def invitations_of(user: User) -> QuerySet[Invitation]:
    return Invitation.objects.filter(owner_id=user.pk)


def invitation_of(user: User, invitation_id: int) -> Invitation:
    return get_object_or_404(invitations_of(user), pk=invitation_id)


def tags_of(user: User) -> QuerySet[Tag]:
    return Tag.objects.filter(owner_id=user.pk)


def import_runs_of(user: User) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(owner_id=user.pk)


def import_run_of(user: User, run_id: int) -> ImportRun:
    return get_object_or_404(import_runs_of(user), pk=run_id)


def import_jobs_of(user: User) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(owner_id=user.pk)


def import_job_of(user: User, job_id: int) -> ImportJob:
    return get_object_or_404(import_jobs_of(user), pk=job_id)


def review_items_of(user: User) -> QuerySet[ReviewItem]:
    return ReviewItem.objects.filter(owner_id=user.pk)


def review_item_of(user: User, item_id: int) -> ReviewItem:
    return get_object_or_404(review_items_of(user).select_related("contact"), pk=item_id)


def suggestions_of(user: User) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(owner_id=user.pk)


def merges_of(user: User) -> QuerySet[ContactMerge]:
    return ContactMerge.objects.filter(owner_id=user.pk)


def merge_of(user: User, merge_id: int) -> ContactMerge:
    return get_object_or_404(merges_of(user), pk=merge_id)


AGENDA_KINDS = AgendaKind.values()


def agenda_item_of(user: User, kind: str, item_id: int) -> Update | Invitation | Contact:
    """A Today item by its section and id: an update, an accepted invitation (follow-up) or a
    core contact who is due."""
    if kind == "update":
        return update_of(user, item_id)
    if kind == "follow-up":
        return invitation_of(user, item_id)
    if kind == "due":
        return contact_of(user, item_id)
    raise ValueError(f"kind must be one of {', '.join(AGENDA_KINDS)}")


def agenda_actions_of(user: User) -> QuerySet[AgendaAction]:
    return AgendaAction.objects.filter(owner_id=user.pk)


def agenda_action_of(user: User, action_id: int) -> AgendaAction:
    """One of the person's answers on Today (to undo it)."""
    return get_object_or_404(agenda_actions_of(user).select_related("contact"), pk=action_id)
