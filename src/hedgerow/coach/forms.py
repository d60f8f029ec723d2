"""The composer's one form: the note as the person wrote it."""

from __future__ import annotations

from django import forms

MAX_NOTE_CHARS = 5000  # far past any good note; keeps a pasted essay from being checked


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Your note",
        strip=True,
        max_length=MAX_NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 7}),
        error_messages={
            "required": "Your note is empty: write a few words first; a short note is plenty.",
            "max_length": "Your note is over %(limit_value)d characters; a good note is far "
            "shorter.",
        },
    )
