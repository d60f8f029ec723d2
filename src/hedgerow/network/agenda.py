"""The network's part of Today: whom to write to and why, in the method's order (N1, N5, N8, N11).

`build_agenda` returns plain data with real dates; `hedgerow.today` adds the goal's check-in, and
the page, the CLI and the API all render that one structure, so they can never disagree. Dates
become text only at those edges.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import (
    CharField,
    Count,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Substr
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.lib.dates import month_text
from hedgerow.network.access import contacts_of, invitations_of, updates_of
from hedgerow.network.models import Contact, Interaction, Invitation, Update, next_due_on
from hedgerow.network.replies import ReplyMonth, reply_figures


class ContactRef(TypedDict):
    id: int
    name: str
    company: str
    position: str
    linkedin_url: str


class UpdateItem(TypedDict):
    id: int
    contact: ContactRef
    kind: str
    summary: str
    url: str
    detected_on: date


class FollowUpItem(TypedDict):
    id: int
    contact: ContactRef
    accepted_on: date


class DueItem(TypedDict):
    contact: ContactRef
    last_interaction_on: date | None
    days_overdue: int
    cadence_days: int


class PendingItem(TypedDict):
    id: int
    name: str
    linkedin_url: str
    sent_on: date
    days_waiting: int


class MonthItem(TypedDict):
    month: str
    added: int
    total: int


class Network(TypedDict):
    connections: int
    accepted_invitations: int
    by_month: list[MonthItem]
    replies: list[ReplyMonth]  # rule N11: of the notes you sent, how many were answered


class Agenda(TypedDict):
    as_of: date
    updates: list[UpdateItem]
    follow_ups: list[FollowUpItem]
    due: list[DueItem]
    pending_invitations: list[PendingItem]
    network: Network


# A ContactRef's fields, in its order: read with values_list where a whole Contact is not needed.
CONTACT_REF = ("id", "name", "company", "position", "linkedin_url")
REF = tuple(f"contact__{name}" for name in CONTACT_REF)


def _ref(values) -> ContactRef:
    pk, name, company, position, linkedin_url = values
    return {
        "id": pk,
        "name": name,
        "company": company,
        "position": position,
        "linkedin_url": linkedin_url,
    }


def contact_ref(contact: Contact) -> ContactRef:
    return {
        "id": contact.pk,
        "name": contact.name,
        "company": contact.company,
        "position": contact.position,
        "linkedin_url": contact.linkedin_url,
    }


def _active(queryset: QuerySet, as_of: date, field: str = "snoozed_until") -> QuerySet:
    return queryset.filter(Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lte": as_of}))


def open_updates(owner, as_of: date) -> QuerySet[Update]:
    """Rule N1: updates not yet acknowledged; core contacts first, then the newest."""
    # Updates an import found long after they happened are history (issue 9), not actions.
    updates = updates_of(owner).filter(
        acknowledged_on__isnull=True, detected_on__lte=as_of, history=False
    )
    return (
        _active(updates, as_of)
        .select_related("contact")
        .order_by("-contact__is_core", "-detected_on", "-id")
    )


def updates_due(owner, as_of: date, limit: int | None = None) -> list[UpdateItem]:
    updates = open_updates(owner, as_of)
    if limit is not None:
        updates = updates[:limit]
    return [
        {
            "id": u.pk,
            "contact": contact_ref(u.contact),
            "kind": u.kind,
            "summary": u.summary,
            "url": u.url,
            "detected_on": u.detected_on,
        }
        for u in updates
    ]


def follow_ups_due(owner, as_of: date) -> list[FollowUpItem]:
    """Rule N5: accepted invitations still waiting for a warm reply."""
    accepted = invitations_of(owner).filter(
        direction=Invitation.Direction.OUTGOING,
        status=Invitation.Status.ACCEPTED,
        replied_on__isnull=True,
        contact__isnull=False,
        accepted_on__lte=as_of,
        history=False,  # accepted long before an import found it: history, not an action
    )
    # Only the fields Today shows: Today reads this on every visit.
    rows = _active(accepted, as_of).order_by("accepted_on").values_list("id", "accepted_on", *REF)
    return [
        {"id": pk, "contact": _ref(contact), "accepted_on": accepted_on}
        for pk, accepted_on, *contact in rows
    ]


def core_contacts_due(owner, as_of: date) -> list[DueItem]:
    """Rule N8: core contacts whose cadence has run out since the last interaction."""
    core = _active(contacts_of(owner).filter(is_core=True), as_of, "due_snoozed_until").order_by()
    # One indexed look-up per core contact (contact, occurred_at), not a scan of all interactions.
    latest = Interaction.objects.filter(contact=OuterRef("pk")).order_by("-occurred_at")
    core = core.annotate(last_at=Subquery(latest.values("occurred_at")[:1]))
    items: list[DueItem] = []
    for core_since, cadence_days, last_at, *ref in core.values_list(
        "core_since", "cadence_days", "last_at", *CONTACT_REF
    ):
        last_on = timezone.localdate(last_at) if last_at else None
        due_on = next_due_on(last_on, core_since=core_since, cadence_days=cadence_days)
        if due_on is None or due_on > as_of:
            continue
        items.append(
            {
                "contact": _ref(ref),
                "last_interaction_on": last_on,
                "days_overdue": (as_of - due_on).days,
                "cadence_days": cadence_days,
            }
        )
    items.sort(key=lambda item: -item["days_overdue"])
    return items


def pending_invitations(owner, as_of: date) -> list[PendingItem]:
    """Rule N7: invitations still waiting. Normal, and shown as such."""
    pending = invitations_of(owner).filter(
        direction=Invitation.Direction.OUTGOING, status=Invitation.Status.PENDING
    )
    items: list[PendingItem] = []
    for inv in pending.order_by("sent_at"):
        sent_on = timezone.localdate(inv.sent_at)
        items.append(
            {
                "id": inv.pk,
                "name": inv.name,
                "linkedin_url": inv.linkedin_url,
                "sent_on": sent_on,
                "days_waiting": max(0, (as_of - sent_on).days),
            }
        )
    return items


class Counts(TypedDict):
    connections: int
    joined_since: int
    pending_invitations: int


def _count_of(queryset: QuerySet) -> Subquery:
    """COUNT(*) of a queryset, as a subquery. Counted apart, each figure walks only its own
    stretch of an index; one pass with a FILTER per figure tests every contact against each
    (30,000 contacts on SQLite: 4.6 ms of CPU, against 1.7 ms for the three counts apart)."""
    counted = queryset.order_by().annotate(n=Func(Value(1), function="COUNT"))
    return Subquery(counted.values("n"), output_field=IntegerField())


def connection_counts(owner, as_of: date, since: date) -> Counts:
    """Rule N11 and N7 in one query for Today's calm lines: connections now, how many joined
    from `since` on, and invitations still waiting (normal, and said as such)."""
    contacts = contacts_of(owner)
    connected = contacts.filter(connected=True)
    pending = invitations_of(owner).filter(
        direction=Invitation.Direction.OUTGOING, status=Invitation.Status.PENDING
    )
    counted = (
        get_user_model()
        ._default_manager.filter(pk=owner.pk)
        .values(
            connected=_count_of(connected),
            # Connected on a later day than the one asked about: not yet a connection then.
            later=_count_of(connected.filter(connected_on__gt=as_of)),
            joined=_count_of(contacts.filter(connected_on__gte=since, connected_on__lte=as_of)),
            pending=_count_of(pending),
        )
        .get()
    )
    return {
        "connections": counted["connected"] - counted["later"],
        "joined_since": counted["joined"],
        "pending_invitations": counted["pending"],
    }


def network_growth(owner, as_of: date) -> Network:
    """Rule N11: connections by the month they were made, with a running total."""
    # One pass over the owner's contacts, grouped by ("YYYY-MM", still connected) in the database.
    year_month = Substr(Cast("connected_on", CharField()), 1, 7)
    groups = (
        contacts_of(owner)
        .filter(Q(connected_on__lte=as_of) | Q(connected_on__isnull=True, connected=True))
        .annotate(month=year_month)
        .values_list("month", "connected")
        .annotate(n=Count("id"))
        .order_by()
    )
    added: Counter[str] = Counter()
    connections = 0
    for year_month_text, connected, n in groups:
        connections += n if connected else 0
        if year_month_text:
            added[year_month_text] += n
    total = 0
    by_month: list[MonthItem] = []
    for month in sorted(added):
        total += added[month]
        by_month.append({"month": month, "added": added[month], "total": total})
    accepted = (
        invitations_of(owner)
        .filter(direction=Invitation.Direction.OUTGOING, status=Invitation.Status.ACCEPTED)
        .count()
    )
    return {
        "connections": connections,
        "accepted_invitations": accepted,
        "by_month": by_month,
        "replies": reply_figures(owner, as_of),
    }


def build_agenda(owner, as_of: date | None = None, update_limit: int | None = None) -> Agenda:
    as_of = as_of or timezone.localdate()
    return {
        "as_of": as_of,
        "updates": updates_due(owner, as_of, update_limit),
        "follow_ups": follow_ups_due(owner, as_of),
        "due": core_contacts_due(owner, as_of),
        "pending_invitations": pending_invitations(owner, as_of),
        "network": network_growth(owner, as_of),
    }


class MonthBar(TypedDict):
    month: str  # YYYY-MM
    label: str  # "Mar 2025"
    added: int
    total: int


def growth_chart(network: Network, as_of: date, months: int = 24) -> list[MonthBar]:
    """Rule N11: the last `months` months, quiet months included, for a small bar chart."""
    added = {item["month"]: item["added"] for item in network["by_month"]}
    totals = {item["month"]: item["total"] for item in network["by_month"]}
    window = [_month_back(as_of, back) for back in range(months - 1, -1, -1)]
    first = window[0].strftime("%Y-%m")
    total = max((totals[m] for m in totals if m < first), default=0)
    bars: list[MonthBar] = []
    for day in window:
        month = day.strftime("%Y-%m")
        total = totals.get(month, total)
        bars.append(
            {"month": month, "label": month_text(day), "added": added.get(month, 0), "total": total}
        )
    return bars


def _month_back(as_of: date, back: int) -> date:
    index = as_of.year * 12 + as_of.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def last_interaction_on(contact: Contact) -> date | None:
    last = contact.interactions.order_by("-occurred_at").values_list("occurred_at", flat=True)
    at = last.first()
    return timezone.localdate(at) if at else None
