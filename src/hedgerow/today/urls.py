from django.urls import path

from hedgerow.today import views

app_name = "today"

urlpatterns = [
    path("", views.today, name="today"),
    path("today/", views.today, name="today-page"),
    path("today/contacts/<int:pk>/wrote/", views.wrote, name="wrote"),
    path("today/contacts/<int:pk>/not-now/", views.not_now, name="not-now"),
    path("today/contacts/<int:pk>/skip/", views.skip, name="skip"),
    path("today/actions/<int:pk>/undo/", views.undo, name="undo"),
]
