"""The practice part of the JSON API at /api/v1/practice/: the aspiration, reflections and ratings
(rule A1), impulses and the action ratio (rule A2), accomplishments and the update for a manager or
team (rule V1), practice sessions and pitches (rule C1). The same services and shapes as
`hedgerow impulse`, `hedgerow accomplishment` and `hedgerow practice`; someone else's rows are
never found."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, Field
from typing_extensions import TypedDict  # pydantic needs this one on 3.11

from hedgerow.lib.api_errors import refusal
from hedgerow.lib.api_fields import (
    MAX_OFFSET,
    MAX_PAGE,
    NOT_BLANK,
    Day,
    Input,
    StrictBool,
    Whole,
    score,
    words,
)
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest
from hedgerow.practice import access as practice_access
from hedgerow.practice import services as practice
from hedgerow.practice.models import (
    AspirationAtAge,
    AspirationRating,
    Impulse,
    Pitch,
    PracticeSession,
)

router = Router(tags=["practice"])

# A birth year later than this is surely a typo (practice.save_aspiration says the same).
LATEST_BIRTH_YEAR = timezone.now().year - practice.YOUNGEST_AGE
# A skill as `practice log --skill` names it ("cold-call"), or as it is stored ("cold_call").
SKILL_NAMES = tuple(
    sorted(
        {
            name
            for value in PracticeSession.Skill.values()
            for name in (value, value.replace("_", "-"))
        }
    )
)
Skill = Literal[SKILL_NAMES]  # type: ignore[valid-type]

UPDATE_DAYS = 28  # as `hedgerow accomplishment update` without --from: the last four weeks


class ImpulseIn(Input):
    text: str = words(max_length=500)


class SettleIn(Input):
    # What you did instead is needed (more than spaces) when you substituted.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"properties": {"outcome": {"enum": ["acted", "not_acted"]}}},
                {"properties": {"substitute": {"pattern": NOT_BLANK}}, "required": ["substitute"]},
            ]
        }
    )

    outcome: Literal["acted", "not_acted", "substituted"]
    substitute: str = Field("", max_length=300)  # needed (not blank) when substituted
    was_right: StrictBool | None = None
    note: str = ""


class RatioJson(TypedDict):
    target: float
    overall: float | None
    weeks: list[practice.WeekRatioJson]


class AccomplishmentIn(Input):
    what: str = words()
    impact: str = ""
    benefited: str = Field("", max_length=300)
    tell: str = Field("", max_length=300)
    on: Day | None = None


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
    start: Day | None = Field(None, alias="from")
    end: Day | None = Field(None, alias="to")
    format: Literal["markdown", "text"] | None = None


def unusable(error: InvalidInput) -> HttpError:
    return refusal(error)


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
    request: ApiRequest,
    open: bool = False,
    limit: int = Query(100, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> list[practice.ImpulseJson]:
    """With `open=true`, only those still waiting for a decision (as `impulse --list --json`)."""
    found = practice_access.impulses_of(request.auth)
    if open:
        found = found.filter(outcome=Impulse.Outcome.OPEN)
    return [practice.impulse_json(i) for i in found[offset : offset + limit]]


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
    response={201: practice.AccomplishmentJson},
    summary="Log an accomplishment (`accomplishment add`)",
)
def log(request: ApiRequest, payload: AccomplishmentIn) -> Status[practice.AccomplishmentJson]:
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
    return Status(201, practice.accomplishment_json(done))


@router.get(
    "/accomplishments/update",
    response=UpdateJson,
    openapi_extra={
        "responses": {
            200: {
                "description": "The update: JSON, or with `format` the update itself",
                "content": {
                    "text/markdown": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}},
                },
            }
        }
    },
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


# --- aspiration (A1) ------------------------------------------------------------------------------


class AgeAnswerJson(TypedDict):
    age: int
    text: str


class AspirationJson(TypedDict):
    aspiration: str
    strategy: str
    birth_year: int | None
    ages: list[int]
    at_ages: list[AgeAnswerJson]


class AgeAnswerIn(Input):
    age: Literal[AspirationAtAge.AGES]  # type: ignore[valid-type]
    text: str


class AspirationIn(Input):
    """All three answers are stated, as on the page; `at_ages`, when given, sets those ages only
    (an empty text clears one) and leaves the others as they are."""

    aspiration: str
    strategy: str
    birth_year: Whole | None = Field(ge=practice.OLDEST_BIRTH_YEAR, le=LATEST_BIRTH_YEAR)
    at_ages: list[AgeAnswerIn] | None = None


class ReflectionIn(Input):
    period: Literal["year", "month", "week", "today"]
    text: str = words()
    on: Day | None = None


class ReflectionJson(TypedDict):
    id: int
    period: str
    text: str
    on: str


class RatingIn(Input):
    clarity: Whole = score()
    strategy: Whole = score()
    focus: Whole = score()
    progress: Whole | None = score(None)
    on: Day | None = None


class RatingJson(TypedDict):
    on: str
    clarity: int
    strategy: int
    focus: int
    progress: int | None


def aspiration_json(owner: User) -> AspirationJson:
    """What the Aspiration page shows: only the ages the person has reached (rule A1)."""
    mine = practice_access.aspiration_of(owner)
    birth_year = mine.birth_year if mine else None
    ages = practice.ages_to_show(birth_year=birth_year)
    answers = dict(practice_access.aspirations_at_age_of(owner).values_list("age", "text"))
    return {
        "aspiration": mine.aspiration if mine else "",
        "strategy": mine.strategy if mine else "",
        "birth_year": birth_year,
        "ages": ages,
        "at_ages": [{"age": age, "text": answers.get(age, "")} for age in ages],
    }


def rating_json(rating: AspirationRating) -> RatingJson:
    return {
        "on": rating.rated_on.isoformat(),
        "clarity": rating.clarity,
        "strategy": rating.strategy,
        "focus": rating.focus,
        "progress": rating.progress,
    }


@router.get("/aspiration", response=AspirationJson, summary="Your aspiration and strategy")
def aspiration(request: ApiRequest) -> AspirationJson:
    return aspiration_json(request.auth)


@router.put("/aspiration", response=AspirationJson, summary="Revise your aspiration and strategy")
def aspiration_save(request: ApiRequest, payload: AspirationIn) -> AspirationJson:
    texts = {answer.age: answer.text for answer in payload.at_ages or []}
    if unknown := sorted(set(texts) - set(AspirationAtAge.AGES)):
        ages = ", ".join(map(str, AspirationAtAge.AGES))
        raise HttpError(422, f"At ages: {unknown[0]} is not one of {ages}.")
    try:
        with transaction.atomic():  # a birth year and the ages it allows stand or fall together
            practice.save_aspiration(
                owner=request.auth,
                aspiration=payload.aspiration,
                strategy=payload.strategy,
                birth_year=payload.birth_year,
            )
            practice.save_aspirations_at_ages(owner=request.auth, texts=texts)
    except InvalidInput as error:
        raise unusable(error) from None
    return aspiration_json(request.auth)


@router.post(
    "/reflections", response={201: ReflectionJson}, summary="What you have done, looking back"
)
def reflect(request: ApiRequest, payload: ReflectionIn) -> Status[ReflectionJson]:
    """`period` is year, month, week or today; `on` defaults to today."""
    try:
        row = practice.add_reflection(
            owner=request.auth, period=payload.period, text=payload.text, on=payload.on
        )
    except InvalidInput as error:
        raise unusable(error) from None
    return Status(
        201,
        {"id": row.pk, "period": row.period, "text": row.text, "on": row.written_on.isoformat()},
    )


@router.get(
    "/ratings", response=list[RatingJson], summary="Clarity, strategy and focus, oldest first"
)
def ratings(request: ApiRequest) -> list[RatingJson]:
    return [rating_json(row) for row in practice_access.aspiration_ratings_of(request.auth)]


@router.post(
    "/ratings",
    response={200: RatingJson, 201: RatingJson},
    summary="Rate clarity, strategy and focus (0-10)",
)
def rate(request: ApiRequest, payload: RatingIn) -> Status[RatingJson]:
    """One rating a day: rating again the same day revises it (200), a first one is 201."""
    day = payload.on or timezone.localdate()
    revising = practice_access.aspiration_ratings_of(request.auth).filter(rated_on=day).exists()
    try:
        row = practice.rate_aspiration(owner=request.auth, **payload.dict())
    except InvalidInput as error:
        raise unusable(error) from None
    return Status(200 if revising else 201, rating_json(row))


# --- confidence through skills (C1) ---------------------------------------------------------------


class PracticeIn(Input):
    skill: Skill  # as `practice log --skill` names it ("cold-call"); the stored name works too
    situation: str = words()
    before: Whole = score()
    after: Whole = score()
    preparation: str = ""
    notes: str = ""
    on: Day | None = None


class PitchIn(Input):
    """As `hedgerow practice pitch --save`: an empty `text` is put together from the parts, so
    the text or one part must say something (a part's closing punctuation does not count)."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [{"properties": {"text": {"pattern": NOT_BLANK}}, "required": ["text"]}]
            + [  # type: ignore[dict-item]
                {"properties": {part: {"pattern": r"[^\s.!?;:,]"}}, "required": [part]}
                for part in ("who", "what", "for_whom", "proof", "ask")
            ]
        }
    )

    audience: str = Field("", max_length=200)
    who: str = ""
    what: str = ""
    for_whom: str = ""
    proof: str = ""
    ask: str = ""
    text: str = ""


