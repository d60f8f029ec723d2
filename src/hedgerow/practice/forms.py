"""Small forms for the practice pages; each error names its field, the services do the rest."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from hedgerow.lib.forms import DATE_HINT, PrefixedIds, text_field
from hedgerow.practice.models import Impulse, PracticeSession, Reflection


def score_field(label: str, *, required: bool = True) -> forms.IntegerField:
    """A 0-10 rating whose messages say which rating is wrong."""
    problem = f"{label} must be a whole number from 0 to 10."
    return forms.IntegerField(
        label=f"{label} (0-10)",
        min_value=0,
        max_value=10,
        required=required,
        error_messages={
            "required": f"{label} needs a number from 0 to 10.",
            "invalid": problem,
            "min_value": problem,
            "max_value": problem,
        },
    )


class PastDateField(forms.DateField):
    """A day that has already come: today or earlier, today by default."""

    widget = forms.DateInput(attrs={"type": "date"})

    def __init__(self, label: str, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"invalid": f"{label}: {DATE_HINT}"})
        super().__init__(label=label, **kwargs)
        self.name_for_errors = label

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError(
                f"{self.name_for_errors} is in the future; note it once it has happened."
            )


def _today(form: forms.Form, *names: str) -> None:
    for name in names:
        form.fields[name].initial = timezone.localdate()


# --- aspiration (A1) ------------------------------------------------------------------------------


class AspirationForm(PrefixedIds):
    id_prefix = "aspiration"
    aspiration = text_field("What do you aspire to?", required=False)
    strategy = text_field("What is your strategy?", required=False)
    birth_year = forms.IntegerField(
        label="The year you were born (optional)",
        required=False,
        help_text="Only the year. It decides which of the ages below you have already lived.",
        error_messages={"invalid": "Birth year must be a year, like 1984."},
    )


class ReflectionForm(PrefixedIds):
    id_prefix = "reflection"
    period = forms.ChoiceField(label="Looking back over", choices=Reflection.Period.choices)
    text = text_field("What have you done?", rows=4)
    written_on = PastDateField("Written on")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today(self, "written_on")


class RatingForm(PrefixedIds):
    id_prefix = "rating"
    clarity = score_field("Clarity")
    strategy = score_field("Strategy")
    focus = score_field("Focus")
    progress = score_field("Progress", required=False)


class AgesForm(PrefixedIds):
    """One answer per age the person has reached; later ages are not offered (rule A1)."""

    id_prefix = "ages"

    def __init__(self, *args: Any, ages: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for age in ages:
            self.fields[f"age_{age}"] = forms.CharField(
                label=f"At {age}", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def answers(self) -> dict[int, str]:
        return {int(name.removeprefix("age_")): text for name, text in self.cleaned_data.items()}


# --- action ratio (A2) ----------------------------------------------------------------------------


class ImpulseForm(PrefixedIds):
    id_prefix = "impulse"
    text = forms.CharField(
        label="An impulse to act",
        max_length=500,
        help_text="Write it the moment it comes to you; decide later. Enter saves it.",
        error_messages={
            "required": "Write the impulse in a few words first.",
            "max_length": "The impulse is too long; keep it under 500 characters.",
        },
    )


RIGHT_CHOICES = [("", "Not sure yet"), ("yes", "Yes"), ("no", "No")]


class SettleForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did you do?",
        choices=[c for c in Impulse.Outcome.choices() if c[0] != Impulse.Outcome.OPEN],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you did: acted, did not act, or something else."},
    )
    substitute = forms.CharField(
        label="What did you do instead? (if something safer)",
        required=False,
        max_length=300,
        error_messages={"max_length": "What you did instead: keep it under 300 characters."},
    )
    was_right = forms.ChoiceField(
        label="Looking back, was it the right call?", choices=RIGHT_CHOICES, required=False
    )
    note = forms.CharField(
        label="A note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, impulse_id: int, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"settle{impulse_id}_%s")
        super().__init__(*args, **kwargs)
        self.impulse_id = impulse_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        substituted = data.get("outcome") == Impulse.Outcome.SUBSTITUTED
        if substituted and not (data.get("substitute") or "").strip():
            self.add_error("substitute", "Say what you did instead, in a few words.")
        return data

    def right(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["was_right"])


class TargetForm(PrefixedIds):
    id_prefix = "target"
    percent = forms.IntegerField(
        label="Your target (% of impulses acted on)",
        min_value=0,
        max_value=100,
        error_messages={
            "required": "Target: give a percentage from 0 to 100.",
            "invalid": "Target must be a whole percentage from 0 to 100.",
            "min_value": "Target must be a whole percentage from 0 to 100.",
            "max_value": "Target must be a whole percentage from 0 to 100.",
        },
    )


# --- visibility (V1) ------------------------------------------------------------------------------


class AccomplishmentForm(PrefixedIds):
    id_prefix = "done"
    what = text_field("What did you do?", rows=2)
    impact = text_field("What difference did it make? (optional)", required=False, rows=2)
    beneficiaries = forms.CharField(
        label="Who benefited? (optional)", required=False, max_length=300
    )
    who_should_know = forms.CharField(
        label="Who should know about it? (optional)",
        required=False,
        max_length=300,
        help_text="Names or teams, separated by commas.",
    )
    happened_on = PastDateField("When")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today(self, "happened_on")


class UpdateRangeForm(PrefixedIds):
    """The dates an update covers; asked with GET so the page can be bookmarked."""

    id_prefix = "range"
    start = forms.DateField(
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": f"From: {DATE_HINT}", "required": "From: choose a date."},
    )
    end = forms.DateField(
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": f"To: {DATE_HINT}", "required": "To: choose a date."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "To is before From; swap them round.")
        return data


def default_range() -> dict[str, date]:
    """The last four weeks: about the span a manager update covers."""
    today = timezone.localdate()
    return {"start": today - timedelta(days=27), "end": today}


# --- confidence through skills (C1) ---------------------------------------------------------------


class PracticeForm(PrefixedIds):
    id_prefix = "practice"
    skill = forms.ChoiceField(label="Skill", choices=PracticeSession.Skill.choices())
    situation = text_field("The situation", rows=2)
    preparation = text_field("How you prepared (optional)", required=False, rows=2)
    confidence_before = score_field("Confidence before")
    confidence_after = score_field("Confidence after")
    practised_on = PastDateField("When")
    notes = text_field("Notes (optional)", required=False, rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today(self, "practised_on")


class PitchForm(PrefixedIds):
    """The parts of "who I am and what I do"; each label starts the sentence it will end."""

    id_prefix = "pitch"
    audience = forms.CharField(
        label="Who is it for? (optional)",
        required=False,
        max_length=200,
        help_text="For example: a networking event, a recruiter, a new team.",
    )
    who_i_am = text_field("Who you are: \u201cI\u2019m \u2026\u201d", required=False, rows=2)
    what_i_do = text_field("What you do: \u201cI \u2026\u201d", required=False, rows=2)
    for_whom = text_field("For whom: \u201cfor \u2026\u201d", required=False, rows=2)
    proof = text_field("An example or result: \u201cOne example: \u2026\u201d", required=False)
    ask = text_field(
        "What you would like to talk about: \u201cI\u2019d love to talk about \u2026\u201d",
        required=False,
        rows=2,
    )
    text = text_field(
        "Your pitch, as you would say it",
        required=False,
        rows=6,
        help_text="Leave it empty and it is put together from the parts above; then make it yours.",
    )
