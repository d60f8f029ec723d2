"""Answering a person on Today: I already wrote, not now, skip, and undo (every reason at once)."""

from datetime import date, timedelta

import pytest

from hedgerow.lib.errors import InvalidInput
from hedgerow.network import agenda_actions
from hedgerow.network.agenda import core_contacts_due, follow_ups_due, open_updates
from hedgerow.network.models import AgendaAction, Interaction
from tests.network.views.conftest import TODAY

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def ana(owner, make_contact):
    """A core contact, due, with an update and an acceptance waiting for a warm reply."""
    return make_contact(owner, "Ana Ruiz", is_core=True, core_since=date(2025, 1, 1))


@pytest.fixture
def reasons(ana, make_update, make_follow_up):
    return make_update(ana), make_follow_up(ana)


def on_today(owner) -> tuple[int, int, int]:
    return (
        open_updates(owner, TODAY).count(),
        len(follow_ups_due(owner, TODAY)),
        len(core_contacts_due(owner, TODAY)),
    )


def test_it_settles_every_reason_when_i_already_wrote(owner, ana, reasons):
    assert on_today(owner) == (1, 1, 1)

    done = agenda_actions.wrote(contact=ana, text="Congratulations!", on=TODAY - timedelta(days=2))

    assert on_today(owner) == (0, 0, 0)
    note = Interaction.objects.get(contact=ana)
    assert (note.kind, note.direction, note.text) == ("message", "outgoing", "Congratulations!")
    assert note.occurred_at.date() == TODAY - timedelta(days=2)
    assert done.text == "Marked Ana Ruiz as written to."
    assert done.action.interaction == note


def test_it_keeps_no_text_when_none_is_given(ana, reasons):
    agenda_actions.wrote(contact=ana)

    assert Interaction.objects.get(contact=ana).text == ""


def test_it_refuses_a_day_in_the_future(owner, ana, reasons):
    with pytest.raises(InvalidInput, match="can't be in the future"):
        agenda_actions.wrote(contact=ana, on=TODAY + timedelta(days=1))

    assert on_today(owner) == (1, 1, 1)
    assert not AgendaAction.objects.exists()


def test_it_warns_before_a_second_unanswered_note(ana, make_interaction):
    make_interaction(ana, on=TODAY - timedelta(days=4))

    done = agenda_actions.wrote(contact=ana)

    assert done.warning is not None and "4 days ago" in done.warning


@pytest.mark.parametrize(
    ("until", "back_on", "says"),
    [
        ("tomorrow", date(2026, 3, 17), "comes back tomorrow"),
        ("next-week", date(2026, 3, 23), "comes back on 23 Mar 2026"),
        ("next-month", date(2026, 4, 16), "comes back on 16 Apr 2026"),
    ],
)
def test_it_sets_every_reason_aside_until_the_day_chosen(
    owner, ana, reasons, frozen, until, back_on, says
):
    done = agenda_actions.not_now(contact=ana, until=until)

    assert done.action.until == back_on
    assert says in done.text
    assert on_today(owner) == (0, 0, 0)
    assert not Interaction.objects.exists()
    frozen.move_to(back_on.isoformat() + " 09:00")
    assert open_updates(owner, back_on).count() == 1
    assert len(follow_ups_due(owner, back_on)) == 1
    assert len(core_contacts_due(owner, back_on)) == 1


def test_it_keeps_next_month_inside_a_short_month():
    assert agenda_actions.until_date("next-month", date(2026, 1, 31)) == date(2026, 2, 28)
    assert agenda_actions.until_date("next-month", date(2026, 12, 15)) == date(2027, 1, 15)


def test_it_skips_without_logging_and_a_due_contact_for_one_round(owner, ana, reasons, frozen):
    done = agenda_actions.skip(contact=ana)

    assert on_today(owner) == (0, 0, 0)
    assert not Interaction.objects.exists()
    assert done.text == "Skipped Ana Ruiz for now, without writing."
    ana.refresh_from_db()
    assert ana.due_snoozed_until == TODAY + timedelta(days=ana.cadence_days)


