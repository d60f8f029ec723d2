"""The Today page's server time, in this process, against the bench home."""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

WARM_UP = 3


@dataclass(frozen=True)
class TodayTimes:
    page_ms: float
    agenda_ms: float
    floor_ms: float  # a signed-in page that reads next to nothing: the framework's own cost


def setup_django(home: Path) -> None:
    os.environ["HEDGEROW_HOME"] = str(home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    import django

    django.setup()


def mark_core_contacts(username: str, count: int) -> None:
    """Core contacts make Today's "due" section do its real work (rule N8)."""
    from django.contrib.auth import get_user_model

    from hedgerow.network.access import contacts_of
    from hedgerow.network.services import set_core

    user = get_user_model().objects.get(username=username)
    for contact in contacts_of(user).filter(connected=True).order_by("pk")[::97][:count]:
        set_core(contact=contact)


def median_ms(action, runs: int) -> float:
    for _ in range(WARM_UP):
        action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure_today(username: str, runs: int = 20) -> TodayTimes:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from hedgerow.network.agenda import build_agenda

    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)

    def get(path: str) -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"bench: GET {path} answered {response.status_code}")

    return TodayTimes(
        page_ms=median_ms(lambda: get("/today/"), runs),
        agenda_ms=median_ms(lambda: build_agenda(user, update_limit=25), runs),
        floor_ms=median_ms(lambda: get("/accounts/settings/"), runs),
    )
