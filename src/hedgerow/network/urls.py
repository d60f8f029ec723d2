from django.urls import path

from hedgerow.network import views

app_name = "network"

urlpatterns = [
    path("", views.today, name="today"),
    path("today/", views.today, name="today-page"),
    path("contacts/", views.contacts, name="contacts"),
    path("import/", views.import_page, name="import"),
]