def skill_value(name: str) -> str:
    """A skill as `practice log --skill` names it ("cold-call"); the stored name works too."""
    value = name.strip().replace("-", "_")
    if value not in PracticeSession.Skill.values():
        names = ", ".join(skill.replace("_", "-") for skill in PracticeSession.Skill.values())
        raise HttpError(422, f"Skill must be one of: {names}.")
    return value


def keep_pitch(owner: User, payload: PitchIn, pitch: Pitch | None = None) -> Pitch:
    try:
        return practice.save_pitch(
            owner=owner,
            pitch=pitch,
            audience=payload.audience,
            who_i_am=payload.who,
            what_i_do=payload.what,
            for_whom=payload.for_whom,
            proof=payload.proof,
            ask=payload.ask,
            text=payload.text,
        )
    except InvalidInput as error:
        raise unusable(error) from None


@router.post(
    "/practice-sessions",
    response={201: practice.PracticeSessionJson},
    summary="Log a practice session (`practice log`)",
)
def practise(request: ApiRequest, payload: PracticeIn) -> Status[practice.PracticeSessionJson]:
    try:
        session = practice.log_practice(
            owner=request.auth,
            skill=skill_value(payload.skill),
            situation=payload.situation,
            before=payload.before,
            after=payload.after,
            preparation=payload.preparation,
            notes=payload.notes,
            on=payload.on,
        )
    except InvalidInput as error:
        raise unusable(error) from None
    return Status(201, practice.practice_session_json(session))


