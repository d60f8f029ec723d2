"""Page-test helpers: a fixed clock and small factories for what Today lists."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from hedgerow.network.models import Interaction, Invitation, Update

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=ZoneInfo("UTC"))
TODAY = NOW.date()


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def make_update():
    def make(contact, summary="Started as Head of Design at Lumen", **fields) -> Update:
        fields.setdefault("kind", Update.Kind.NEW_POSITION)
        fields.setdefault("detected_on", date(2026, 3, 10))
        return Update.objects.create(
            owner_id=contact.owner_id, contact=contact, summary=summary, **fields
        )

    return make


@pytest.fixture
def make_follow_up():
    def make(contact, accepted_on=date(2026, 3, 12), **fields) -> Invitation:
        return Invitation.objects.create(
            owner_id=contact.owner_id,
            contact=contact,
            name=contact.name,
            direction=Invitation.Direction.OUTGOING,
            sent_at=at(date(2026, 3, 1)),
            status=Invitation.Status.ACCEPTED,
            accepted_on=accepted_on,
            **fields,
        )

    return make


@pytest.fixture
def make_interaction():
    def make(contact, on: date, direction=Interaction.Direction.OUTGOING, **fields):
        fields.setdefault("kind", Interaction.Kind.MESSAGE)
        return Interaction.objects.create(
            owner_id=contact.owner_id,
            contact=contact,
            direction=direction,
            occurred_at=at(on),
            **fields,
        )

    return make
