"""What a person sends about someone on Today; the services decide the rest."""

from __future__ import annotations

from django import forms

from hedgerow.lib.forms import DATE_HINT
from hedgerow.vocabulary import NotNow


class WroteForm(forms.Form):
    """I already wrote: what (optional) and when (default today)."""

    text = forms.CharField(required=False, max_length=5000, strip=True)
    on = forms.DateField(required=False, error_messages={"invalid": f"When you wrote: {DATE_HINT}"})


class NotNowForm(forms.Form):
    until = forms.ChoiceField(
        choices=NotNow.choices(),
        error_messages={"required": "Choose tomorrow, next week or next month."},
    )
