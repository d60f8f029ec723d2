"""Groups: a coach and peers around each person's big goal (rule G5), the Great Groups
assessment (rule T1) and questions a leader asks the group (rule L1).

Privacy by construction: a group holds only what its members wrote into it and the goals they
chose to share (`GoalShare`); a member's contacts, notes, drafts, plan and practice never appear
here. Great Groups answers are stored only as totals on their round (`Round.tallies`), never
with a person; a `Ballot` records that someone has answered, not what.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from hedgerow.goals.models import CheckIn, Goal

Owner = settings.AUTH_USER_MODEL

MIN_THRESHOLD = 3  # rule T1: results only once at least three people have answered


class Group(models.Model):
    name = models.CharField(max_length=120)
    purpose = models.TextField(blank=True)
    # The cohort's week 1, for the coach's weekly prompt and its weeks to go (rule G6).
    start_date = models.DateField(null=True, blank=True)
    # How many answers a Great Groups round needs before anyone sees results: raised, never
    # lowered below MIN_THRESHOLD.
    results_threshold = models.PositiveSmallIntegerField(
        default=MIN_THRESHOLD, validators=[MinValueValidator(MIN_THRESHOLD)]
    )
    created_by = models.ForeignKey(Owner, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        COACH = "coach", "Coach"
        FACILITATOR = "facilitator", "Facilitator"
        MEMBER = "member", "Member"

    LEAD_ROLES = (Role.COACH, Role.FACILITATOR)

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)
    # Everything in the feed after this moment, written by someone else, is marked new.
    last_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "group"], name="one_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.owner} in {self.group}"

    @property
    def leads(self) -> bool:
        return self.role in self.LEAD_ROLES


class Invite(models.Model):
    """A link that lets someone on this Hedgerow join; it expires and can be revoked."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invites")
    created_by = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True)
    role = models.CharField(
        max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    uses = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Invitation to {self.group}"


class GoalShare(models.Model):
    """A member's choice to show one goal's sentence and weekly check-ins to one group."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="shares")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="group_shares")
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "goal"], name="one_share_per_goal_and_group")
        ]

    def __str__(self) -> str:
        return f"{self.goal} shared with {self.group}"


class Reply(models.Model):
    """Rule G5: what peers give each other, in the method's three kinds."""

    class Kind(models.TextChoices):
        ENCOURAGEMENT = "encouragement", "Encouragement"
        INSIGHT = "insight", "Insight"
        SUGGESTION = "suggestion", "Suggestion"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="replies")
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="group_replies")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"


class Reaction(models.Model):
    class Kind(models.TextChoices):
        CHEER = "cheer", "Well done"
        WITH_YOU = "with_you", "With you"
        KEEP_GOING = "keep_going", "Keep going"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="reactions")
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="group_reactions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "group", "checkin", "kind"], name="one_reaction_of_a_kind"
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Prompt(models.Model):
    """The coach's weekly word to the group, with the weeks to go (rules G5, G6)."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="prompts")
    week = models.PositiveSmallIntegerField(null=True, blank=True)
    weeks_to_go = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class Nudge(models.Model):
    """A gentle word from the coach to one member who has not checked in this week (rule N7:
    at most one a week, never a reminder chain)."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="nudges")
    recipient = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="group_nudges")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class DigestSetting(models.Model):
    """How often a person hears about their groups by email, and when they last did."""

    class Frequency(models.TextChoices):
        DAILY = "daily", "Every day there is something new"
        WEEKLY = "weekly", "Once a week"
        NEVER = "never", "Never"

    owner = models.OneToOneField(Owner, on_delete=models.CASCADE, related_name="group_digest")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.get_frequency_display()


# --- Great Groups assessment (rule T1) ------------------------------------------------------------


class Round(models.Model):
    """One Great Groups assessment. Answers exist only as totals here: per element, how many
    people gave each score, and the comments in a shuffled list. There is no row per answer, no
    time of answering and no order, so nothing links an answer to a person."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveIntegerField()
    opened_by = models.ForeignKey(Owner, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # {"1": [count of 1s, 2s, 3s, 4s, 5s], ..., "15": [...]}
    tallies = models.JSONField(default=dict)
    comments = models.JSONField(default=list)
    # Bumped on every answer: answers are added with a conditional update on it.
    version = models.PositiveIntegerField(default=0)
    # Set when the round closed with results people may see (see assessment.release_check).
    released = models.BooleanField(default=False)
    held_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="one_round_number_per_group")
        ]

    def __str__(self) -> str:
        return f"Round {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Ballot(models.Model):
    """A person's one-time token for a round: used once, it stops a second answer. It holds no
    answer and no time, so it cannot be matched to one."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    # Emptied when the person deletes their account: their answer stays counted in the totals
    # (groups/departures.py), and `departed` keeps one random mark for all of that person's
    # used ballots, so rounds can still be compared without knowing who it was.
    owner = models.ForeignKey(Owner, on_delete=models.SET_NULL, null=True, related_name="+")
    departed = models.CharField(max_length=32, blank=True)
    token = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "owner"], name="one_ballot_per_person")
        ]

    def __str__(self) -> str:
        return f"Ballot for {self.round}"


# --- leaders ask (rule L1) ------------------------------------------------------------------------


class Question(models.Model):
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    # What will be done and why, in the leader's words; set once the leader decides.
    decision = models.TextField(blank=True)
    decision_why = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.decided_at is None


class Idea(models.Model):
    """A member's answer to a question: an idea, an issue or a solution. Anonymous ones keep no
    author and no time."""

    class Kind(models.TextChoices):
        IDEA = "idea", "Idea"
        ISSUE = "issue", "Issue"
        SOLUTION = "solution", "Solution"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="ideas")
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, null=True, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:60]


class Vote(models.Model):
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "idea"], name="one_vote_per_idea")]

    def __str__(self) -> str:
        return f"Vote for {self.idea}"
