"""One big goal, its Uber Plan and the weekly check-ins (rules G1-G6).

Every row carries its owner, like the network's, and stays private to them until a person chooses
to share a goal with a group.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from hedgerow.lib.fields import score_field
from hedgerow.network.models import Contact

Owner = settings.AUTH_USER_MODEL

PLAN_WEEKS = 50  # rule G6: the year as fifty weekly check-ins


# --- the goal and its Uber Plan (G1, G3, G4) ------------------------------------------------------


class Goal(models.Model):
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="goals")
    # Step 1, Commitment: the goal sentence (G1), why now, and the day the fifty weeks start.
    sentence = models.TextField()
    why_now = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    # Step 2, Value proposition: the tangible value, and for whom.
    value = models.TextField(blank=True)
    value_for = models.TextField(blank=True)
    # Rule G3: the method lifted out of the goal sentence, offered to the Strategy step.
    lifted_how = models.TextField(blank=True)
    # A person pursues one big goal at a time; earlier ones are kept, archived.
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"], condition=Q(archived_at__isnull=True), name="one_active_goal"
            )
        ]

    def __str__(self) -> str:
        return self.sentence

    @property
    def end_date(self) -> date | None:
        if self.start_date is None:
            return None
        return self.start_date + timedelta(weeks=PLAN_WEEKS)


class Blocker(models.Model):
    """A "but …" statement (rule G2) and how it was read."""

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", "Commitment"
        CONFIDENCE = "confidence", "Confidence"
        SCOPE = "scope", "Scope"
        NONE = "none", "Not a blocker"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="blockers")
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    cue = models.CharField(max_length=200, blank=True)
    # The coaching reply that fits the kind, kept as it was given.
    response = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text


class ReconItem(models.Model):
    """Step 3, Reconnaissance: what stands in the way or helps, inside or outside the person."""

    class Kind(models.TextChoices):
        OBSTACLE = "obstacle", "Obstacle"
        ENABLER = "enabler", "Enabler"
        BLIND_SPOT = "blind_spot", "Blind spot"

    class Side(models.TextChoices):
        INSIDE = "inside", "Inside me"
        OUTSIDE = "outside", "Outside me"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="recon_items")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    side = models.CharField(max_length=20, choices=Side.choices)
    text = models.TextField()
    # People in the owner's network who could help with this one.
    contacts = models.ManyToManyField(Contact, blank=True, related_name="recon_items")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at", "id"]

    def __str__(self) -> str:
        return self.text


class Approach(models.Model):
    """Step 4, Strategy: one way of getting there."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="approaches")
    text = models.TextField()
    # True when it came from the goal sentence's method clause (rule G3).
    from_goal_sentence = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text


class Milestone(models.Model):
    """Step 5, Execution: a dated step on the way."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [models.F("due_on").asc(nulls_last=True), "id"]

    def __str__(self) -> str:
        return self.title


class NextAction(models.Model):
    """Step 5, Execution: the next thing to do, small enough to start."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="next_actions")
    text = models.CharField(max_length=500)
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done_on", "created_at", "id"]

    def __str__(self) -> str:
        return self.text


class CheckIn(models.Model):
    """Rule G6: what I did this week, one of the fifty."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    week = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(PLAN_WEEKS)]
    )
    did = models.TextField(blank=True)
    learned = models.TextField(blank=True)
    obstacles = models.TextField(blank=True)
    next_actions = models.TextField(blank=True)
    progress = score_field()
    confidence = score_field()
    recorded_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["week"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "week"], name="one_checkin_per_week")
        ]

    def __str__(self) -> str:
        return f"Week {self.week}"
