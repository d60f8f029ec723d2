"""A person's reminders outside Hedgerow: the weekly digest email and the calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

Owner = settings.AUTH_USER_MODEL

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class ReminderSetting(models.Model):
    owner = models.OneToOneField(Owner, on_delete=models.CASCADE, related_name="reminders")
    # The day the weekly digest comes (0 is Monday, as date.weekday()); None: no digest.
    digest_weekday = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(6)]
    )
    # The secret in the calendar feed's address; empty: no feed. A new one voids the old address.
    calendar_token = models.CharField(max_length=64, blank=True)
    calendar_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["calendar_token"],
                condition=~Q(calendar_token=""),
                name="unique_calendar_token",
            )
        ]

    def __str__(self) -> str:
        return f"Reminders of {self.owner_id}"

    @property
    def digest_day(self) -> str:
        return "" if self.digest_weekday is None else WEEKDAYS[self.digest_weekday]


class DigestSent(models.Model):
    """One a person a week: claimed before the email goes, so it never goes twice."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)
    week = models.DateField(help_text="Monday of the week it was for.")
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-week"]
        constraints = [models.UniqueConstraint(fields=["owner", "week"], name="one_digest_a_week")]

    def __str__(self) -> str:
        return f"Digest for {self.owner_id}, week of {self.week}"
