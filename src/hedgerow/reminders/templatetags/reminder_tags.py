"""The Settings page's Reminders section, drawn by this app so Settings (accounts) need not
know it exists."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse

from hedgerow.reminders.access import reminder_setting_or_default
from hedgerow.reminders.models import WEEKDAYS

register = template.Library()


@register.inclusion_tag("reminders/_settings.html", takes_context=True)
def reminder_settings(context: template.Context) -> dict:
    request = context["request"]
    setting = reminder_setting_or_default(request.user)
    feed = ""
    if setting.calendar_token:
        feed = settings.BASE_URL + reverse("reminders:calendar", args=[setting.calendar_token])
    return {
        "csrf_token": context.get("csrf_token"),
        "setting": setting,
        "email": request.user.email,
        "weekdays": list(enumerate(WEEKDAYS)),
        "feed": feed,
    }
