from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "hedgerow.practice"
    label = "practice"
