from django.urls import path

from hedgerow.portability import views

app_name = "portability"

urlpatterns = [
    path("settings/export/", views.download_export, name="export"),
]
