"""What a person sends about someone on Today; the services decide the rest."""

from __future__ import annotations

from django import forms

from hedgerow.lib.forms import DATE_HINT
from hedgerow.vocabulary import InteractionKind, NotNow


class WroteForm(forms.Form):
    """I already wrote: what (optional), when (default today) and how (optional, a message by
    default; the contact page also offers an email, a call, a meeting or a note)."""

    text = forms.CharField(required=False, max_length=5000, strip=True)
    on = forms.DateField(required=False, error_messages={"invalid": f"When you wrote: {DATE_HINT}"})
    kind = forms.ChoiceField(
        required=False,
        choices=InteractionKind.choices(),
        error_messages={"invalid_choice": "How you were in touch: choose one from the list."},
    )

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or InteractionKind.MESSAGE


class NotNowForm(forms.Form):
    until = forms.ChoiceField(
        choices=NotNow.choices(),
        error_messages={"required": "Choose tomorrow, next week or next month."},
    )
