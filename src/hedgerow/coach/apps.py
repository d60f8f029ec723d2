from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "hedgerow.coach"
    label = "coach"
