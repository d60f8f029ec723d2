from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "hedgerow.goals"
    label = "goals"
