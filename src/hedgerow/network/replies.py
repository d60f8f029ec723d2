"""Rule N11's second figure: of the notes you sent, how many got an answer, by month.

A note is an outgoing message, email or call; it is answered when the same person writes back
(a message, email or call from them) within REPLY_DAYS, and before the day the figures are for.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, timedelta

from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.network.models import Interaction
from hedgerow.network.suggest import OUTREACH, end_of

REPLY_DAYS = 30


class ReplyMonth(TypedDict):
    month: str  # YYYY-MM
    sent: int
    answered: int


def reply_figures(owner, as_of: date, months: int = 12) -> list[ReplyMonth]:
    """The last `months` months, quiet ones included, oldest first."""
    first_month = _month_back(as_of, months - 1)
    since = end_of(first_month - timedelta(days=1))
    rows = (
        Interaction.objects.filter(
            owner_id=owner.pk,
            kind__in=OUTREACH,
            occurred_at__gte=since,
            occurred_at__lt=end_of(as_of),
        )
        .exclude(direction=Interaction.Direction.MUTUAL)
        .order_by()
        .values_list("contact_id", "direction", "occurred_at")
    )
    answers: dict[int, list[datetime]] = {}
    sent: list[tuple[int, datetime]] = []
    for contact_id, direction, at in rows.iterator(chunk_size=5000):
        if direction == Interaction.Direction.INCOMING:
            answers.setdefault(contact_id, []).append(at)
        else:
            sent.append((contact_id, at))
    for times in answers.values():
        times.sort()
    counts: dict[str, list[int]] = {}
    window = timedelta(days=REPLY_DAYS)
    for contact_id, at in sent:
        month = timezone.localtime(at).strftime("%Y-%m")
        figures = counts.setdefault(month, [0, 0])
        figures[0] += 1
        times = answers.get(contact_id, [])
        after = bisect_right(times, at)
        if after < len(times) and times[after] - at <= window:
            figures[1] += 1
    result: list[ReplyMonth] = []
    for back in range(months - 1, -1, -1):
        month = _month_back(as_of, back).strftime("%Y-%m")
        sent_n, answered = counts.get(month, [0, 0])
        result.append({"month": month, "sent": sent_n, "answered": answered})
    return result


def _month_back(as_of: date, back: int) -> date:
    index = as_of.year * 12 + as_of.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
