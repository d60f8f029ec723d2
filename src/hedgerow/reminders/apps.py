from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminders where people already look: a weekly email and a calendar they subscribe to."""

    name = "hedgerow.reminders"
    label = "reminders"
    default_auto_field = "django.db.models.BigAutoField"
