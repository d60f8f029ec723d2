"""The only ways to reach a person's reminder settings: as themselves, by the secret in their
calendar address, or by the signed link in a digest's footer (no sign-in for those two)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core import signing

from hedgerow.lib.http import User as Anyone
from hedgerow.reminders.models import ReminderSetting

UNSUBSCRIBE_SALT = "hedgerow.reminders.unsubscribe"


def reminder_setting_of(user: Anyone) -> ReminderSetting:
    setting, _ = ReminderSetting.objects.get_or_create(owner_id=user.pk)
    return setting


def reminder_setting_or_default(user: User) -> ReminderSetting:
    """For reading (Settings, the CLI): the saved setting, or the default, without a write."""
    found = ReminderSetting.objects.filter(owner_id=user.pk).first()
    return found or ReminderSetting(owner_id=user.pk)


def setting_for_calendar(token: str) -> ReminderSetting | None:
    """The feed's owner, by the secret in its address; a revoked or wrong one finds no one."""
    if not token:
        return None
    return (
        ReminderSetting.objects.select_related("owner")
        .filter(calendar_token=token, owner__is_active=True)
        .first()
    )


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def setting_for_unsubscribe(token: str) -> ReminderSetting | None:
    """Whose digest a footer link stops; a tampered link finds no one."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return ReminderSetting.objects.select_related("owner").filter(owner_id=pk).first()
