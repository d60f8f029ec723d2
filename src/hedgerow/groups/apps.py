from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "hedgerow.groups"
    label = "groups"
    verbose_name = "Groups"
