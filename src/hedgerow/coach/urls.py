from django.urls import path, register_converter

from hedgerow.coach import views
from hedgerow.coach.drafts import OCCASIONS


class Occasion:
    regex = "|".join(OCCASIONS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TodaySection:
    """The Today sections a note can answer: an update (N1), a follow-up (N5), a due contact."""

    regex = "update|follow-up|due"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(Occasion, "occasion")
register_converter(TodaySection, "section")

app_name = "coach"

urlpatterns = [
    path("today/<section:kind>/<int:pk>/", views.compose, name="item"),
    path("today/<section:kind>/<int:pk>/check/", views.check, name="item-check"),
    path("today/<section:kind>/<int:pk>/send/", views.send, name="item-send"),
    path("contacts/<int:pk>/<occasion:occasion>/", views.compose, name="contact"),
    path("contacts/<int:pk>/<occasion:occasion>/check/", views.check, name="contact-check"),
    path("contacts/<int:pk>/<occasion:occasion>/send/", views.send, name="contact-send"),
]
