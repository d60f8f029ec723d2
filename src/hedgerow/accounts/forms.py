from django import forms

from hedgerow.accounts.models import Profile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["linkedin_url", "store_message_bodies"]
        labels = {
            "linkedin_url": "Your LinkedIn profile address",
            "store_message_bodies": "Keep the text of LinkedIn messages I import",
        }
        help_texts = {
            "linkedin_url": "We learn it from your invitations; set it here if we guessed wrong.",
            "store_message_bodies": (
                "Off by default: we keep only who wrote to whom and when. "
                "Turn it on before importing to keep what was said."
            ),
        }
