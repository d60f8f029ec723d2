"""Small helpers for Django forms that every app's views share."""

from __future__ import annotations

from django import forms


def first_error(form: forms.BaseForm) -> str:
    """The first problem a form found, as one sentence to show the person."""
    for errors in form.errors.values():
        return str(errors[0])
    return "Something in that form needs another look."
