"""This app's part of the JSON API at /api/v1/: the goal check and the blocker reading."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from hedgerow.goals.blockers import BlockerReading, classify_blocker
from hedgerow.goals.sentence import GoalReport, InvalidInput, check_goal, usable_text

router = Router(tags=["goals"])


class TextIn(Schema):
    text: str


def readable(text: str) -> str:
    try:
        return usable_text(text)
    except InvalidInput as error:
        raise HttpError(422, str(error)) from None


@router.post("/check", response=GoalReport, summary="Check a goal sentence (as `goal check`)")
def check(request: HttpRequest, payload: TextIn) -> GoalReport:
    return check_goal(readable(payload.text))


@router.post(
    "/blocker", response=BlockerReading, summary='Read a "but ..." blocker (as `goal blocker`)'
)
def blocker(request: HttpRequest, payload: TextIn) -> BlockerReading:
    return classify_blocker(readable(payload.text))
