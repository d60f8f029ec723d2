"""Model fields more than one app stores."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


def score_field(**kwargs) -> models.PositiveSmallIntegerField:
    """A 0-10 rating, as people give them in check-ins and reflections."""
    return models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(10)], **kwargs
    )
