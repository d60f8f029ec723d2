"""Small forms for the group pages; services do the rest."""

from __future__ import annotations

from typing import Any

from django import forms

from hedgerow.groups.elements import ELEMENTS, SCORE_LABELS, SCORES
from hedgerow.groups.models import DigestSetting, Idea, Membership, Reply
from hedgerow.groups.services import INVITE_DAYS, INVITE_MAX_DAYS, MAX_THRESHOLD, NAME_MAX
from hedgerow.lib.forms import DATE_HINT, PrefixedIds, text_field


class GroupForm(PrefixedIds):
    id_prefix = "group"
    name = forms.CharField(
        label="Name",
        max_length=NAME_MAX,
        error_messages={"required": "Name: give the group a name people will recognise."},
    )
    purpose = text_field("What the group is for", required=False, rows=2)
    start_date = forms.DateField(
        label="Week 1 starts on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The cohort's fifty weeks count from here, for your weekly prompt.",
        error_messages={"invalid": DATE_HINT},
    )


class ThresholdForm(PrefixedIds):
    id_prefix = "threshold"
    threshold = forms.IntegerField(
        label="Answers needed before results show",
        min_value=3,
        max_value=MAX_THRESHOLD,
        help_text="At least 3. You can raise it, never lower it.",
        error_messages={
            "required": "Answers needed: give a whole number.",
            "invalid": "Answers needed: give a whole number.",
            "min_value": "Answers needed: at least 3.",
            "max_value": f"Answers needed: at most {MAX_THRESHOLD}.",
        },
    )


class InviteForm(PrefixedIds):
    id_prefix = "invite"
    role = forms.ChoiceField(
        label="Joins as",
        choices=[
            (Membership.Role.MEMBER, "Member"),
            (Membership.Role.FACILITATOR, "Facilitator (can lead with you)"),
        ],
        initial=Membership.Role.MEMBER,
    )
    days = forms.IntegerField(
        label="Link works for (days)",
        min_value=1,
        max_value=INVITE_MAX_DAYS,
        initial=INVITE_DAYS,
        widget=forms.NumberInput(attrs={"min": 1, "max": INVITE_MAX_DAYS}),
        error_messages={
            "required": f"Days: from 1 to {INVITE_MAX_DAYS}.",
            "invalid": f"Days: from 1 to {INVITE_MAX_DAYS}.",
            "min_value": f"Days: from 1 to {INVITE_MAX_DAYS}.",
            "max_value": f"Days: from 1 to {INVITE_MAX_DAYS}.",
        },
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)


class ReplyForm(PrefixedIds):
    kind = forms.ChoiceField(
        label="Kind of reply",
        choices=Reply.Kind.choices,
        initial=Reply.Kind.ENCOURAGEMENT,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose encouragement, insight or suggestion."},
    )
    text = text_field("Your reply", rows=2)

    def __init__(self, *args: Any, checkin_id: int = 0, **kwargs: Any) -> None:
        self.id_prefix = f"reply-{checkin_id}"
        super().__init__(*args, **kwargs)


class ReactionForm(forms.Form):
    kind = forms.CharField()


class PromptForm(PrefixedIds):
    id_prefix = "prompt"
    text = text_field("This week's prompt", rows=2)


class NudgeForm(forms.Form):
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DigestForm(PrefixedIds):
    id_prefix = "digest"
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Email address: that does not look like one."},
    )
    frequency = forms.ChoiceField(
        label="Email me what is new in my groups",
        choices=DigestSetting.Frequency.choices,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("frequency") != DigestSetting.Frequency.NEVER and not data.get("email"):
            self.add_error("email", "Email address: give one, or choose never.")
        return data


class AnswerForm(forms.Form):
    """The fifteen elements, each 1-5, and one optional comment (rule T1)."""

    token = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label="A comment for the group (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown with the others' comments, in no particular order, once results show.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for element in ELEMENTS:
            self.fields[f"e{element.number}"] = forms.TypedChoiceField(
                label=f"{element.number}. {element.text}",
                choices=[(s, f"{s} · {SCORE_LABELS[s]}") for s in SCORES],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Element {element.number}: choose 1 to 5."},
            )

    def element_fields(self) -> list[forms.BoundField]:
        return [self[f"e{element.number}"] for element in ELEMENTS]

    def ratings(self) -> dict[str, int]:
        return {str(e.number): self.cleaned_data[f"e{e.number}"] for e in ELEMENTS}


class QuestionForm(PrefixedIds):
    id_prefix = "question"
    text = text_field("Your question to the group", rows=2)


class IdeaForm(PrefixedIds):
    id_prefix = "idea"
    kind = forms.ChoiceField(
        label="What you are offering",
        choices=Idea.Kind.choices,
        initial=Idea.Kind.IDEA,
        widget=forms.RadioSelect,
    )
    text = text_field("Your answer", rows=3)
    anonymous = forms.BooleanField(
        label="Post it without my name (nobody, the leader included, can tell it is mine)",
        required=False,
    )


class DecisionForm(PrefixedIds):
    id_prefix = "decision"
    decision = text_field("What will be done", rows=2)
    why = text_field("Why", rows=2)


class ShareForm(forms.Form):
    share = forms.ChoiceField(choices=[("goal", "goal"), ("stop", "stop")])
