from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hedgerow.accounts"
    label = "accounts"
