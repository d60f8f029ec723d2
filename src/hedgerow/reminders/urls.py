from django.urls import path

from hedgerow.reminders import views

app_name = "reminders"

urlpatterns = [
    path("accounts/settings/reminders/digest/", views.save_digest, name="digest"),
    path("accounts/settings/reminders/calendar/", views.new_calendar, name="calendar-new"),
    path(
        "accounts/settings/reminders/calendar/revoke/",
        views.revoke_calendar,
        name="calendar-revoke",
    ),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
