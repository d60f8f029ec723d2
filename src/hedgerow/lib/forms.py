"""Small helpers for Django forms that every app's pages share."""

from __future__ import annotations

from typing import Any

from django import forms

DATE_HINT = "Give the date as YYYY-MM-DD, for example 2026-11-25."


class PrefixedIds(forms.Form):
    """Several forms share a page, so each gives its fields' ids its own prefix."""

    id_prefix = "id"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


def text_field(label: str, *, required: bool = True, rows: int = 3, **kwargs: Any):
    """A box for a few lines whose "required" message names the box."""
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"{label}: a few words are enough."},
        **kwargs,
    )


def first_error(form: forms.BaseForm) -> str:
    """The first problem a form found, as one sentence to show the person."""
    for errors in form.errors.values():
        return str(errors[0])
    return "Something in that form needs another look."
