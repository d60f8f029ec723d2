from django import forms

from hedgerow.accounts.models import Profile
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

    class Meta:
        model = Profile
        fields = [
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
