"""One big goal and the practice around it (rules G1-G6, A1, A2, C1, V1).

Every row carries its owner, like the network's, and stays private to them until a person chooses
to share a goal with a group.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from hedgerow.network.models import Contact

Owner = settings.AUTH_USER_MODEL

PLAN_WEEKS = 50  # rule G6: the year as fifty weekly check-ins


def score_field(**kwargs) -> models.PositiveSmallIntegerField:
    """A 0-10 rating, as people give them in check-ins and reflections."""
    return models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(10)], **kwargs
    )


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


# --- aspiration (A1) ------------------------------------------------------------------------------


class Aspiration(models.Model):
    """The person's answers to the aspiration questions (rule A1); one per person, revised."""

    owner = models.OneToOneField(Owner, on_delete=models.CASCADE, related_name="aspiration")
    aspiration = models.TextField(blank=True)
    strategy = models.TextField(blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.aspiration[:60]


class Reflection(models.Model):
    """What I have done in the last year, month, week, or today (rule A1)."""

    class Period(models.TextChoices):
        YEAR = "year", "The last year"
        MONTH = "month", "The last month"
        WEEK = "week", "The last week"
        TODAY = "today", "Today"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    period = models.CharField(max_length=10, choices=Period.choices)
    text = models.TextField()
    written_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_period_display()} ({self.written_on})"


class AspirationAtAge(models.Model):
    """How the aspiration looked at 12, 24, 36, 48, 60 or 72 (rule A1)."""

    AGES = (12, 24, 36, 48, 60, 72)

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    age = models.PositiveSmallIntegerField(choices=[(age, str(age)) for age in AGES])
    text = models.TextField()

    class Meta:
        ordering = ["age"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "age"], name="one_aspiration_per_age")
        ]

    def __str__(self) -> str:
        return f"At {self.age}"


class AspirationRating(models.Model):
    """Clarity, strategy and focus, rated from time to time (rule A1)."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    rated_on = models.DateField()
    clarity = score_field()
    strategy = score_field()
    focus = score_field()
    progress = score_field(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rated_on", "id"]

    def __str__(self) -> str:
        return f"Rating on {self.rated_on}"


# --- action ratio (A2) ----------------------------------------------------------------------------


class Impulse(models.Model):
    """An impulse to act, captured in one step and settled later (rule A2)."""

    class Outcome(models.TextChoices):
        OPEN = "open", "Not decided yet"
        ACTED = "acted", "Acted on it"
        NOT_ACTED = "not_acted", "Did not act"
        SUBSTITUTED = "substituted", "Did something safer instead"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    text = models.CharField(max_length=500)
    captured_at = models.DateTimeField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.OPEN)
    substitute = models.CharField(max_length=300, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Looking back: was acting (or not acting) the right call? None until the person says.
    was_right = models.BooleanField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-captured_at", "-id"]
        indexes = [models.Index(fields=["owner", "captured_at"])]

    def __str__(self) -> str:
        return self.text


class ActionTarget(models.Model):
    """The action ratio a person is aiming for (rule A2: raise the ratio)."""

    owner = models.OneToOneField(Owner, on_delete=models.CASCADE, related_name="action_target")
    ratio = models.FloatField(
        default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )

    def __str__(self) -> str:
        return f"{self.ratio:.0%}"


# --- visibility (V1) and practice (C1) ------------------------------------------------------------


class Accomplishment(models.Model):
    """Rule V1: what I did and who should know about it."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    happened_on = models.DateField()
    what = models.TextField()
    impact = models.TextField(blank=True)
    beneficiaries = models.CharField(max_length=300, blank=True)
    who_should_know = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-id"]

    def __str__(self) -> str:
        return self.what[:60]


class PracticeSession(models.Model):
    """Rule C1: confidence comes from skills, so practise them and note how it went."""

    class Skill(models.TextChoices):
        INTERVIEW = "interview", "Interviews"
        INTRODUCTION = "introduction", "Saying who I am and what I do"
        COLD_CALL = "cold_call", "Cold calls"
        DIFFICULT_CONVERSATION = "difficult_conversation", "Difficult conversations"
        PUBLIC_SPEAKING = "public_speaking", "Speaking in public"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    skill = models.CharField(max_length=30, choices=Skill.choices)
    practised_on = models.DateField()
    situation = models.TextField()
    preparation = models.TextField(blank=True)
    confidence_before = score_field()
    confidence_after = score_field()
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-practised_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_skill_display()} on {self.practised_on}"


class Pitch(models.Model):
    """Rule C1: "who I am and what I do", built from parts and timed for speaking."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    audience = models.CharField(max_length=200, blank=True, help_text="Who it is for.")
    who_i_am = models.TextField(blank=True)
    what_i_do = models.TextField(blank=True)
    for_whom = models.TextField(blank=True)
    proof = models.TextField(blank=True, help_text="An example or result that shows it.")
    ask = models.TextField(blank=True, help_text="What I'd like to talk about next.")
    text = models.TextField(blank=True, help_text="The pitch as the person will say it.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.audience or "Pitch"
