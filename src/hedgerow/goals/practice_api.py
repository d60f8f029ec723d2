"""The practice part of the JSON API at /api/v1/practice/: impulses and the action ratio (rule
A2), accomplishments and the update for a manager or team (rule V1). The same services and shapes
as `hedgerow impulse` and `hedgerow accomplishment`; someone else's impulse is never found."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field
from typing_extensions import TypedDict  # pydantic needs this one on 3.11

from hedgerow.goals import practice, practice_access
from hedgerow.goals.models import Impulse
from hedgerow.network.services import InvalidInput

router = Router(tags=["practice"])

UPDATE_DAYS = 28  # as `hedgerow accomplishment update` without --from: the last four weeks


class ApiRequest(HttpRequest):
    """What API views receive: the API's authentication sets `auth` to the person."""

    auth: User


class ImpulseIn(Schema):
    text: str


class SettleIn(Schema):
    outcome: Literal["acted", "not_acted", "substituted"]
    substitute: str = ""
    was_right: bool | None = None
    note: str = ""


class RatioJson(TypedDict):
    target: float
    overall: float | None
    weeks: list[practice.WeekRatioJson]


class AccomplishmentIn(Schema):
    what: str
    impact: str = ""
    benefited: str = ""
    tell: str = ""
    on: date | None = None


class AccomplishmentJson(TypedDict):
    id: int
    what: str
    impact: str
    benefited: str
    tell: str
    on: str


UpdateJson = TypedDict(  # "from" is a Python keyword, hence the functional form
    "UpdateJson",
    {
        "from": str,
        "to": str,
        "count": int,
        "tell": list[str],
        "markdown": str,
        "text": str,
    },
)


class UpdateQuery(Schema):
    start: date | None = Field(None, alias="from")
    end: date | None = Field(None, alias="to")
    format: Literal["markdown", "text"] | None = None


def unusable(error: InvalidInput) -> HttpError:
    return HttpError(422, str(error))


# --- impulses (A2) --------------------------------------------------------------------------------


@router.post(
    "/impulses", response={201: practice.ImpulseJson}, summary="Catch an impulse (`impulse TEXT`)"
)
def capture(request: ApiRequest, payload: ImpulseIn) -> Status[practice.ImpulseJson]:
    try:
        impulse = practice.capture_impulse(owner=request.auth, text=payload.text)
    except InvalidInput as error:
        raise unusable(error) from None
    return Status(201, practice.impulse_json(impulse))


@router.get("/impulses", response=list[practice.ImpulseJson], summary="Impulses, newest first")
def impulses(
    request: ApiRequest, open: bool = False, limit: int = 100, offset: int = 0
) -> list[practice.ImpulseJson]:
    """With `open=true`, only those still waiting for a decision (as `impulse --list --json`)."""
    found = practice_access.impulses_of(request.auth)
    if open:
        found = found.filter(outcome=Impulse.Outcome.OPEN)
    start = max(offset, 0)
    return [practice.impulse_json(i) for i in found[start : start + min(max(limit, 1), 1000)]]


@router.get(
    "/impulses/ratio", response=RatioJson, summary="Weekly action ratios (`impulse --ratio`)"
)
def ratio(request: ApiRequest) -> RatioJson:
    weeks = practice.weekly_ratios(owner=request.auth)
    overall = practice.overall_ratio(weeks)
    return {
        "target": practice.target_ratio(request.auth),
        "overall": None if overall is None else round(overall, 4),
        "weeks": [week.as_json() for week in weeks],
    }


@router.post(
    "/impulses/{impulse_id}/settle",
    response=practice.ImpulseJson,
    summary="Say what became of an impulse (`impulse --settle`)",
)
def settle(request: ApiRequest, impulse_id: int, payload: SettleIn) -> practice.ImpulseJson:
    impulse = practice_access.impulse_of(request.auth, impulse_id)
    try:
        practice.settle_impulse(impulse=impulse, **payload.dict())
    except InvalidInput as error:
        raise unusable(error) from None
    return practice.impulse_json(impulse)


# --- accomplishments (V1) -------------------------------------------------------------------------


@router.post(
    "/accomplishments",
    response={201: AccomplishmentJson},
    summary="Log an accomplishment (`accomplishment add`)",
)
def log(request: ApiRequest, payload: AccomplishmentIn) -> Status[AccomplishmentJson]:
    try:
        done = practice.log_accomplishment(
            owner=request.auth,
            what=payload.what,
            impact=payload.impact,
            beneficiaries=payload.benefited,
            who_should_know=payload.tell,
            on=payload.on,
        )
    except InvalidInput as error:
        raise unusable(error) from None
    return Status(
        201,
        {
            "id": done.pk,
            "what": done.what,
            "impact": done.impact,
            "benefited": done.beneficiaries,
            "tell": done.who_should_know,
            "on": done.happened_on.isoformat(),
        },
    )


@router.get(
    "/accomplishments/update",
    response=UpdateJson,
    summary="An update for a manager or team over a date range (`accomplishment update`)",
)
def update(request: ApiRequest, query: Query[UpdateQuery]) -> UpdateJson | HttpResponse:
    """JSON by default; `format=markdown` or `format=text` answers with the update itself."""
    end = query.end or timezone.localdate()
    start = query.start or end - timedelta(days=UPDATE_DAYS - 1)
    try:
        composed = practice.compose_update(owner=request.auth, start=start, end=end)
    except InvalidInput as error:
        raise unusable(error) from None
    if query.format == "markdown":
        return HttpResponse(composed.markdown, content_type="text/markdown; charset=utf-8")
    if query.format == "text":
        return HttpResponse(composed.text, content_type="text/plain; charset=utf-8")
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "count": composed.count,
        "tell": composed.tell,
        "markdown": composed.markdown,
        "text": composed.text,
    }
