"""Small forms for the goal pages; services do the rest."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from hedgerow.goals.models import PLAN_WEEKS, ReconItem
from hedgerow.lib.forms import DATE_HINT, PrefixedIds, text_field


def _score(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=10,
        widget=forms.NumberInput(attrs={"min": 0, "max": 10}),
        error_messages={
            "required": f"{label}: choose a number from 0 to 10.",
            "invalid": f"{label}: choose a number from 0 to 10.",
            "min_value": f"{label}: choose a number from 0 to 10.",
            "max_value": f"{label}: choose a number from 0 to 10.",
        },
    )


class CommitmentForm(PrefixedIds):
    id_prefix = "goal"
    sentence = text_field(
        "Your goal, in one sentence",
        rows=2,
        help_text="One plain statement of what will be true, that someone else could see done.",
    )
    why_now = text_field("Why now", required=False)
    start_date = forms.DateField(
        label="Start of your fifty weeks",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": DATE_HINT},
    )


class NewGoalForm(CommitmentForm):
    confirm = forms.BooleanField(
        label="Archive my current goal (its plan and check-ins are kept)",
        required=False,
    )

    def __init__(self, *args: Any, has_current: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if has_current:
            self.fields["confirm"].required = True
            self.fields["confirm"].error_messages["required"] = (
                "Tick the box to archive your current goal first; it stays in your records."
            )
        else:
            del self.fields["confirm"]


class CheckSentenceForm(forms.Form):
    sentence = forms.CharField(required=False)


class BlockerForm(PrefixedIds):
    id_prefix = "blocker"
    text = forms.CharField(
        label="But…",
        max_length=500,
        help_text="Whatever comes after the “but”: “I don't have time”, “I'd need a degree”…",
        error_messages={"required": "Write the “but…” you hear yourself say."},
    )


class ValueForm(PrefixedIds):
    id_prefix = "value"
    value = text_field(
        "The value",
        rows=3,
        help_text="What tangible good comes of it, something others can get excited about.",
    )
    value_for = text_field("For whom", rows=2, help_text="Who gains: people, a team, a company.")


class ReconForm(PrefixedIds):
    id_prefix = "recon"
    kind = forms.ChoiceField(label="What it is", choices=ReconItem.Kind.choices)
    side = forms.ChoiceField(label="Where it sits", choices=ReconItem.Side.choices)
    text = text_field("Describe it", rows=2)


class LinkForm(forms.Form):
    contact = forms.IntegerField(
        min_value=1, error_messages={"required": "Choose someone to link."}
    )


class ApproachForm(PrefixedIds):
    id_prefix = "approach"
    text = text_field(
        "An approach", rows=2, help_text="One way of getting there, informed by step 3."
    )


class MilestoneForm(PrefixedIds):
    id_prefix = "milestone"
    title = forms.CharField(
        label="Milestone",
        max_length=300,
        error_messages={"required": "Milestone: name it in a few words."},
    )
    due_on = forms.DateField(
        label="By when",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "By when: give a date.", "invalid": DATE_HINT},
    )


class NextActionForm(PrefixedIds):
    id_prefix = "action"
    text = forms.CharField(
        label="Next action",
        max_length=500,
        help_text="Small enough to start today.",
        error_messages={"required": "Next action: name one small step."},
    )


class DoneForm(forms.Form):
    done = forms.BooleanField(required=False)


class CheckInForm(PrefixedIds):
    id_prefix = "checkin"
    week = forms.TypedChoiceField(label="Week", coerce=int)
    did = text_field("What I did this week", rows=3)
    learned = text_field("What I learned", required=False)
    obstacles = text_field("Obstacles", required=False)
    next_actions = text_field("Next week's actions", required=False)
    progress = _score("Progress toward the goal, 0 to 10")
    confidence = _score("Confidence, 0 to 10")

    def __init__(self, *args: Any, week_now: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        weeks = range(min(max(week_now, 1), PLAN_WEEKS), 0, -1)
        field = cast(forms.TypedChoiceField, self.fields["week"])
        field.choices = [(week, f"Week {week}") for week in weeks]
        field.initial = weeks[0]
