"""The weekly digest email, text and HTML (templates under reminders/emails/). Django's mail is
the one way out: SMTP when a server is set (HEDGEROW_SMTP_HOST), files in the home folder
otherwise, memory in tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from hedgerow.groups.feed import display_name
from hedgerow.reminders.access import unsubscribe_token

if TYPE_CHECKING:
    from hedgerow.reminders.digest import WeeklyDigest


def absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def unsubscribe_url(person) -> str:
    return absolute(reverse("reminders:unsubscribe", args=[unsubscribe_token(person)]))


def send_weekly_digest(digest: WeeklyDigest) -> None:
    """One person's weekly digest; raises whatever the mail connection raises."""
    stop = unsubscribe_url(digest.person)
    context = {
        "name": display_name(digest.person),
        "digest": digest,
        "people": [
            {"person": person, "url": absolute(person.write_url)} for person in digest.queue
        ],
        "groups": [
            {"news": news, "url": absolute(reverse("groups:feed", args=[news.group.pk]))}
            for news in digest.groups
        ],
        "today_url": absolute(reverse("today:today")),
        "checkin_url": absolute(reverse("goals:checkin")),
        "settings_url": absolute(reverse("accounts:settings") + "#reminders"),
        "unsubscribe_url": stop,
    }
    message = EmailMultiAlternatives(
        subject=digest.subject[:150],
        body=render_to_string("reminders/emails/weekly.txt", context),
        to=[digest.person.email],
        # RFC 8058: mail programs offer one-click unsubscribe, a POST to the same signed link.
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string("reminders/emails/weekly.html", context), "text/html"
    )
    message.send()
