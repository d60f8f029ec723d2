"""`GET /api/v1/today` (the same structure as `hedgerow today --json`) and the answers a script
gives about a person on it: I already wrote, not now, skip, and undo."""

from __future__ import annotations

from datetime import date
from typing import cast

from django.urls import reverse
from ninja import Router, Schema
from ninja.errors import HttpError

from hedgerow.lib.api_errors import refusal
from hedgerow.lib.api_fields import Day, Input
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest
from hedgerow.network import access, agenda_actions
from hedgerow.network.agenda import ContactRef, contact_ref
from hedgerow.today.compose import Today, build_today
from hedgerow.vocabulary import Answer, NotNow

router = Router(tags=["today"])


class WroteIn(Input):
    text: str = ""  # what you wrote, if you want it kept
    on: Day | None = None  # the day you wrote; default today


class NotNowIn(Input):
    until: NotNow = NotNow.NEXT_WEEK


class UndoOut(Schema):
    method: str
    path: str


class AnswerOut(Schema):
    id: int
    kind: Answer
    contact: ContactRef
    text: str  # what happened to whom, as the page says it
    until: date | None  # not now: the day they come back
    warning: str | None  # rule N6: after an unanswered note within two weeks
    undone: bool
    undo: UndoOut | None  # how to take it back, for a few minutes


def answer_out(done: agenda_actions.Done) -> AnswerOut:
    action = done.action
    can_undo = agenda_actions.can_undo(action)
    return AnswerOut(
        id=action.pk,
        kind=cast(Answer, action.kind),  # stored as its value; the schema checks it
        contact=contact_ref(action.contact),
        text=done.text,
        until=action.until,
        warning=done.warning,
        undone=action.undone_at is not None,
        undo=UndoOut(method="POST", path=reverse("api:today-undo", args=[action.pk]))
        if can_undo
        else None,
    )


@router.get("/today", response=Today, summary="Today's agenda (as `hedgerow today --json`)")
def today(request: ApiRequest, as_of: Day | None = None) -> Today:
    return build_today(request.auth, as_of)


@router.post(
    "/today/contacts/{contact_id}/wrote",
    response=AnswerOut,
    url_name="today-wrote",
    summary="I already wrote: log it and settle every reason they are on Today for",
)
def wrote(request: ApiRequest, contact_id: int, payload: WroteIn) -> AnswerOut:
    contact = access.contact_of(request.auth, contact_id)
    try:
        done = agenda_actions.wrote(contact=contact, text=payload.text, on=payload.on)
    except InvalidInput as error:
        raise refusal(error) from None
    return answer_out(done)


@router.post(
    "/today/contacts/{contact_id}/not-now",
    response=AnswerOut,
    url_name="today-not-now",
    summary="Not now: they come back tomorrow, next week or next month",
)
def not_now(request: ApiRequest, contact_id: int, payload: NotNowIn) -> AnswerOut:
    contact = access.contact_of(request.auth, contact_id)
    try:
        done = agenda_actions.not_now(contact=contact, until=payload.until)
    except InvalidInput as error:
        raise refusal(error) from None
    return answer_out(done)


@router.post(
    "/today/contacts/{contact_id}/skip",
    response=AnswerOut,
    url_name="today-skip",
    summary="Skip: settle every reason without writing",
)
def skip(request: ApiRequest, contact_id: int) -> AnswerOut:
    contact = access.contact_of(request.auth, contact_id)
    try:
        done = agenda_actions.skip(contact=contact)
    except InvalidInput as error:
        raise refusal(error) from None
    return answer_out(done)


@router.post(
    "/today/actions/{action_id}/undo",
    response=AnswerOut,
    url_name="today-undo",
    summary="Undo an answer, within a few minutes",
)
def undo(request: ApiRequest, action_id: int) -> AnswerOut:
    action = access.agenda_action_of(request.auth, action_id)
    try:
        done = agenda_actions.undo(action=action)
    except InvalidInput as error:
        raise HttpError(409, str(error)) from None
    return answer_out(done)
