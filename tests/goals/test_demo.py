"""The demo's goal and practice: ten weeks in, with a check-in due, through the real services."""

from __future__ import annotations

from datetime import date

from hedgerow.goals.demo import SKIPPED_WEEK, WEEKS_IN, load_goal_demo
from hedgerow.goals.models import Goal, Impulse
from hedgerow.goals.practice import weekly_ratios
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


def test_it_spreads_impulses_over_weeks_so_the_ratio_has_a_trend(owner):
    load_goal_demo(owner, today=TODAY)

    weeks = [w for w in weekly_ratios(owner=owner, today=TODAY) if w.ratio is not None]
    assert len(weeks) >= 5
    assert Impulse.objects.filter(owner=owner, outcome=Impulse.Outcome.OPEN).count() == 1


def test_it_changes_nothing_the_second_time(owner):
    load_goal_demo(owner, today=TODAY)
    load_goal_demo(owner, today=TODAY)

    assert Goal.objects.filter(owner=owner).count() == 1
    assert Impulse.objects.filter(owner=owner).count() == 12