@router.get(
    "/skills",
    response=list[practice.SkillSummaryJson],
    summary="Sessions and average gain per skill (`practice summary`)",
)
def skills(request: ApiRequest) -> list[practice.SkillSummaryJson]:
    return [summary.as_json() for summary in practice.summarize_skills(request.auth)]


@router.get(
    "/pitches", response=list[practice.PitchJson], summary="Your pitches (`practice pitches`)"
)
def pitches(request: ApiRequest) -> list[practice.PitchJson]:
    return [practice.pitch_json(pitch) for pitch in practice_access.pitches_of(request.auth)]


@router.post(
    "/pitches",
    response={201: practice.PitchJson},
    summary="Keep a pitch (`practice pitch --save`)",
)
def pitch_add(request: ApiRequest, payload: PitchIn) -> Status[practice.PitchJson]:
    return Status(201, practice.pitch_json(keep_pitch(request.auth, payload)))


@router.get("/pitches/{pitch_id}", response=practice.PitchJson, summary="One of your pitches")
def pitch(request: ApiRequest, pitch_id: int) -> practice.PitchJson:
    return practice.pitch_json(practice_access.pitch_of(request.auth, pitch_id))


@router.put("/pitches/{pitch_id}", response=practice.PitchJson, summary="Revise a pitch")
def pitch_revise(request: ApiRequest, pitch_id: int, payload: PitchIn) -> practice.PitchJson:
    found = practice_access.pitch_of(request.auth, pitch_id)
    return practice.pitch_json(keep_pitch(request.auth, payload, found))
