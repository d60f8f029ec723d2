from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from hedgerow.accounts import throttle
from hedgerow.accounts.models import DAILY_QUEUE_MAX, DAILY_QUEUE_MIN, Profile
from hedgerow.lib.addresses import address_key

MAX_INVITATION_NOTES = 100


class ProfileForm(forms.ModelForm):
    # Rule N4: LinkedIn's free plan allows a few personalised invitation notes a month.
    invitation_notes_per_month = forms.IntegerField(
        label="Personalised invitation notes a month",
        min_value=0,
        max_value=MAX_INVITATION_NOTES,
        required=False,
        help_text=(
            "How many invitations with a note your LinkedIn plan lets you send each month "
            "(5 on a free account). The composer counts them for you; it never stops you."
        ),
        error_messages={
            "invalid": "Personalised invitation notes a month: give a whole number from 0 to 100.",
            "min_value": "Personalised invitation notes a month: give a number from 0 to 100.",
            "max_value": "Personalised invitation notes a month: give a number from 0 to 100.",
        },
    )

    daily_queue = forms.IntegerField(
        label="People on Today each day",
        min_value=DAILY_QUEUE_MIN,
        max_value=DAILY_QUEUE_MAX,
        required=False,
        help_text=(
            f"Today picks at most this many people a day, {DAILY_QUEUE_MIN} to {DAILY_QUEUE_MAX} "
            "(7 suits most people): a few thoughtful notes, not a backlog. Everyone else waits "
            "behind “Show all”."
        ),
        error_messages={
            key: f"People on Today each day: give a number from {DAILY_QUEUE_MIN} to "
            f"{DAILY_QUEUE_MAX}."
            for key in ("invalid", "min_value", "max_value")
        },
    )

    class Meta:
        model = Profile
        fields = [
            "daily_queue",
            "linkedin_url",
            "email_addresses",
            "store_message_bodies",
            "invitation_notes_per_month",
        ]
        labels = {
            "linkedin_url": "Your LinkedIn profile address",
            "email_addresses": "Your email addresses",
            "store_message_bodies": "Keep the text of messages I import (LinkedIn and mail)",
        }
        widgets = {"email_addresses": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "linkedin_url": "We learn it from your invitations; set it here if we guessed wrong.",
            "email_addresses": (
                "One a line: mail from these is yours, mail to them is to you. Imports of your "
                "mail and calendar use them."
            ),
            "store_message_bodies": (
                "Off by default: we keep only who wrote to whom and when. "
                "Turn it on before importing to keep what was said."
            ),
        }

    def clean_email_addresses(self) -> str:
        lines = self.cleaned_data.get("email_addresses", "").replace(",", " ").split()
        for line in lines:
            if not address_key(line):
                raise forms.ValidationError(
                    f"Your email addresses: “{line}” is not an email address."
                )
        return "\n".join(dict.fromkeys(line.lower() for line in lines))

    def clean_invitation_notes_per_month(self) -> int:
        """Left empty, the allowance stays as it was."""
        value = self.cleaned_data.get("invitation_notes_per_month")
        return self.instance.invitation_notes_per_month if value is None else value

    def clean_daily_queue(self) -> int:
        """Left empty, the daily number stays as it was."""
        value = self.cleaned_data.get("daily_queue")
        return self.instance.daily_queue if value is None else value


class SignInForm(AuthenticationForm):
    """Django's sign-in form, counting failures per name and per address (accounts/throttle.py)."""

    throttled_for = 0  # seconds to wait, when too many tries came first

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request) if self.request else "unknown"
        try:
            throttle.check("sign-in", account=username, address=address)
        except throttle.Throttled as paused:
            self.throttled_for = paused.retry_after
            raise forms.ValidationError(str(paused), code="throttled") from None
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure("sign-in", account=username, address=address)
            raise
        if self.user_cache is not None:
            throttle.record_success("sign-in", account=username, address=address)
        return cleaned


class ChangePasswordForm(PasswordChangeForm):
    """Django's change-password form; a wrong current password counts as a failed sign-in, so a
    computer left signed in is no place to guess it (accounts/throttle.py)."""

    def __init__(self, user, data=None, *, address: str = "unknown") -> None:
        super().__init__(user, data)
        self.address = address
        self.throttled_for = 0

    def clean_old_password(self) -> str:
        name = self.user.get_username()
        try:
            throttle.check("sign-in", account=name, address=self.address)
        except throttle.Throttled as paused:
            self.throttled_for = paused.retry_after
            raise forms.ValidationError(str(paused), code="throttled") from None
        try:
            return super().clean_old_password()
        except forms.ValidationError:
            throttle.record_failure("sign-in", account=name, address=self.address)
            raise
