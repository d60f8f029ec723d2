"""Practice around the goal (rules A1, A2, C1, V1): aspiration, action ratio, visibility, skills.

Every row carries its owner and stays private to them. The tables keep the names they had when
practice lived inside the goals app, so moving it here changed no data.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from hedgerow import vocabulary
from hedgerow.lib.fields import score_field

Owner = settings.AUTH_USER_MODEL


# --- aspiration (A1) ------------------------------------------------------------------------------


class Aspiration(models.Model):
    """The person's answers to the aspiration questions (rule A1); one per person, revised."""

    owner = models.OneToOneField(Owner, on_delete=models.CASCADE, related_name="aspiration")
    aspiration = models.TextField(blank=True)
    strategy = models.TextField(blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "goals_aspiration"

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
        db_table = "goals_reflection"
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
        db_table = "goals_aspirationatage"
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
        db_table = "goals_aspirationrating"
        ordering = ["rated_on", "id"]

    def __str__(self) -> str:
        return f"Rating on {self.rated_on}"


# --- action ratio (A2) ----------------------------------------------------------------------------


class Impulse(models.Model):
    """An impulse to act, captured in one step and settled later (rule A2)."""

    Outcome = vocabulary.ImpulseOutcome

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    text = models.CharField(max_length=500)
    captured_at = models.DateTimeField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices(), default=Outcome.OPEN)
    substitute = models.CharField(max_length=300, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Looking back: was acting (or not acting) the right call? None until the person says.
    was_right = models.BooleanField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        db_table = "goals_impulse"
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

    class Meta:
        db_table = "goals_actiontarget"

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
        db_table = "goals_accomplishment"
        ordering = ["-happened_on", "-id"]

    def __str__(self) -> str:
        return self.what[:60]


class PracticeSession(models.Model):
    """Rule C1: confidence comes from skills, so practise them and note how it went."""

    Skill = vocabulary.Skill

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    skill = models.CharField(max_length=30, choices=vocabulary.Skill.choices())
    practised_on = models.DateField()
    situation = models.TextField()
    preparation = models.TextField(blank=True)
    confidence_before = score_field()
    confidence_after = score_field()
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "goals_practicesession"
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
        db_table = "goals_pitch"
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.audience or "Pitch"
