"""The demo's goal: ten weeks in, with a check-in due, through the real services."""

from __future__ import annotations

from datetime import date

from hedgerow.goals.demo import SKIPPED_WEEK, WEEKS_IN, load_goal_demo
from hedgerow.goals.models import Goal
from hedgerow.goals.weeks import due_checkin, plan_status

TODAY = date(2026, 11, 25)


def test_it_gives_the_demo_person_a_goal_ten_weeks_in_with_a_checkin_due(owner):
    load_goal_demo(owner, today=TODAY)

    goal = Goal.objects.get(owner=owner)
    status = plan_status(goal, TODAY)
    assert status["week"] == WEEKS_IN + 1
    assert status["streak"] == WEEKS_IN - 1  # every check-in counts: the quiet week is forgiven
    assert SKIPPED_WEEK not in goal.checkins.values_list("week", flat=True)
    assert due_checkin(owner, TODAY) is not None
    assert goal.approaches.filter(from_goal_sentence=True).exists()  # the lifted how (G3)


def goal_checkins(owner) -> int:
    return Goal.objects.get(owner=owner).checkins.count()


def test_it_changes_nothing_the_second_time(owner):
    load_goal_demo(owner, today=TODAY)
    load_goal_demo(owner, today=TODAY)

    assert Goal.objects.filter(owner=owner).count() == 1
    assert goal_checkins(owner) == WEEKS_IN - 1
