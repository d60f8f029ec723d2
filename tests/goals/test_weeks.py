"""Fifty weeks (rule G6): week numbers, the countdown, the forgiving streak and the status."""

from datetime import date

import pytest

from hedgerow.goals.models import CheckIn, Goal
from hedgerow.goals.weeks import (
    checkin_due,
    due_checkin,
    expected_progress,
    plan_status,
    plan_week,
    progress_charts,
    status,
    streak,
    weeks_to_go,
)

START = date(2026, 11, 2)  # a Monday


def test_it_counts_weeks_from_the_start_date():
    assert plan_week(START, date(2026, 11, 1)) == 0
    assert plan_week(START, START) == 1
    assert plan_week(START, date(2026, 11, 8)) == 1
    assert plan_week(START, date(2026, 11, 9)) == 2
    assert plan_week(START, date(2027, 10, 17)) == 50


def test_it_counts_down_including_this_week():
    assert weeks_to_go(START, date(2026, 10, 1)) == 50
    assert weeks_to_go(START, START) == 50
    assert weeks_to_go(START, date(2026, 11, 25)) == 47  # week 4
    assert weeks_to_go(START, date(2027, 10, 17)) == 1
    assert weeks_to_go(START, date(2027, 12, 1)) == 0


def test_it_counts_a_streak_of_weeks_in_a_row():
    assert streak([1, 2, 3], 3) == 3
    assert streak([], 3) == 0


def test_it_does_not_break_the_streak_for_the_week_still_open():
    assert streak([1, 2, 3], 4) == 3


def test_it_forgives_one_missed_week():
    assert streak([1, 2, 4, 5], 5) == 4


def test_it_ends_the_streak_at_two_missed_weeks_in_a_row():
    assert streak([1, 2, 5, 6], 6) == 2
    assert streak([1, 2, 3], 6) == 0


def test_it_draws_the_expected_line_from_zero_to_ten():
    assert expected_progress(0) == 0
    assert expected_progress(25) == 5
    assert expected_progress(50) == 10
    assert expected_progress(60) == 10


@pytest.mark.parametrize(
    ("progress", "week", "expected"),
    [
        (2, 10, "on_track"),  # on the line
        (1, 10, "on_track"),  # one point under
        (0, 10, "behind"),  # two points under
        (2, 25, "behind"),  # three under
        (1, 25, "at_risk"),  # more than three under
        (9, 20, "on_track"),  # ahead
        (None, 1, "on_track"),  # nothing recorded, early days
        (None, 20, "at_risk"),
    ],
)
def test_it_reads_the_status_against_the_expected_line(progress, week, expected):
    assert status(progress, week) == expected


def test_it_has_no_status_before_the_plan_starts():
    assert status(5, 0) is None


def test_it_offers_the_checkin_near_the_end_of_the_week(owner):
    goal = Goal.objects.create(owner=owner, sentence="Publish my first novel.", start_date=START)

    assert checkin_due(goal, date(2026, 11, 5), []) is None  # day 4
    assert checkin_due(goal, date(2026, 11, 6), []) == {
        "goal_id": goal.pk,
        "week": 1,
        "due_on": date(2026, 11, 8),
        "weeks_to_go": 50,
    }
    assert checkin_due(goal, date(2026, 11, 8), [1]) is None
    assert checkin_due(goal, date(2027, 11, 6), []) is None  # the plan is over


def test_it_finds_the_due_checkin_of_the_active_goal_only(owner, outsider):
    Goal.objects.create(owner=outsider, sentence="Run a marathon.", start_date=START)
    assert due_checkin(owner, date(2026, 11, 6)) is None
    goal = Goal.objects.create(owner=owner, sentence="Publish my first novel.", start_date=START)
    assert due_checkin(owner, date(2026, 11, 6))["goal_id"] == goal.pk
    CheckIn.objects.create(
        owner=owner,
        goal=goal,
        week=1,
        did="Wrote",
        progress=1,
        confidence=5,
        recorded_on=date(2026, 11, 6),
    )
    assert due_checkin(owner, date(2026, 11, 6)) is None


def test_it_sums_up_the_plan(owner):
    goal = Goal.objects.create(owner=owner, sentence="Publish my first novel.", start_date=START)
    for week, progress in ((1, 0), (2, 1), (3, 1)):
        CheckIn.objects.create(
            owner=owner,
            goal=goal,
            week=week,
            did=f"Week {week}",
            progress=progress,
            confidence=6,
            recorded_on=START,
        )

    summary = plan_status(goal, date(2026, 11, 25))

    assert summary["week"] == 4
    assert summary["weeks_to_go"] == 47
    assert summary["streak"] == 3
    assert summary["status"] == "on_track"
    assert summary["progress"] == 1
    assert summary["end_date"] == date(2027, 10, 18)
    assert summary["next_checkin_on"] == date(2026, 11, 27)  # day 5 of week 4
    assert [row["week"] for row in summary["checkins"]] == [1, 2, 3]


def test_it_charts_progress_with_a_dashed_expected_line_and_confidence(owner):
    goal = Goal.objects.create(owner=owner, sentence="Publish my first novel.", start_date=START)
    CheckIn.objects.create(
        owner=owner, goal=goal, week=2, did="Drafted", progress=3, confidence=7, recorded_on=START
    )

    progress, confidence = progress_charts(plan_status(goal, date(2026, 11, 25)))

    assert "polyline" in progress and 'class="series-3 dashed"' in progress
    assert "<td>3</td>" in progress and "<td>0.8</td>" in progress  # week 2; expected at week 4
    assert '<th scope="row">4</th>' in progress
    assert "<td>7</td>" in confidence


def test_it_says_when_the_next_checkin_opens(owner):
    goal = Goal.objects.create(owner=owner, sentence="Publish my first novel.", start_date=START)
    assert plan_status(goal, date(2026, 10, 1))["next_checkin_on"] == date(2026, 11, 6)
    assert plan_status(goal, date(2026, 11, 7))["next_checkin_on"] == date(2026, 11, 7)  # due now
    CheckIn.objects.create(
        owner=owner, goal=goal, week=1, did="Wrote", progress=1, confidence=5, recorded_on=START
    )
    assert plan_status(goal, date(2026, 11, 7))["next_checkin_on"] == date(2026, 11, 13)
    assert plan_status(goal, date(2027, 11, 7))["next_checkin_on"] is None
