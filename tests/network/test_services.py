from __future__ import annotations

from datetime import date

import pytest

from hedgerow.network import services
from hedgerow.network.models import Interaction

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def test_it_warns_before_a_second_unanswered_note_within_14_days(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    first = services.log_interaction(contact=ana, kind="message", on=date(2026, 11, 12))
    assert first.warning is None

    second = services.log_interaction(contact=ana, kind="email", on=date(2026, 11, 25))

    assert second.warning is not None
    assert "13 days ago" in second.warning


def test_it_does_not_warn_once_they_replied(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    services.log_interaction(contact=ana, kind="message", on=date(2026, 11, 20))
    services.log_interaction(
        contact=ana, kind="message", on=date(2026, 11, 22), direction=Interaction.Direction.INCOMING
    )

    assert services.log_interaction(contact=ana, kind="message").warning is None


def test_it_does_not_warn_after_the_quiet_period(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    services.log_interaction(contact=ana, kind="message", on=date(2026, 11, 10))

    assert services.outreach_warning(contact=ana, on=date(2026, 11, 25)) is None


def test_it_rejects_an_unknown_kind(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    with pytest.raises(services.InvalidInput, match="kind must be one of"):
        services.log_interaction(contact=ana, kind="fax")


def test_it_records_an_update_seen_elsewhere(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")

    update = services.record_update(
        contact=ana,
        kind="post",
        summary=" Wrote about soil health ",
        url="https://example.org/post",
    )

    update.refresh_from_db()
    assert (update.owner_id, update.summary, update.detected_on) == (
        owner.pk,
        "Wrote about soil health",
        date(2026, 11, 25),
    )


def test_it_keeps_tags_per_owner(owner, outsider, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    theirs = make_contact(outsider, "Eve")
    services.edit_contact_notes(contact=theirs, notes="", tags=["mentor"])

    services.edit_contact_notes(contact=ana, notes=" Met at PyCon ", tags=["mentor", " ", "pycon"])

    ana.refresh_from_db()
    assert ana.notes == "Met at PyCon"
    assert sorted(t.name for t in ana.tags.all()) == ["mentor", "pycon"]
    assert {t.owner_id for t in ana.tags.all()} == {owner.pk}


def test_it_accepts_only_web_links_for_an_update(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    with pytest.raises(services.InvalidInput, match="https://"):
        services.record_update(contact=ana, kind="post", summary="x", url="javascript:alert(1)")
    assert not ana.updates.exists()
