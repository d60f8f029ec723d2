"""This app's part of the JSON API at /api/v1/goals/: the goal check and the blocker reading, the
Uber Plan (rule G4) and the fifty weeks of check-ins (rule G6). The same services and shapes as
the pages and the CLI; someone else's goal is never found."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from hedgerow.goals import access, services, weeks
from hedgerow.goals.blockers import BlockerReading, classify_blocker
from hedgerow.goals.export import CheckinJson, PlanJson, goal_checkins, goal_plan
from hedgerow.goals.models import Goal
from hedgerow.goals.sentence import GoalReport, check_goal, usable_text
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest

router = Router(tags=["goals"])

NO_GOAL = "You have no goal yet: write one under Goal, step 1, first."


class TextIn(Schema):
    text: str


class CheckinIn(Schema):
    did: str
    progress: int
    confidence: int
    learned: str = ""
    obstacles: str = ""
    next_actions: str = ""
    week: int | None = None


def readable(text: str) -> str:
    try:
        return usable_text(text)
    except InvalidInput as error:
        raise HttpError(422, str(error)) from None


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


@router.get("/plan", response=PlanJson, summary="The active goal and its five steps")
def plan(request: ApiRequest) -> PlanJson:
    return goal_plan(active_goal(request))


@router.get(
    "/status", response=weeks.PlanStatus, summary="Where the fifty weeks stand (`checkin --show`)"
)
def status(request: ApiRequest) -> weeks.PlanStatus:
    return weeks.plan_status(active_goal(request), timezone.localdate())


@router.get("/checkins", response=list[CheckinJson], summary="Every weekly check-in, in full")
def checkins(request: ApiRequest) -> list[CheckinJson]:
    return goal_checkins(active_goal(request))


@router.post(
    "/checkins",
    response={200: weeks.PlanStatus, 201: weeks.PlanStatus},
    summary="Record or revise a week's check-in (as `hedgerow checkin --json`)",
)
def record_checkin(request: ApiRequest, payload: CheckinIn) -> Status[weeks.PlanStatus]:
    goal = active_goal(request)
    today = timezone.localdate()
    try:
        recorded = services.record_checkin(goal=goal, today=today, **payload.dict())
    except services.InvalidInput as error:
        raise HttpError(422, str(error)) from None
    return Status(201 if recorded.created else 200, weeks.plan_status(goal, today))
