from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "hedgerow.network"
    label = "network"
