from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    """Your data is yours: everything you own, out as files (export), and the whole home kept
    safe (backup and restore)."""

    name = "hedgerow.portability"
    label = "portability"
    default_auto_field = "django.db.models.BigAutoField"
