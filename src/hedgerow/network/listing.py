"""The contacts list: which people it shows, in which order, and when you were last in touch.

Built for 30,000 contacts: every filter and sort is one query, and "last contact" is read for the
page shown (one grouped query over the (contact, occurred_at) index), or, when the list is
sorted by it, as a correlated subquery on that same index.
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from hedgerow.network.access import interactions_of, review_items_of
from hedgerow.network.agenda import core_contacts_due
from hedgerow.network.models import Contact, Interaction

# The quick filters above the list: value → label.
SHOWS = {
    "": "Everyone",
    "core": "Core",
    "overdue": "Overdue",
    "gone": "No longer connected",
    "review": "Needs review",
}
# Sortable columns: the first direction a click gives (names A-Z, the latest contact first).
SORTS = {"name": "name", "company": "company", "last": "-last", "connected": "-connected"}


def no_longer_connected() -> Q:
    """Once a connection, not now (a later LinkedIn export no longer lists them)."""
    return Q(connected=False) & (Q(connected_on__isnull=False) | Q(disconnected_on__isnull=False))


def overdue_ids(owner, as_of: date) -> list[int]:
    """Rule N8: core contacts whose cadence has run out (Today's "due")."""
    return [item["contact"]["id"] for item in core_contacts_due(owner, as_of)]


def shown(owner, found: QuerySet[Contact], show: str, as_of: date) -> QuerySet[Contact]:
    if show == "core":
        return found.filter(is_core=True)
    if show == "overdue":
        return found.filter(pk__in=overdue_ids(owner, as_of))
    if show == "gone":
        return found.filter(no_longer_connected())
    if show == "review":  # an import found someone who may be them; not decided yet
        waiting = review_items_of(owner).filter(resolved_at__isnull=True)
        return found.filter(pk__in=waiting.values("contact_id"))
    return found


def show_counts(owner, everyone: QuerySet[Contact], as_of: date) -> dict[str, int]:
    """How many people each quick filter would show, for its label."""
    waiting = review_items_of(owner).filter(resolved_at__isnull=True)
    return {
        "": everyone.count(),
        "core": everyone.filter(is_core=True).count(),
        "overdue": len(overdue_ids(owner, as_of)),
        "gone": everyone.filter(no_longer_connected()).count(),
        "review": waiting.values("contact_id").distinct().count(),
    }


def in_order(found: QuerySet[Contact], sort: str) -> QuerySet[Contact]:
    """The list sorted by a column ("-" for the other way); names break ties, then ids."""
    descending = sort.startswith("-")
    column = sort.lstrip("-")
    if column == "last":
        latest = Interaction.objects.filter(contact=OuterRef("pk")).order_by("-occurred_at")
        found = found.annotate(last_at=Subquery(latest.values("occurred_at")[:1]))
        key = (
            F("last_at").desc(nulls_last=True) if descending else F("last_at").asc(nulls_last=True)
        )
        return found.order_by(key, "name", "id")
    field = {"name": "name", "company": "company", "connected": "connected_on"}.get(column, "name")
    key = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
    return found.order_by(key, "name", "id")


def last_contact_on(owner, contact_ids: list[int]) -> dict[int, date]:
    """When each of these people was last in touch (any interaction), in the owner's days."""
    latest = (
        interactions_of(owner)
        .filter(contact_id__in=contact_ids)
        .values("contact_id")
        .annotate(last=Max("occurred_at"))
        .order_by()
    )
    return {row["contact_id"]: timezone.localdate(row["last"]) for row in latest}
