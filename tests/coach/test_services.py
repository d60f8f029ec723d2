"""Around a note: the invitation allowance, the conversation so far (N6), and marking it sent."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hedgerow.accounts.services import profile_of
from hedgerow.coach.services import conversation_with, invitation_quota, mark_sent, target_for
from hedgerow.lib.errors import InvalidInput
from hedgerow.network.models import Interaction, Invitation, Update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
TODAY = date(2026, 11, 25)


@pytest.fixture
def ana(owner, make_contact):
    return make_contact(
        owner, "Ana Ruiz", company="Lumen", linkedin_url="https://www.linkedin.com/in/ana"
    )


def invitation(owner, sent_at, note="Hi! We met at the summit. What are you up to?", **fields):
    fields.setdefault("direction", "outgoing")
    return Invitation.objects.create(
        owner=owner, name="Someone", sent_at=sent_at, note=note, **fields
    )


def message(contact, on: datetime, direction="outgoing", kind="message"):
    return Interaction.objects.create(
        owner=contact.owner, contact=contact, kind=kind, direction=direction, occurred_at=on
    )


def test_it_counts_invitation_notes_sent_this_calendar_month(owner, outsider):
    invitation(owner, datetime(2026, 11, 1, 0, 5, tzinfo=UTC))
    invitation(owner, datetime(2026, 11, 24, tzinfo=UTC))
    invitation(owner, datetime(2026, 10, 31, 23, 55, tzinfo=UTC))  # last month
    invitation(owner, datetime(2026, 11, 20, tzinfo=UTC), note="")  # no note: not counted
    invitation(owner, datetime(2026, 11, 20, tzinfo=UTC), direction="incoming")
    invitation(outsider, datetime(2026, 11, 20, tzinfo=UTC))

    quota = invitation_quota(owner=owner)

    assert (quota.used, quota.allowance) == (2, 5)
    assert not quota.used_up
    assert quota.advice is None
    assert quota.summary == "2 of 5 personalised notes sent this month"


def test_it_says_plainly_when_the_allowance_is_used_up(owner):
    profile = profile_of(owner)
    profile.invitation_notes_per_month = 1
    profile.save()
    invitation(owner, datetime(2026, 11, 3, tzinfo=UTC))

    quota = invitation_quota(owner=owner)

    assert quota.used_up
    assert quota.advice is not None
    assert "used this month's 1 personalised invitation notes" in quota.advice


def test_it_records_an_invitation_as_pending_and_counts_it(owner, ana):
    sent = mark_sent(contact=ana, occasion="invitation", text="  Hi Ana, remember the summit?  ")

    row = Invitation.objects.get(contact=ana)
    assert (row.direction, row.status, row.source) == ("outgoing", "pending", "hedgerow")
    assert row.note == "Hi Ana, remember the summit?"
    assert row.linkedin_url == "https://www.linkedin.com/in/ana"
    assert sent.quota is not None and sent.quota.used == 1
    assert not Interaction.objects.exists()
    assert conversation_with(contact=ana).pending_invitation_on == TODAY


def test_it_refuses_an_invitation_longer_than_linkedin_takes(ana):
    with pytest.raises(InvalidInput, match="at most 300 characters"):
        mark_sent(contact=ana, occasion="invitation", text="x" * 301)
    assert not Invitation.objects.exists()


def test_it_refuses_an_empty_note(ana):
    with pytest.raises(InvalidInput, match=r"^text:"):
        mark_sent(contact=ana, occasion="keep-in-touch", text="   ")


def test_it_logs_the_note_and_settles_the_update_it_answers(ana):
    update = Update.objects.create(
        owner=ana.owner, contact=ana, kind="post", summary="A post", detected_on=TODAY
    )

    sent = mark_sent(
        contact=ana, occasion="acknowledgement", text="Loved your post! How?", target=update
    )

    update.refresh_from_db()
    assert update.acknowledged_on == TODAY
    assert sent.interaction is not None
    logged = Interaction.objects.get(contact=ana)
    assert (logged.kind, logged.direction, logged.source) == ("message", "outgoing", "hedgerow")
    assert logged.text == "Loved your post! How?"
    assert sent.confirmation == "Your note to Ana Ruiz is logged."


def test_it_settles_the_follow_up_it_answers(ana):
    accepted = invitation(
        ana.owner,
        datetime(2026, 11, 1, tzinfo=UTC),
        contact=ana,
        status="accepted",
        accepted_on=date(2026, 11, 20),
    )
    assert target_for(contact=ana, occasion="follow-up") == accepted

    mark_sent(contact=ana, occasion="follow-up", text="Thanks! Coffee soon?", target=accepted)

    accepted.refresh_from_db()
    assert accepted.replied_on == TODAY
    assert target_for(contact=ana, occasion="follow-up") is None


def test_it_refuses_a_today_item_about_someone_else(owner, ana, make_contact):
    bo = make_contact(owner, "Bo Li")
    update = Update.objects.create(
        owner=owner, contact=bo, kind="post", summary="A post", detected_on=TODAY
    )

    with pytest.raises(InvalidInput, match="someone else"):
        mark_sent(contact=ana, occasion="acknowledgement", text="Hello?", target=update)
    update.refresh_from_db()
    assert update.acknowledged_on is None


def test_it_warns_before_a_second_unanswered_note_within_two_weeks(ana):
    message(ana, datetime(2026, 11, 15, 12, tzinfo=UTC))

    facts = conversation_with(contact=ana)

    assert facts.last_written_on == date(2026, 11, 15)
    assert not facts.replied
    assert facts.warning is not None and "10 days ago" in facts.warning
    sent = mark_sent(contact=ana, occasion="keep-in-touch", text="Hi again! How are you?")
    assert sent.warning == facts.warning


def test_it_does_not_warn_once_they_replied(ana):
    message(ana, datetime(2026, 11, 15, 12, tzinfo=UTC))
    message(ana, datetime(2026, 11, 16, 12, tzinfo=UTC), direction="incoming")

    facts = conversation_with(contact=ana)

    assert facts.replied
    assert facts.warning is None


def test_it_does_not_warn_after_two_quiet_weeks(ana):
    message(ana, datetime(2026, 11, 10, 8, tzinfo=UTC))

    facts = conversation_with(contact=ana)

    assert facts.last_written_on == date(2026, 11, 10)
    assert not facts.replied
    assert facts.warning is None


def test_it_knows_nothing_was_written_yet(ana):
    facts = conversation_with(contact=ana)

    assert (facts.last_written_on, facts.replied, facts.warning) == (None, False, None)
