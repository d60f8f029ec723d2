"""Rule N11's second figure: of the notes you sent, how many got an answer, by month.

A note is an outgoing message, email or call; it is answered when the same person writes back
(a message, email or call from them) within REPLY_DAYS, and before the day the figures are for.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, DateTimeField, Exists, Func, OuterRef, Q
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.network.models import Interaction
from hedgerow.network.suggest import OUTREACH, end_of

REPLY_DAYS = 30


class ReplyMonth(TypedDict):
    month: str  # YYYY-MM
    sent: int
    answered: int


class _DaysLater(Func):
    """A moment `days` later, computed by the database itself: Django's own datetime arithmetic
    on SQLite calls back into Python for every row, which made 30,000 contacts take seconds."""

    output_field = DateTimeField()

    def __init__(self, expression, *, days: int) -> None:
        super().__init__(expression)
        self.days = int(days)

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"datetime({sql}, '+{self.days} days')", params

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + interval '{self.days} days')", params


def reply_figures(owner, as_of: date, months: int = 12) -> list[ReplyMonth]:
    """The last `months` months, quiet ones included, oldest first.

    One query, counted in the database: a conditional count per month (no per-row date
    functions), and each note sent looks for one answer through the (contact, occurred_at) index,
    between the note and REPLY_DAYS later.
    """
    firsts = [_month_back(as_of, back) for back in range(months - 1, -1, -1)]
    starts = [end_of(first - timedelta(days=1)) for first in firsts]
    until = end_of(as_of)
    answer = Interaction.objects.filter(
        contact_id=OuterRef("contact_id"),
        kind__in=OUTREACH,
        direction=Interaction.Direction.INCOMING,
        occurred_at__gt=OuterRef("occurred_at"),
        occurred_at__lte=_DaysLater(OuterRef("occurred_at"), days=REPLY_DAYS),
        occurred_at__lt=until,
    )
    notes = Interaction.objects.filter(
        owner_id=owner.pk,
        kind__in=OUTREACH,
        direction=Interaction.Direction.OUTGOING,
        occurred_at__gte=starts[0],
        occurred_at__lt=until,
    ).annotate(answered=Exists(answer))
    counts = {}
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else until
        in_month = Q(occurred_at__gte=start, occurred_at__lt=stop)
        counts[f"sent_{index}"] = Count("pk", filter=in_month)
        counts[f"answered_{index}"] = Count("pk", filter=in_month & Q(answered=True))
    counted = notes.aggregate(**counts)
    return [
        {
            "month": first.strftime("%Y-%m"),
            "sent": counted[f"sent_{index}"],
            "answered": counted[f"answered_{index}"],
        }
        for index, first in enumerate(firsts)
    ]


def _month_back(as_of: date, back: int) -> date:
    index = as_of.year * 12 + as_of.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
