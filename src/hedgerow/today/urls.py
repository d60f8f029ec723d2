from django.urls import path

from hedgerow.today import views

app_name = "today"

urlpatterns = [
    path("", views.today, name="today"),
    path("today/", views.today, name="today-page"),
]
