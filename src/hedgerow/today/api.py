"""`GET /api/v1/today`: the same structure as `hedgerow today --json`."""

from __future__ import annotations

from datetime import date

from ninja import Router

from hedgerow.lib.http import ApiRequest
from hedgerow.today.compose import Today, build_today

router = Router(tags=["today"])


@router.get("/today", response=Today, summary="Today's agenda (as `hedgerow today --json`)")
def today(request: ApiRequest, as_of: date | None = None) -> Today:
    return build_today(request.auth, as_of)
