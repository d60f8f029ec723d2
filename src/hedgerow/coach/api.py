"""This app's part of the JSON API at /api/v1/coach/: the same coach and drafts as the CLI."""

from __future__ import annotations

from typing import Literal

from ninja import Router, Schema

from hedgerow.coach.checks import Report, check_note
from hedgerow.coach.drafts import DraftJson, draft_as_json, write_draft
from hedgerow.network import access
from hedgerow.network.api import ApiRequest

router = Router(tags=["coach"])

Occasion = Literal["acknowledgement", "invitation", "follow-up", "keep-in-touch"]


class CheckIn(Schema):
    text: str
    occasion: Occasion
    to: str | None = None
    about: str | None = None


@router.post("/check", response=Report, summary="The coach's report on a note (as `coach check`)")
def check(request: ApiRequest, payload: CheckIn) -> Report:
    return check_note(payload.text, payload.occasion, to=payload.to, about=payload.about)


@router.get("/draft", response=DraftJson, summary="A first draft (as `hedgerow draft --json`)")
def draft(request: ApiRequest, occasion: Occasion, contact_id: int, phrasing: int = 0) -> DraftJson:
    contact = access.contact_of(request.auth, contact_id)
    shift = max(0, min(phrasing, 99))
    return draft_as_json(write_draft(contact=contact, occasion=occasion, shift=shift))
