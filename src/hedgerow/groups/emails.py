"""Email from groups, through one module of named functions, each with a text and an HTML part
(templates under groups/emails/). Django's mail is the one way out: SMTP when a server is set
(HEDGEROW_SMTP_HOST), files in the home folder otherwise, memory in tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from hedgerow.groups.feed import display_name

if TYPE_CHECKING:
    from hedgerow.groups.digest import Digest


def absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def send_digest(digest: Digest) -> None:
    """One person's digest of their groups; raises whatever the mail connection raises."""
    context = {
        "name": display_name(digest.person),
        "digest": digest,
        "groups": [
            {"news": news, "url": absolute(reverse("groups:feed", args=[news.group.pk]))}
            for news in digest.groups
        ],
        "settings_url": absolute(reverse("groups:digest")),
        "checkin_url": absolute(reverse("goals:checkin")),
        "base_url": settings.BASE_URL,
    }
    names = ", ".join(n.group.name for n in digest.groups)
    subject = f"What's new in {names}"
    message = EmailMultiAlternatives(
        subject=subject[:150],
        body=render_to_string("groups/emails/digest.txt", context),
        to=[digest.person.email],
        headers={"List-Unsubscribe": f"<{context['settings_url']}>"},
    )
    message.attach_alternative(render_to_string("groups/emails/digest.html", context), "text/html")
    message.send()
