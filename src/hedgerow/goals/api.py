"""This app's part of the JSON API at /api/v1/goals/: the goal check and the blocker reading, the
Uber Plan (rule G4) and the fifty weeks of check-ins (rule G6). The same services and shapes as
the pages and the CLI; someone else's goal is never found."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError
from pydantic import Field

from hedgerow.goals import access, services, weeks
from hedgerow.goals.blockers import BlockerReading, classify_blocker
from hedgerow.goals.export import CheckinJson, PlanJson, goal_checkins, goal_plan
from hedgerow.goals.models import PLAN_WEEKS, Goal
from hedgerow.goals.sentence import MAX_LENGTH, GoalReport, check_goal, usable_text
from hedgerow.lib.api_errors import ErrorOut, refusal
from hedgerow.lib.api_fields import Input, Whole, score, words
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest

router = Router(tags=["goals"])

NO_GOAL = "You have no goal yet: write one under Goal, step 1, first."


class TextIn(Input):
    # usable_text also wants a letter in it, which an ECMA-262 pattern cannot say for every script
    text: str = words(max_length=MAX_LENGTH)


class CheckinIn(Input):
    did: str = words()
    progress: Whole = score()
    confidence: Whole = score()
    learned: str = ""
    obstacles: str = ""
    next_actions: str = ""
    week: Whole | None = Field(None, ge=1, le=PLAN_WEEKS)


def readable(text: str) -> str:
    try:
        return usable_text(text)
    except InvalidInput as error:
        raise refusal(error) from None


def active_goal(request: ApiRequest) -> Goal:
    goal = access.active_goal_of(request.auth)
    if goal is None:
        raise HttpError(404, NO_GOAL)
    return goal


@router.post("/check", response=GoalReport, summary="Check a goal sentence (as `goal check`)")
def check(request: HttpRequest, payload: TextIn) -> GoalReport:
    return check_goal(readable(payload.text))


@router.post(
    "/blocker", response=BlockerReading, summary='Read a "but ..." blocker (as `goal blocker`)'
)
def blocker(request: HttpRequest, payload: TextIn) -> BlockerReading:
    return classify_blocker(readable(payload.text))


@router.get(
    "/plan", response={200: PlanJson, 404: ErrorOut}, summary="The active goal and its five steps"
)
def plan(request: ApiRequest) -> PlanJson:
    return goal_plan(active_goal(request))


@router.get(
    "/status",
    response={200: weeks.PlanStatus, 404: ErrorOut},
    summary="Where the fifty weeks stand (`checkin --show`)",
)
def status(request: ApiRequest) -> weeks.PlanStatus:
    return weeks.plan_status(active_goal(request), timezone.localdate())


@router.get(
    "/checkins",
    response={200: list[CheckinJson], 404: ErrorOut},
    summary="Every weekly check-in, in full",
)
def checkins(request: ApiRequest) -> list[CheckinJson]:
    return goal_checkins(active_goal(request))


@router.post(
    "/checkins",
    response={200: weeks.PlanStatus, 201: weeks.PlanStatus, 404: ErrorOut},
    summary="Record or revise a week's check-in (as `hedgerow checkin --json`)",
)
def record_checkin(request: ApiRequest, payload: CheckinIn) -> Status[weeks.PlanStatus]:
    goal = active_goal(request)
    today = timezone.localdate()
    try:
        recorded = services.record_checkin(goal=goal, today=today, **payload.dict())
    except services.InvalidInput as error:
        raise refusal(error) from None
    return Status(201 if recorded.created else 200, weeks.plan_status(goal, today))
