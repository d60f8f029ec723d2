from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "hedgerow.today"
    label = "today"
