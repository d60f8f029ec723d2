"""The Today page: the day's agenda (N1, N5, N8, N7, N11) and the goal's check-in (G6).

Acting on an item (done, snooze, a note) is the network's: those forms post to its views.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hedgerow.network import access, agenda, services
from hedgerow.network.models import Update
from hedgerow.today.compose import build_today

SECTION_LIMIT = 10  # items per Today section before "and N more": a calm, doable day


@require_GET
def today(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    show_all = request.GET.get("all", "")
    limit = None if show_all == "updates" else SECTION_LIMIT
    plan = build_today(request.user, as_of, update_limit=limit)
    more_updates = 0
    if limit is not None and len(plan["updates"]) == limit:
        more_updates = agenda.open_updates(request.user, as_of).count() - limit
    follow_ups, more_follow_ups = _trim(plan["follow_ups"], show_all != "follow-ups")
    due, more_due = _trim(plan["due"], show_all != "due")
    pending, more_pending = _trim(plan["pending_invitations"], show_all != "pending")
    contact_ids = [i["contact"]["id"] for i in (*plan["updates"], *follow_ups, *due)]
    # Rule N6: say it before the person writes, not only after.
    warnings = services.outreach_warnings(owner=request.user, contact_ids=contact_ids, on=as_of)
    chart = agenda.growth_chart(plan["network"], as_of, months=24)
    context = {
        "nav": "today",
        "as_of": as_of,
        "network": plan["network"],
        "updates": _rows("update", plan["updates"], warnings),
        "more_updates": more_updates,
        "follow_ups": _rows("follow-up", follow_ups, warnings),
        "more_follow_ups": more_follow_ups,
        "due": _rows("due", due, warnings),
        "more_due": more_due,
        "pending": pending,
        "more_pending": more_pending,
        "chart": chart,
        "suggestion": plan["suggestion"],
        "replies": [
            {**month, "label": date.fromisoformat(f"{month['month']}-01")}
            for month in plan["network"]["replies"][-6:]
        ],
        "joined_this_year": sum(bar["added"] for bar in chart[-12:]),
        "has_contacts": access.contacts_of(request.user).exists(),
        "today_url": request.get_full_path(),
    }
    return render(request, "today/today.html", context)


def _trim(items: list, trim: bool) -> tuple[list, int]:
    if not trim or len(items) <= SECTION_LIMIT:
        return items, 0
    return items[:SECTION_LIMIT], len(items) - SECTION_LIMIT


def _rows(kind: str, items: list, warnings: dict[int, str]) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row = dict(item)
        row["section"] = kind
        if kind == "update":
            row["update_kind"] = Update.Kind.label_of(item["kind"])
        row["pk"] = item["contact"]["id"] if kind == "due" else item["id"]
        row["key"] = f"{kind}-{row['pk']}"
        row["warning"] = warnings.get(item["contact"]["id"])
        rows.append(row)
    return rows
