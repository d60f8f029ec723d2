"""Alice with a day's queue (an acceptance, an update, a core contact overdue), a core contact
due in two months, a goal in its third week and a group; Mallory with the same kinds of rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hedgerow.network.models import Contact, Interaction
from hedgerow.reminders import services
from tests.portability.conftest import fill


@pytest.fixture
def alice_week(owner, fixed_clock):
    ana = fill(owner, "Alicewords")
    ben = Contact.objects.create(
        owner=owner, name="Ben Okafor", is_core=True, connected=True, connected_on=date(2025, 3, 1)
    )
    Interaction.objects.create(
        owner=owner,
        contact=ben,
        kind="meeting",
        direction="mutual",
        occurred_at=timezone.now() - timedelta(days=10),
    )
    return ana, ben


@pytest.fixture
def mallory_week(outsider, fixed_clock):
    return fill(outsider, "Mallorysecret")


@pytest.fixture
def feed_token(owner):
    return services.new_calendar_address(person=owner).calendar_token
