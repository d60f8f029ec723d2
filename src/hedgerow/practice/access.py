"""The only way practice views and commands reach owned rows: always through their owner.

Reflections, impulses, accomplishments, practice sessions and pitches are private; anything that
belongs to someone else is simply not found (404), never revealed.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from hedgerow.lib.http import User
from hedgerow.practice import models


def aspiration_of(user: User) -> models.Aspiration | None:
    return models.Aspiration.objects.filter(owner_id=user.pk).first()


def reflections_of(user: User) -> QuerySet[models.Reflection]:
    return models.Reflection.objects.filter(owner_id=user.pk)


def reflection_of(user: User, reflection_id: int) -> models.Reflection:
    return get_object_or_404(reflections_of(user), pk=reflection_id)


def aspirations_at_age_of(user: User) -> QuerySet[models.AspirationAtAge]:
    return models.AspirationAtAge.objects.filter(owner_id=user.pk)


def aspiration_ratings_of(user: User) -> QuerySet[models.AspirationRating]:
    return models.AspirationRating.objects.filter(owner_id=user.pk)


def impulses_of(user: User) -> QuerySet[models.Impulse]:
    return models.Impulse.objects.filter(owner_id=user.pk)


def impulse_of(user: User, impulse_id: int) -> models.Impulse:
    return get_object_or_404(impulses_of(user), pk=impulse_id)


def action_target_of(user: User) -> models.ActionTarget | None:
    return models.ActionTarget.objects.filter(owner_id=user.pk).first()


def accomplishments_of(user: User) -> QuerySet[models.Accomplishment]:
    return models.Accomplishment.objects.filter(owner_id=user.pk)


def accomplishment_of(user: User, accomplishment_id: int) -> models.Accomplishment:
    return get_object_or_404(accomplishments_of(user), pk=accomplishment_id)


def practice_sessions_of(user: User) -> QuerySet[models.PracticeSession]:
    return models.PracticeSession.objects.filter(owner_id=user.pk)


def pitches_of(user: User) -> QuerySet[models.Pitch]:
    return models.Pitch.objects.filter(owner_id=user.pk)


def pitch_of(user: User, pitch_id: int) -> models.Pitch:
    return get_object_or_404(pitches_of(user), pk=pitch_id)
