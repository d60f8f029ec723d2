"""Fifty weeks (rule G6): which week it is, how many are left, the streak, and how it is going.

The rules, stated once so the page, the CLI and Today agree:

- **Week number.** The plan's week 1 starts on the goal's start date; week N covers days
  7(N-1) to 7N-1 after it. Before the start date it is week 0.
- **Weeks to go** counts the current week: 50 in week 1, 1 in week 50, 0 once the plan is over.
- **Streak.** Consecutive weekly check-ins counted back from the current week (or from last
  week, while this week is still open). One missed week is forgiven: it adds nothing but does not
  end the streak. Two missed weeks in a row do.
- **Expected line.** Progress (0-10, toward the goal as a whole) rising evenly from 0 at the start
  to 10 at the end of week 50: week N expects 10 * N / 50.
- **Status** compares the latest progress (0 before the first check-in) with the expected line
  for the current week: within 1 point is *on track*, 1 to 3 points under is *behind*, more than
  3 under is *at risk*. Ahead of the line is on track.
- **A check-in is due** from the fifth day of a plan week until its last day, while that week
  has no check-in yet: near the week's end, so there is something to tell, and never more than
  three days in a row on Today (rule N7's spirit: no nagging).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.utils.safestring import SafeString
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.goals.access import active_goal_of
from hedgerow.goals.models import PLAN_WEEKS, CheckIn, Goal
from hedgerow.lib.charts import Series, line_chart

MAX_SCORE = 10
ON_TRACK_GAP = 1.0
BEHIND_GAP = 3.0
DUE_FROM_DAY = 5  # of 7

STATUS_LABELS = {"on_track": "On track", "behind": "Behind", "at_risk": "At risk"}


class CheckinDue(TypedDict):
    goal_id: int
    week: int
    due_on: date
    weeks_to_go: int


class CheckinRow(TypedDict):
    week: int
    recorded_on: date
    did: str
    progress: int
    confidence: int


class PlanStatus(TypedDict):
    goal_id: int
    sentence: str
    start_date: date | None
    end_date: date | None
    week: int
    weeks_to_go: int
    streak: int
    status: str | None
    expected_progress: float
    progress: int | None
    confidence: int | None
    checkin_due: CheckinDue | None
    next_checkin_on: date | None
    checkins: list[CheckinRow]


def plan_week(start: date, today: date) -> int:
    """The plan week `today` falls in: 0 before the start, then 1, 2, ... (past 50 when over)."""
    if today < start:
        return 0
    return (today - start).days // 7 + 1


def weeks_to_go(start: date, today: date) -> int:
    week = plan_week(start, today)
    if week == 0:
        return PLAN_WEEKS
    return max(0, PLAN_WEEKS - week + 1)


def week_last_day(start: date, week: int) -> date:
    return start + timedelta(days=7 * week - 1)


def expected_progress(week: int) -> float:
    """The expected line: even steps from 0 to 10 over the fifty weeks."""
    return round(MAX_SCORE * min(max(week, 0), PLAN_WEEKS) / PLAN_WEEKS, 2)


def streak(weeks: Iterable[int], week_now: int) -> int:
    """Check-ins in a row up to now, forgiving any single missed week (see the module rules)."""
    recorded = set(weeks)
    week = week_now if week_now in recorded else week_now - 1  # this week is still open
    count = misses = 0
    while week >= 1:
        if week in recorded:
            count += 1
            misses = 0
        else:
            misses += 1
            if misses == 2:
                break
        week -= 1
    return count


def status(progress: int | None, week_now: int) -> str | None:
    """On track, behind or at risk: the latest progress against the expected line."""
    if week_now < 1:
        return None
    gap = expected_progress(week_now) - (progress or 0)
    if gap <= ON_TRACK_GAP:
        return "on_track"
    if gap <= BEHIND_GAP:
        return "behind"
    return "at_risk"


def checkin_due(goal: Goal, today: date, recorded: Iterable[int]) -> CheckinDue | None:
    if goal.start_date is None:
        return None
    week = plan_week(goal.start_date, today)
    if not 1 <= week <= PLAN_WEEKS or week in set(recorded):
        return None
    day_of_week = (today - goal.start_date).days % 7 + 1
    if day_of_week < DUE_FROM_DAY:
        return None
    return {
        "goal_id": goal.pk,
        "week": week,
        "due_on": week_last_day(goal.start_date, week),
        "weeks_to_go": weeks_to_go(goal.start_date, today),
    }


def due_checkin(owner, as_of: date) -> CheckinDue | None:
    """Today's check-in reminder for the person's active goal, or None (see the module rules)."""
    goal = active_goal_of(owner)
    if goal is None or goal.start_date is None:
        return None
    return checkin_due(goal, as_of, goal.checkins.values_list("week", flat=True))


def plan_status(goal: Goal, today: date) -> PlanStatus:
    """Where the fifty weeks stand: the numbers the overview, the check-in page and the CLI show."""
    checkins = list(goal.checkins.order_by("week"))
    latest = max(checkins, key=lambda c: c.week, default=None)
    start = goal.start_date
    week = plan_week(start, today) if start else 0
    return {
        "goal_id": goal.pk,
        "sentence": goal.sentence,
        "start_date": start,
        "end_date": goal.end_date,
        "week": week,
        "weeks_to_go": weeks_to_go(start, today) if start else PLAN_WEEKS,
        "streak": streak((c.week for c in checkins), min(week, PLAN_WEEKS)),
        "status": status(latest.progress if latest else None, week),
        "expected_progress": expected_progress(week),
        "progress": latest.progress if latest else None,
        "confidence": latest.confidence if latest else None,
        "checkin_due": checkin_due(goal, today, (c.week for c in checkins)),
        "next_checkin_on": _next_checkin_on(start, today, {c.week for c in checkins}),
        "checkins": [checkin_row(c) for c in checkins],
    }


def _next_checkin_on(start: date | None, today: date, recorded: set[int]) -> date | None:
    """The day the next check-in is asked for: today while one is due, None once the plan ends."""
    if start is None:
        return None
    week = max(plan_week(start, today), 1)
    if week in recorded:
        week += 1
    if week > PLAN_WEEKS:
        return None
    opens = start + timedelta(days=7 * (week - 1) + DUE_FROM_DAY - 1)
    return max(opens, today)


def checkin_row(checkin: CheckIn) -> CheckinRow:
    return {
        "week": checkin.week,
        "recorded_on": checkin.recorded_on,
        "did": checkin.did,
        "progress": checkin.progress,
        "confidence": checkin.confidence,
    }


def progress_charts(summary: PlanStatus) -> list[SafeString]:
    """Progress with the expected line (dashed), and confidence, one point per plan week."""
    rows = {row["week"]: row for row in summary["checkins"]}
    last_week = max([min(summary["week"], PLAN_WEEKS), *rows, 1])
    weeks = range(1, last_week + 1)
    labels = [str(week) for week in weeks]  # short, so the last one fits; the table says "Week"
    progress = Series("Progress", [_score(rows, week, "progress") for week in weeks])
    expected = Series(
        "Expected", [expected_progress(week) for week in weeks], "series-3", dashed=True
    )
    confidence = Series(
        "Confidence", [_score(rows, week, "confidence") for week in weeks], "series-2"
    )
    return [
        line_chart(
            caption="Progress toward the goal each week (0 to 10), against the expected line.",
            labels=labels,
            series=[progress, expected],
            y_max=MAX_SCORE,
            y_label="Week",
        ),
        line_chart(
            caption="Confidence each week (0 to 10).",
            labels=labels,
            series=[confidence],
            y_max=MAX_SCORE,
            y_label="Week",
        ),
    ]


def _score(rows: dict[int, CheckinRow], week: int, key: str) -> float | None:
    row = rows.get(week)
    if row is None:
        return None
    value: int = row["progress"] if key == "progress" else row["confidence"]
    return value
