"""The Uber Plan's writes (rule G4) and weekly check-ins (rule G6), below the pages and the CLI."""

from datetime import date

import pytest

from hedgerow.goals import services
from hedgerow.goals.models import Approach, CheckIn, Goal, ReconItem
from hedgerow.lib.errors import InvalidInput

pytestmark = pytest.mark.usefixtures("fixed_clock")
START = date(2026, 11, 2)
TODAY = date(2026, 11, 25)  # week 4


@pytest.fixture
def goal(owner):
    return services.start_goal(owner=owner, sentence="Publish my first novel.", start_date=START)


def test_it_starts_a_goal(owner):
    goal = services.start_goal(owner=owner, sentence="  Publish my first novel. ", why_now="Now")

    goal.refresh_from_db()
    assert goal.sentence == "Publish my first novel."
    assert goal.why_now == "Now"
    assert goal.archived_at is None


def test_it_keeps_the_how_until_the_person_takes_the_what_only_sentence(owner):
    goal = services.start_goal(
        owner=owner, sentence="Become a landscape architect by taking evening classes."
    )

    assert goal.sentence == "Become a landscape architect by taking evening classes."
    assert not Approach.objects.filter(goal=goal).exists()  # rule G3: nothing moves unasked

    services.adopt_goal_what(goal=goal)

    goal.refresh_from_db()
    assert goal.sentence == "Become a landscape architect."
    assert goal.lifted_how == "taking evening classes"
    approach = Approach.objects.get(goal=goal)
    assert (approach.text, approach.from_goal_sentence) == ("taking evening classes", True)


def test_it_keeps_one_active_goal_and_archives_the_old_after_confirming(owner, goal):
    with pytest.raises(InvalidInput, match="confirm"):
        services.start_goal(owner=owner, sentence="Run a marathon.")

    new = services.start_goal(owner=owner, sentence="Run a marathon.", replace=True)

    goal.refresh_from_db()
    assert goal.archived_at is not None
    assert Goal.objects.filter(owner=owner, archived_at__isnull=True).get() == new


def test_it_names_the_empty_field(owner):
    with pytest.raises(InvalidInput, match="The goal sentence"):
        services.start_goal(owner=owner, sentence="   ")


def test_it_revises_the_commitment_and_moves_a_new_how_once_taken(goal):
    services.revise_commitment(
        goal=goal,
        sentence="Publish my first novel by writing every morning.",
        why_now="Turning forty",
        start_date=START,
    )
    assert not goal.approaches.exists()
    services.adopt_goal_what(goal=goal)

    goal.refresh_from_db()
    assert goal.sentence == "Publish my first novel."
    assert goal.why_now == "Turning forty"
    assert list(goal.approaches.values_list("text", flat=True)) == ["writing every morning"]


def test_it_adopts_the_lifted_how_once(goal):
    goal.lifted_how = "writing every morning"
    goal.save()

    first = services.adopt_lifted_how(goal=goal)
    again = services.adopt_lifted_how(goal=goal)

    assert first == again
    assert not services.lifted_how_offered(goal)


def test_it_reads_a_blocker_and_keeps_the_reply(goal):
    blocker = services.add_blocker(goal=goal, text="I don't have time")

    blocker.refresh_from_db()
    assert blocker.kind == "commitment"
    assert blocker.cue == "don't have time"
    assert "weekly" in blocker.response


def test_it_links_only_contacts_of_the_same_owner(goal, outsider, make_contact):
    item = services.add_recon_item(goal=goal, kind="obstacle", side="outside", text="No agent")
    stranger = make_contact(outsider, "Mo Stranger")

    with pytest.raises(InvalidInput):
        services.link_contact(item=item, contact=stranger)
    assert item.contacts.count() == 0


def test_it_refuses_an_unknown_recon_kind(goal):
    with pytest.raises(InvalidInput, match="Kind"):
        services.add_recon_item(goal=goal, kind="worry", side="inside", text="x")


def test_it_tells_which_steps_are_filled_in(goal, make_contact):
    assert [s.done for s in services.plan_steps(goal)] == [True, False, False, False, False]
    services.revise_value(goal=goal, value="A story people keep", value_for="Readers")
    for kind in ("obstacle", "enabler"):
        services.add_recon_item(goal=goal, kind=kind, side="inside", text=kind)
    services.add_approach(goal=goal, text="Write mornings")
    services.add_milestone(goal=goal, title="First draft", due_on=date(2027, 3, 1))
    services.add_next_action(goal=goal, text="Outline chapter one")

    assert all(step.done for step in services.plan_steps(goal))
    assert ReconItem.objects.filter(goal=goal).count() == 2


def test_it_marks_execution_items_done_and_not_done(goal):
    milestone = services.add_milestone(goal=goal, title="First draft", due_on=None)
    services.mark_milestone(milestone=milestone, done=True)
    assert milestone.done_on == TODAY
    services.mark_milestone(milestone=milestone, done=False)
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_it_records_this_weeks_checkin_and_revises_it(goal):
    first = services.record_checkin(goal=goal, did="Wrote 3 pages", progress=1, confidence=6)
    again = services.record_checkin(goal=goal, did="Wrote 5 pages", progress=2, confidence=7)

    assert first.created and not again.created
    checkin = CheckIn.objects.get(goal=goal)
    assert (checkin.week, checkin.did, checkin.progress) == (4, "Wrote 5 pages", 2)
    assert checkin.recorded_on == TODAY


def test_it_records_an_earlier_week(goal):
    services.record_checkin(goal=goal, week=2, did="Plotted", progress=1, confidence=5)
    assert CheckIn.objects.get(goal=goal).week == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"week": 5}, "Week 5 hasn't started yet"),
        ({"week": 0}, "Week must be between 1 and 50"),
        ({"progress": 11}, "Progress must be between 0 and 10"),
        ({"confidence": -1}, "Confidence must be between 0 and 10"),
        ({"did": " "}, "What you did is empty"),
    ],
)
def test_it_refuses_checkins_it_cannot_use(goal, changes, message):
    values = {"did": "Wrote", "progress": 1, "confidence": 5} | changes
    with pytest.raises(InvalidInput, match=message):
        services.record_checkin(goal=goal, **values)
    assert not CheckIn.objects.exists()


def test_it_needs_a_start_date_before_checking_in(owner):
    goal = services.start_goal(owner=owner, sentence="Publish my first novel.")
    with pytest.raises(InvalidInput, match="no start date"):
        services.record_checkin(goal=goal, did="Wrote", progress=1, confidence=5)


def test_it_waits_for_the_start_date(owner):
    goal = services.start_goal(
        owner=owner, sentence="Publish my first novel.", start_date=date(2026, 12, 1)
    )
    with pytest.raises(InvalidInput, match="start on 1 Dec 2026"):
        services.record_checkin(goal=goal, did="Wrote", progress=1, confidence=5)


def test_it_refuses_to_adopt_a_what_when_there_is_no_how(owner):
    goal = services.start_goal(owner=owner, sentence="Open a bakery in Leeds.")

    with pytest.raises(services.InvalidInput, match="no how to move"):
        services.adopt_goal_what(goal=goal)
