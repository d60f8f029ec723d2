"""Small forms that validate what people send from the network pages; services do the rest."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from hedgerow.lib.forms import DATE_HINT, PrefixedIds
from hedgerow.network.importers.limits import size_text
from hedgerow.network.listing import SHOWS, SORTS
from hedgerow.network.models import (
    DEFAULT_CADENCE_DAYS,
    MAX_CADENCE_DAYS,
    MIN_CADENCE_DAYS,
    Tag,
    Update,
)
from hedgerow.vocabulary import InteractionKind

# How someone can get in touch with you: everything but a note, which only you write.
HEARD_KINDS = [(value, label) for value, label in InteractionKind.choices() if value != "note"]


class HeardForm(forms.Form):
    """They got in touch (the contact page's menu): what they said and how (both optional, a
    message by default), and when (today unless said)."""

    text = forms.CharField(required=False, max_length=5000, strip=True)
    on = forms.DateField(
        required=False, error_messages={"invalid": f"When they got in touch: {DATE_HINT}"}
    )
    kind = forms.ChoiceField(
        required=False,
        choices=HEARD_KINDS,
        error_messages={"invalid_choice": "How they got in touch: choose one from the list."},
    )

    def clean_on(self) -> date | None:
        day: date | None = self.cleaned_data["on"]
        if day is not None and day > timezone.localdate():
            raise forms.ValidationError("That date is in the future; save it once it has happened.")
        return day

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or InteractionKind.MESSAGE


class RecordUpdateForm(PrefixedIds):
    id_prefix = "update"
    kind = forms.ChoiceField(label="What you saw", choices=Update.Kind.choices())
    summary = forms.CharField(
        label="In a few words",
        max_length=500,
        error_messages={"required": "Say in a few words what they posted or changed."},
    )
    url = forms.URLField(
        label="Link (optional)", required=False, max_length=500, assume_scheme="https"
    )


class CoreForm(PrefixedIds):
    id_prefix = "core"
    is_core = forms.BooleanField(label="A core contact", required=False)
    cadence_days = forms.IntegerField(
        label="Stay in touch every … days",
        min_value=MIN_CADENCE_DAYS,
        max_value=MAX_CADENCE_DAYS,
        initial=DEFAULT_CADENCE_DAYS,
        error_messages={
            "min_value": f"Choose between {MIN_CADENCE_DAYS} and {MAX_CADENCE_DAYS} days.",
            "max_value": f"Choose between {MIN_CADENCE_DAYS} and {MAX_CADENCE_DAYS} days.",
        },
    )


class NotesForm(PrefixedIds):
    id_prefix = "notes"
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    tags = forms.CharField(
        label="Tags, separated by commas",
        required=False,
        max_length=2000,
        help_text="For example: mentor, former colleague, design",
    )

    def clean_tags(self) -> list[str]:
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


CONNECTED_CHOICES = [("", "Anyone"), ("yes", "Still connected"), ("no", "No longer connected")]


class ContactFilterForm(forms.Form):
    # No max_length: network.search reads a bounded part of any text and says what it left out.
    q = forms.CharField(label="Search name, email or company", required=False)
    company = forms.CharField(label="Company", required=False, max_length=300)
    tag = forms.ModelChoiceField(
        label="Tag", required=False, queryset=Tag.objects.none(), empty_label="Any tag"
    )
    connected = forms.ChoiceField(label="Connection", required=False, choices=CONNECTED_CHOICES)
    core = forms.BooleanField(label="Core contacts only", required=False)
    show = forms.ChoiceField(required=False, choices=list(SHOWS.items()))
    sort = forms.ChoiceField(
        required=False, choices=[(s, s) for key in SORTS for s in (key, f"-{key}")]
    )

    def __init__(self, *args: Any, tags: QuerySet[Tag] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if tags is not None:
            self.fields["tag"].queryset = tags  # type: ignore[attr-defined]


SOURCE_CHOICES = [
    ("linkedin", "LinkedIn archive (.zip)"),
    ("vcard", "vCard file (.vcf)"),
    ("google-csv", "Google Contacts export (.csv)"),
    ("mbox", "Mail archive (.mbox, e.g. Gmail Takeout)"),
    ("ics", "Calendar (.ics)"),
]


def upload_too_big(size: int) -> str:
    """Why an upload was refused, in one sentence (the cap is HEDGEROW_MAX_UPLOAD_MB)."""
    cap = size_text(settings.HEDGEROW_MAX_UPLOAD_BYTES)
    return (
        f"That file is {size_text(size)}, and this page takes files up to {cap}; "
        "import it with `hedgerow import` on the server instead."
    )


class ImportForm(forms.Form):
    source = forms.ChoiceField(label="What you are importing", choices=SOURCE_CHOICES)
    file = forms.FileField(
        label="File",
        error_messages={"required": "Choose the file to import.", "empty": "That file is empty."},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.HEDGEROW_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(upload_too_big(upload.size))
        return upload

    keep_message_text = forms.BooleanField(
        label="Keep the text of LinkedIn messages and mail",
        required=False,
        help_text="Off by default: we keep only who wrote to whom and when.",
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("merge", "Same person"), ("separate", "Different")])
