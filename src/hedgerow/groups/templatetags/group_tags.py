"""Template tags for showing group news on every page: the count beside Groups in the menu."""

from __future__ import annotations

from typing import Any

from django import template

from hedgerow.groups.feed import unread_total

register = template.Library()


@register.simple_tag(takes_context=True)
def groups_unread(context: dict[str, Any]) -> int:
    """What is new in the person's groups since they last looked (0 when signed out)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_total(user)
