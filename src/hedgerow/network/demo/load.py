"""The demo home behind `make run`: a lived-in network, built through the real importer."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

from hedgerow.network.demo.archive import DemoNetwork

# --- the demo home -------------------------------------------------------------------------------

DEMO_SEED = 2026
DEMO_CONNECTIONS = 500
DEMO_MESSAGES = 4000
EARLIER_EXPORT_DAYS = 91  # the demo person downloaded their archive once a season ago
CORE_DUE = 7
CORE_CURRENT = 5
POSTS = (
    "Shared an article on calm onboarding for new engineers",
    "Posted about their team's launch in Lisbon",
    "Commented on a thread about four-day weeks",
    "Shared slides from their conference talk",
)


def load_demo(
    *,
    username: str = "demo",
    password: str = "demo",  # noqa: S107 - the demo's published password
    today: date | None = None,
) -> AbstractUser:
    """The demo person with a lived-in network: two LinkedIn exports a season apart, imported.

    Idempotent: when the person exists already, nothing changes and they are returned.
    """
    # Django is imported here so the archive writer above runs without settings (the bench).
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from hedgerow.accounts.services import add_person
    from hedgerow.network.importers.linkedin import import_linkedin

    existing = get_user_model().objects.filter(username__iexact=username).first()
    if existing is not None:
        return existing
    today = today or timezone.localdate()
    earlier = DemoNetwork.generate(
        connections=DEMO_CONNECTIONS,
        messages=DEMO_MESSAGES,
        seed=DEMO_SEED,
        exported_on=today - timedelta(days=EARLIER_EXPORT_DAYS),
    )
    later = earlier.evolve(exported_on=today)
    with tempfile.TemporaryDirectory(prefix="hedgerow-demo-") as tmp, transaction.atomic():
        user = add_person(username=username)
        user.set_password(password)
        user.save(update_fields=["password"])
        for network in (earlier, later):
            archive = network.write(Path(tmp) / f"linkedin-{network.exported_on}.zip")
            import_linkedin(owner=user, path=archive)
        _choose_core_contacts(user, today=today, since=earlier.exported_on)
        _record_posts(user, today=today)
    return user


def _choose_core_contacts(user: AbstractUser, *, today: date, since: date) -> None:
    """Rule N8: some core contacts heard from long ago (due today), some recently (not due)."""
    from django.db.models import Max

    from hedgerow.network.access import contacts_of
    from hedgerow.network.services import set_core, start_of_day

    talked = (
        contacts_of(user)
        .filter(connected=True)
        .annotate(last_at=Max("interactions__occurred_at"))
        .filter(last_at__isnull=False)
        .order_by("last_at", "pk")
    )
    long_ago = list(
        talked.filter(
            last_at__gte=start_of_day(today - timedelta(days=330)),
            last_at__lt=start_of_day(today - timedelta(days=100)),
        )
    )
    recent = list(talked.filter(last_at__gte=start_of_day(today - timedelta(days=30))))
    for contact in _spread(long_ago, CORE_DUE) + _spread(recent, CORE_CURRENT):
        # A few keep a cadence of their own, within the two-to-three months of rule N8.
        every = (None, 60, 90)[contact.pk % 3]
        set_core(contact=contact, every=every, on=since)


def _spread(items: list, k: int) -> list:
    """k items evenly spread over the list, so the picks span its whole range."""
    if len(items) <= k:
        return items
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


def _record_posts(user: AbstractUser, *, today: date) -> None:
    """Rule N1: a few posts the demo person noticed on LinkedIn and noted down."""
    from hedgerow.network.access import contacts_of
    from hedgerow.network.models import Update
    from hedgerow.network.services import record_update

    people = list(contacts_of(user).filter(connected=True, is_core=False).order_by("pk")[:40])
    for days_ago, (contact, summary) in enumerate(
        zip(_spread(people, len(POSTS)), POSTS, strict=False)
    ):
        slug = contact.linkedin_url.rsplit("/", 1)[-1]
        record_update(
            contact=contact,
            kind=Update.Kind.POST,
            summary=summary,
            url=f"https://www.linkedin.com/posts/{slug}_activity",
            on=today - timedelta(days=days_ago * 2),
        )