def test_it_says_so_when_nobody_is_waiting(make_contact, owner):
    bo = make_contact(owner, "Bo Chen")

    with pytest.raises(InvalidInput, match="Bo Chen has nothing waiting on Today"):
        agenda_actions.skip(contact=bo)
    with pytest.raises(InvalidInput, match="nothing waiting"):
        agenda_actions.not_now(contact=bo, until="tomorrow")


@pytest.mark.parametrize("answer", ["wrote", "not_now", "skip"])
def test_it_puts_everything_back_on_undo(owner, ana, reasons, answer):
    update, invitation = reasons
    kwargs = {"until": "next-week"} if answer == "not_now" else {}
    done = getattr(agenda_actions, answer)(contact=ana, **kwargs)

    undone = agenda_actions.undo(action=done.action)

    assert undone.text == "Undone: Ana Ruiz is back on Today as before."
    assert on_today(owner) == (1, 1, 1)
    assert not Interaction.objects.exists()
    update.refresh_from_db()
    invitation.refresh_from_db()
    ana.refresh_from_db()
    assert (update.acknowledged_on, update.snoozed_until) == (None, None)
    assert (invitation.replied_on, invitation.snoozed_until) == (None, None)
    assert ana.due_snoozed_until is None


def test_it_restores_a_snooze_that_was_there_before(ana, make_update):
    update = make_update(ana, snoozed_until=TODAY)  # back today, so on Today now
    done = agenda_actions.not_now(contact=ana, until="next-week")

    agenda_actions.undo(action=done.action)

    update.refresh_from_db()
    assert update.snoozed_until == TODAY


def test_it_undoes_once_and_only_for_a_while(ana, reasons, frozen):
    done = agenda_actions.skip(contact=ana)
    agenda_actions.undo(action=done.action)
    with pytest.raises(InvalidInput, match="undone already"):
        agenda_actions.undo(action=done.action)

    later = agenda_actions.skip(contact=ana)
    frozen.shift(timedelta(minutes=agenda_actions.UNDO_MINUTES + 1))
    assert not agenda_actions.can_undo(later.action)
    with pytest.raises(InvalidInput, match="more than 15 minutes ago"):
        agenda_actions.undo(action=later.action)


def test_it_counts_the_people_answered_today(owner, ana, reasons, make_contact, make_update):
    bo = make_contact(owner, "Bo Chen")
    make_update(bo)
    agenda_actions.skip(contact=ana)
    undone = agenda_actions.not_now(contact=bo, until="tomorrow")
    assert agenda_actions.answered_on(owner, TODAY) == {ana.pk, bo.pk}

    agenda_actions.undo(action=undone.action)

    assert agenda_actions.answered_on(owner, TODAY) == {ana.pk}
    assert agenda_actions.answered_on(owner, TODAY - timedelta(days=1)) == set()


@pytest.mark.parametrize(("answer", "back_on"), [("not_now", date(2026, 3, 17)), ("skip", None)])
def test_it_sets_the_week_s_suggestion_aside_and_undo_brings_it_back(
    owner, make_contact, answer, back_on
):
    from hedgerow.network.models import Suggestion

    sam = make_contact(owner, "Sam Maybe")
    offered = Suggestion.objects.create(owner=owner, contact=sam, offered_week=date(2026, 3, 16))
    kwargs = {"until": "tomorrow"} if answer == "not_now" else {}

    done = getattr(agenda_actions, answer)(contact=sam, **kwargs)

    offered.refresh_from_db()
    assert offered.snoozed_until == (back_on or TODAY + timedelta(days=30))
    agenda_actions.undo(action=done.action)
    offered.refresh_from_db()
    assert offered.snoozed_until is None and offered.dismissed_on is None
