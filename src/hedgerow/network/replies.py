"""Rule N11's second figure: of the notes you sent, how many got an answer, by month.

A note is an outgoing message, email or call; it is answered when the same person writes back
(a message, email or call from them) within REPLY_DAYS, and before the day the figures are for.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.network.models import Interaction
from hedgerow.network.suggest import OUTREACH, end_of

REPLY_DAYS = 30


class ReplyMonth(TypedDict):
    month: str  # YYYY-MM
    sent: int
    answered: int


def reply_figures(owner, as_of: date, months: int = 12) -> list[ReplyMonth]:
    """The last `months` months, quiet ones included, oldest first.

    Counted in the database, one row a month: each note sent looks for one answer through the
    (contact, occurred_at) index, so 30,000 contacts and 200,000 messages cost one bounded query,
    not a walk over every message in Python.
    """
    first_month = _month_back(as_of, months - 1)
    since, until = end_of(first_month - timedelta(days=1)), end_of(as_of)
    answer = Interaction.objects.filter(
        contact_id=OuterRef("contact_id"),
        kind__in=OUTREACH,
        direction=Interaction.Direction.INCOMING,
        occurred_at__gt=OuterRef("occurred_at"),
        occurred_at__lte=OuterRef("occurred_at") + timedelta(days=REPLY_DAYS),
        occurred_at__lt=until,
    )
    rows = (
        Interaction.objects.filter(
            owner_id=owner.pk,
            kind__in=OUTREACH,
            direction=Interaction.Direction.OUTGOING,
            occurred_at__gte=since,
            occurred_at__lt=until,
        )
        .annotate(month=TruncMonth("occurred_at"))
        .values("month")
        .annotate(sent=Count("pk"), answered=Count("pk", filter=Exists(answer)))
        .order_by()
    )
    counts = {row["month"].strftime("%Y-%m"): (row["sent"], row["answered"]) for row in rows}
    result: list[ReplyMonth] = []
    for back in range(months - 1, -1, -1):
        month = _month_back(as_of, back).strftime("%Y-%m")
        sent, answered = counts.get(month, (0, 0))
        result.append({"month": month, "sent": sent, "answered": answered})
    return result


def _month_back(as_of: date, back: int) -> date:
    index = as_of.year * 12 + as_of.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
