"""A person with something in every part of Hedgerow, and an outsider with the same kinds of rows,
each marked with their own word, so a test can tell whose data an export holds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hedgerow.goals import services as goal_services
from hedgerow.groups import services as group_services
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    Interaction,
    Invitation,
    Tag,
    Update,
)
from hedgerow.practice.models import (
    Accomplishment,
    Aspiration,
    Impulse,
    PracticeSession,
    Reflection,
)

START = date(2026, 11, 9)


def fill(person, word: str) -> Contact:
    """Rows of every kind for `person`, each text carrying `word`."""
    now = timezone.now()
    contact = Contact.objects.create(
        owner=person,
        name=f"Ana {word}",
        first_name="Ana",
        last_name=word,
        company=f"{word} Press",
        position="Editor",
        notes=f"Met at the {word} fair.",
        linkedin_url=f"https://www.linkedin.com/in/ana-{word.lower()}",
        is_core=True,
        core_since=date(2026, 8, 1),
    )
    ContactEmail.objects.create(owner=person, contact=contact, email=f"ana@{word.lower()}.org")
    ContactPhone.objects.create(
        owner=person, contact=contact, number="+44 20 7946 0001", key="207946001", label="work"
    )
    tag = Tag.objects.create(owner=person, name=f"{word}-circle")
    contact.tags.add(tag)
    Interaction.objects.create(
        owner=person,
        contact=contact,
        kind="message",
        direction="outgoing",
        occurred_at=now - timedelta(days=100),
        subject=f"Lunch, {word}?",
        text=f"How did the {word} launch go?",
    )
    Update.objects.create(
        owner=person,
        contact=contact,
        kind="new_position",
        summary=f"Started at {word} Books",
        detected_on=date(2026, 11, 20),
    )
    Invitation.objects.create(
        owner=person,
        contact=contact,
        name=contact.name,
        direction="outgoing",
        sent_at=now - timedelta(days=10),
        note=f"Hello from {word}",
        status="accepted",
        accepted_on=date(2026, 11, 23),
    )
    goal = goal_services.start_goal(
        owner=person, sentence=f"Publish the {word} novel by June.", start_date=START
    )
    goal_services.record_checkin(
        goal=goal, week=2, did=f"Wrote the {word} chapter.", progress=2, confidence=6
    )
    Aspiration.objects.create(owner=person, aspiration=f"Write {word} books for a living.")
    Reflection.objects.create(
        owner=person, period="week", text=f"A {word} week.", written_on=date(2026, 11, 20)
    )
    Impulse.objects.create(owner=person, text=f"Quit for {word}", captured_at=now)
    Accomplishment.objects.create(
        owner=person, happened_on=date(2026, 10, 1), what=f"Shipped {word} issue"
    )
    PracticeSession.objects.create(
        owner=person,
        skill="interview",
        practised_on=date(2026, 11, 2),
        situation=f"Mock {word} interview",
        confidence_before=3,
        confidence_after=5,
    )
    group = group_services.create_group(creator=person, name=f"{word} circle", start_date=START)
    membership = group.memberships.get(owner=person)
    group_services.post_prompt(membership=membership, text=f"One {word} thing this week?")
    return contact


@pytest.fixture
def alice_data(owner, fixed_clock):
    return fill(owner, "Alicewords")


@pytest.fixture
def mallory_data(outsider, fixed_clock):
    return fill(outsider, "Mallorysecret")
