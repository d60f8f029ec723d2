"""Rule N11's second figure: of the notes you sent, how many got an answer, by month.

A note is an outgoing message, email or call; it is answered when the same person writes back
(a message, email or call from them) within REPLY_DAYS, and before the day the figures are for.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Value,
    When,
)
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

    One query, counted in the database: each note sent is put in its month once (a CASE over the
    months' ends, so one comparison or a few per note, not two counts per month), and looks for
    one answer through the (contact, occurred_at) index, between the note and REPLY_DAYS later.
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
    ends = [*starts[1:], until]
    month = Case(
        *[When(occurred_at__lt=end, then=Value(index)) for index, end in enumerate(ends)],
        output_field=IntegerField(),
    )
    counted = (
        Interaction.objects.filter(
            owner_id=owner.pk,
            kind__in=OUTREACH,
            direction=Interaction.Direction.OUTGOING,
            occurred_at__gte=starts[0],
            occurred_at__lt=until,
        )
        .annotate(month=month)
        .order_by()
        .values_list("month")
        .annotate(sent=Count("pk"), answered=Count("pk", filter=Exists(answer)))
    )
    by_month = {index: (sent, answered) for index, sent, answered in counted}
    return [
        {
            "month": first.strftime("%Y-%m"),
            "sent": by_month.get(index, (0, 0))[0],
            "answered": by_month.get(index, (0, 0))[1],
        }
        for index, first in enumerate(firsts)
    ]


def _month_back(as_of: date, back: int) -> date:
    index = as_of.year * 12 + as_of.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
