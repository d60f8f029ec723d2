from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "hedgerow.groups"
    label = "groups"
    verbose_name = "Groups"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from hedgerow.groups.departures import on_person_deleted

        # Groups carry on when a member's account is deleted, however it is deleted.
        pre_delete.connect(
            on_person_deleted, sender=settings.AUTH_USER_MODEL, dispatch_uid="groups-departure"
        )
