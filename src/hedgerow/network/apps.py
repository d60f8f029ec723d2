from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "hedgerow.network"
    label = "network"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from hedgerow.network.removal import on_person_deleted

        # Uploads waiting for a confirmation are files, not rows: they go with their person.
        pre_delete.connect(
            on_person_deleted, sender=settings.AUTH_USER_MODEL, dispatch_uid="network-departure"
        )
