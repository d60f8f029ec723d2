"""Writes to a person's reminders: the digest's day and address, the calendar address."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from hedgerow.lib.errors import InvalidInput
from hedgerow.reminders.access import reminder_setting_of
from hedgerow.reminders.models import WEEKDAYS, ReminderSetting


def parse_weekday(text: str) -> int | None:
    """'monday'…'sunday' (or 'mon'), 'off' or '': the digest's day as date.weekday()."""
    word = text.strip().lower()
    if word in {"", "off", "never", "none"}:
        return None
    for number, day in enumerate(WEEKDAYS):
        if word in {day.lower(), day.lower()[:3], str(number)}:
            return number
    raise InvalidInput(f"Digest day: {text!r} is not a day of the week (or off).")


@transaction.atomic
def save_digest_setting(*, person: User, email: str, weekday: int | None) -> ReminderSetting:
    """The weekly digest on a day (0 is Monday) to `email`, or off (None)."""
    email = (email or "").strip()
    if weekday is not None and not 0 <= weekday <= 6:
        raise InvalidInput("Digest day: choose a day from Monday to Sunday, or off.")
    if weekday is not None and not email:
        raise InvalidInput("Email address: give one for the weekly digest, or turn it off.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidInput(f"Email address: {email!r} does not look like one.") from None
        if email != person.email:
            person.email = email
            person.save(update_fields=["email"])
    setting = reminder_setting_of(person)
    setting.digest_weekday = weekday
    setting.save(update_fields=["digest_weekday"])
    return setting


def stop_digest(*, setting: ReminderSetting) -> None:
    """The footer's unsubscribe link: no more weekly digests, until the person turns it on."""
    if setting.digest_weekday is not None:
        setting.digest_weekday = None
        setting.save(update_fields=["digest_weekday"])


def new_calendar_address(*, person: User) -> ReminderSetting:
    """A fresh secret for the calendar feed; any address given before stops working."""
    setting = reminder_setting_of(person)
    setting.calendar_token = secrets.token_urlsafe(24)
    setting.calendar_since = timezone.now()
    setting.save(update_fields=["calendar_token", "calendar_since"])
    return setting


def revoke_calendar_address(*, person: User) -> ReminderSetting:
    setting = reminder_setting_of(person)
    setting.calendar_token = ""
    setting.calendar_since = None
    setting.save(update_fields=["calendar_token", "calendar_since"])
    return setting
