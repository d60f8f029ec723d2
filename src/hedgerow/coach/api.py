"""This app's part of the JSON API at /api/v1/coach/: the same coach and drafts as the CLI."""

from __future__ import annotations

from ninja import Query, Router

from hedgerow.coach.checks import Report, check_note
from hedgerow.coach.drafts import DraftJson, check_context, draft_as_json, write_draft
from hedgerow.lib.api_fields import Input, Whole
from hedgerow.lib.http import ApiRequest
from hedgerow.network import access
from hedgerow.vocabulary import Occasion

router = Router(tags=["coach"])


class CheckIn(Input):
    text: str
    occasion: Occasion
    to: str | None = None
    about: str | None = None
    contact_id: Whole | None = None  # read the note as the composer does: their name, update, names


@router.post("/check", response=Report, summary="The coach's report on a note (as `coach check`)")
def check(request: ApiRequest, payload: CheckIn) -> Report:
    if payload.contact_id is None:
        return check_note(payload.text, payload.occasion, to=payload.to, about=payload.about)
    contact = access.contact_of(request.auth, payload.contact_id)
    context = check_context(contact=contact, occasion=payload.occasion)
    return check_note(
        payload.text,
        payload.occasion,
        to=payload.to or context.to,
        about=payload.about or context.about,
        names=context.names,
    )


@router.get("/draft", response=DraftJson, summary="A first draft (as `hedgerow draft --json`)")
def draft(
    request: ApiRequest, occasion: Occasion, contact_id: int, phrasing: int = Query(0, ge=0, le=99)
) -> DraftJson:
    contact = access.contact_of(request.auth, contact_id)
    return draft_as_json(write_draft(contact=contact, occasion=occasion, shift=phrasing))
