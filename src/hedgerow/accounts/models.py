"""A person using Hedgerow: their profile settings and their own career history."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# Rule N6: a few thoughtful notes a day, not a backlog. Today's queue holds this many people.
DAILY_QUEUE_DEFAULT, DAILY_QUEUE_MIN, DAILY_QUEUE_MAX = 7, 3, 20


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # The owner's own LinkedIn URL, learned from outgoing invitations, so their
    # messages can be told apart from everyone else's.
    linkedin_url = models.CharField(max_length=300, blank=True)
    # Message bodies stay out of the database unless the person opts in.
    store_message_bodies = models.BooleanField(default=False)
    # LinkedIn's free plan allows a few personalized invitation notes a month (rule N4).
    invitation_notes_per_month = models.PositiveSmallIntegerField(default=5)
    # The owner's own email addresses, one a line: tells mail they sent from mail they received.
    email_addresses = models.TextField(blank=True)
    daily_queue = models.PositiveSmallIntegerField(
        default=DAILY_QUEUE_DEFAULT,
        validators=[MinValueValidator(DAILY_QUEUE_MIN), MaxValueValidator(DAILY_QUEUE_MAX)],
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"


class Position(models.Model):
    """A job the owner held (LinkedIn's Positions.csv): used to find shared employers."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    company = models.CharField(max_length=300)
    title = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=300, blank=True)
    started_on = models.DateField(null=True, blank=True)
    finished_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "company", "title", "started_on"], name="unique_owner_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}"


class ApiToken(models.Model):
    """A key a script uses for the JSON API. Only its SHA-256 is stored; the key is shown once."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, help_text="The first characters, to recognise it.")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
