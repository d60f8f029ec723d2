"""Template tags for showing a goal's weekly rhythm on other apps' pages (Today)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from hedgerow.goals.weeks import due_checkin

register = template.Library()


@register.inclusion_tag("goals/_checkin_due.html", takes_context=True)
def checkin_due(context: dict[str, Any]) -> dict[str, Any]:
    """Rule G6: the week's check-in, on Today while it is due (see goals.weeks)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    due = due_checkin(user, timezone.localdate()) if user and user.is_authenticated else None
    if due is None:
        return {"due": None}
    return {"due": due, "due_on": due["due_on"]}
