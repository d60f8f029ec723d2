"""What a group shows its members: the feed of shared check-ins with their replies and reactions,
the coach's prompts, questions and rounds (rule G5); what is new since a member last looked; and,
for the coach, who has checked in this week (shared goals only).

`feed_json` is the shape `hedgerow group feed --json` prints and `GET /api/v1/groups/{id}/feed`
returns: add keys, never rename or remove them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.goals.models import PLAN_WEEKS, CheckIn
from hedgerow.goals.weeks import plan_week
from hedgerow.groups import access
from hedgerow.groups.models import (
    GoalShare,
    Group,
    Membership,
    Nudge,
    Prompt,
    Question,
    Reaction,
    Reply,
    Round,
)

FEED_SIZE = 40  # for scripts; the page shows PAGE_SIZE at a time
PAGE_SIZE = 20


def display_name(person: User | None) -> str:
    if person is None:
        return "Someone who left"
    return person.get_full_name() or person.username


# --- the feed -------------------------------------------------------------------------------------


@dataclass
class FeedItem:
    kind: Literal["checkin", "prompt", "question", "round"]
    at: datetime
    new: bool
    obj: Any
    author: User | None = None
    replies: list[Reply] = field(default_factory=list)
    reactions: dict[str, int] = field(default_factory=dict)
    mine: set[str] = field(default_factory=set)  # the reactions the reader gave

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.obj.pk}"

    @property
    def reaction_rows(self) -> list[dict[str, Any]]:
        """Each kind of reaction with its label, count and whether the reader gave it."""
        return [
            {
                "kind": kind.value,
                "label": kind.label,
                "count": self.reactions.get(kind.value, 0),
                "mine": kind.value in self.mine,
            }
            for kind in Reaction.Kind
        ]


def feed_items(
    membership: Membership, *, limit: int = FEED_SIZE, before: datetime | None = None
) -> list[FeedItem]:
    """Newest first: shared check-ins, prompts, questions and rounds, each marked new when someone
    else wrote it after the member last looked."""
    group = membership.group

    def window(queryset: Any, stamp: str) -> Any:
        if before is not None:
            queryset = queryset.filter(**{f"{stamp}__lt": before})
        return queryset.order_by(f"-{stamp}")[:limit]

    checkins = list(
        window(access.shared_checkins(group).select_related("owner", "goal"), "created_at")
    )
    items = [
        FeedItem("checkin", c.created_at, _is_new(c.created_at, c.owner_id, membership), c, c.owner)
        for c in checkins
    ]
    for prompt in window(group.prompts.select_related("owner"), "created_at"):
        new = _is_new(prompt.created_at, prompt.owner_id, membership)
        items.append(FeedItem("prompt", prompt.created_at, new, prompt, prompt.owner))
    for question in window(group.questions.select_related("owner"), "created_at"):
        new = _is_new(question.created_at, question.owner_id, membership)
        items.append(FeedItem("question", question.created_at, new, question, question.owner))
    for rnd in window(group.rounds.select_related("opened_by"), "opened_at"):
        new = _is_new(rnd.opened_at, rnd.opened_by_id, membership)
        items.append(FeedItem("round", rnd.opened_at, new, rnd, rnd.opened_by))
    items.sort(key=lambda item: item.at, reverse=True)
    items = items[:limit]
    _attach_responses(items, membership)
    return items


def _is_new(at: datetime, author_id: int | None, membership: Membership) -> bool:
    if author_id == membership.owner_id:
        return False
    return membership.last_seen_at is None or at > membership.last_seen_at


def _attach_responses(items: list[FeedItem], membership: Membership) -> None:
    by_checkin = {item.obj.pk: item for item in items if item.kind == "checkin"}
    if not by_checkin:
        return
    replies = Reply.objects.filter(group=membership.group, checkin_id__in=by_checkin)
    for reply in replies.select_related("owner").order_by("created_at", "id"):
        by_checkin[reply.checkin_id].replies.append(reply)
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    reactions = Reaction.objects.filter(group=membership.group, checkin_id__in=by_checkin)
    for checkin_id, kind, owner_id in reactions.values_list("checkin_id", "kind", "owner_id"):
        counts[checkin_id][kind] += 1
        if owner_id == membership.owner_id:
            by_checkin[checkin_id].mine.add(kind)
    for checkin_id, item in by_checkin.items():
        item.reactions = {kind.value: counts[checkin_id][kind.value] for kind in Reaction.Kind}


def checkin_item(membership: Membership, checkin: CheckIn) -> FeedItem:
    """One check-in with its replies and reactions, for the htmx fragments."""
    item = FeedItem("checkin", checkin.created_at, False, checkin, checkin.owner)
    _attach_responses([item], membership)
    return item


# --- what is new ----------------------------------------------------------------------------------


def unread_count(membership: Membership) -> int:
    """Items and replies by others since the member last looked, plus nudges not yet seen."""
    group, seen, me = membership.group, membership.last_seen_at, membership.owner_id
    after = Q(created_at__gt=seen) if seen else Q()
    count = access.shared_checkins(group).filter(after).exclude(owner_id=me).count()
    count += Reply.objects.filter(after, group=group).exclude(owner_id=me).count()
    count += Prompt.objects.filter(after, group=group).exclude(owner_id=me).count()
    count += Question.objects.filter(after, group=group).exclude(owner_id=me).count()
    opened = Q(opened_at__gt=seen) if seen else Q()
    count += Round.objects.filter(opened, group=group).exclude(opened_by_id=me).count()
    count += Nudge.objects.filter(group=group, recipient_id=me, seen_at__isnull=True).count()
    return count


def unread_total(person: User) -> int:
    return sum(unread_count(m) for m in access.memberships_of(person))


# --- who has checked in this week (for the coach; shared goals only) ------------------------------


@dataclass(frozen=True)
class WeekRow:
    membership: Membership
    name: str
    shared: bool
    week: int | None  # their plan week, from their own goal's start date
    checked_in: bool
    nudged_on: date | None


def week_rows(group: Group, today: date) -> list[WeekRow]:
    """Each member: whether they share a goal, and if so whether this week's check-in is in.

    Nothing is read from a goal that is not shared with this group.
    """
    shares = {
        s.owner_id: s.goal
        for s in GoalShare.objects.filter(group=group).select_related("goal").order_by("shared_at")
    }
    since = timezone.now() - timedelta(days=7)
    nudged = {
        n.recipient_id: timezone.localtime(n.created_at).date()
        for n in Nudge.objects.filter(group=group, created_at__gte=since).order_by("created_at")
    }
    weeks = {
        goal.pk: plan_week(goal.start_date, today)
        for goal in shares.values()
        if goal.start_date is not None
    }
    recorded = set(
        access.shared_checkins(group).filter(goal_id__in=weeks).values_list("goal_id", "week")
    )
    rows = []
    for membership in access.members_of(group):
        goal = shares.get(membership.owner_id)
        week = weeks.get(goal.pk) if goal is not None else None
        in_plan = week is not None and 1 <= week <= PLAN_WEEKS
        checked_in = in_plan and (goal.pk, week) in recorded if goal is not None else False
        rows.append(
            WeekRow(
                membership=membership,
                name=display_name(membership.owner),
                shared=goal is not None,
                week=week,
                checked_in=checked_in,
                nudged_on=nudged.get(membership.owner_id),
            )
        )
    return rows


# --- the JSON shape -------------------------------------------------------------------------------


class PersonJson(TypedDict):
    id: int | None
    name: str


class ReplyJson(TypedDict):
    id: int
    kind: str
    text: str
    author: PersonJson
    at: str


class FeedItemJson(TypedDict):
    kind: str  # checkin, prompt, question or round
    id: int
    at: str
    new: bool
    author: PersonJson
    # checkin
    goal: str | None
    week: int | None
    did: str | None
    learned: str | None
    obstacles: str | None
    next_actions: str | None
    progress: int | None
    confidence: int | None
    replies: list[ReplyJson]
    reactions: dict[str, int]
    # prompt and question
    text: str | None
    weeks_to_go: int | None
    # question and round
    open: bool | None
    # round
    number: int | None


class GroupJson(TypedDict):
    id: int
    name: str
    role: str
    members: int
    unread: int


class FeedJson(TypedDict):
    group: GroupJson
    items: list[FeedItemJson]


def person_json(person: User | None) -> PersonJson:
    return {"id": person.pk if person else None, "name": display_name(person)}


class MemberJson(TypedDict):
    id: int
    person: PersonJson
    role: str
    joined_at: str


def member_json(member: Membership) -> MemberJson:
    """A member as `group members --json` prints it and the API returns it (names only)."""
    return {
        "id": member.pk,
        "person": person_json(member.owner),
        "role": member.role,
        "joined_at": member.joined_at.isoformat(),
    }


def group_json(membership: Membership) -> GroupJson:
    return {
        "id": membership.group_id,
        "name": membership.group.name,
        "role": membership.role,
        "members": membership.group.memberships.count(),
        "unread": unread_count(membership),
    }


def item_json(item: FeedItem) -> FeedItemJson:
    row: FeedItemJson = {
        "kind": item.kind,
        "id": item.obj.pk,
        "at": item.at.isoformat(),
        "new": item.new,
        "author": person_json(item.author),
        "goal": None,
        "week": None,
        "did": None,
        "learned": None,
        "obstacles": None,
        "next_actions": None,
        "progress": None,
        "confidence": None,
        "replies": [],
        "reactions": {},
        "text": None,
        "weeks_to_go": None,
        "open": None,
        "number": None,
    }
    obj = item.obj
    if item.kind == "checkin":
        row |= {
            "goal": obj.goal.sentence,
            "week": obj.week,
            "did": obj.did,
            "learned": obj.learned,
            "obstacles": obj.obstacles,
            "next_actions": obj.next_actions,
            "progress": obj.progress,
            "confidence": obj.confidence,
            "replies": [reply_json(r) for r in item.replies],
            "reactions": item.reactions,
        }
    elif item.kind == "prompt":
        row |= {"text": obj.text, "week": obj.week, "weeks_to_go": obj.weeks_to_go}
    elif item.kind == "question":
        row |= {"text": obj.text, "open": obj.is_open}
    else:
        row |= {"number": obj.number, "open": obj.is_open}
    return row


def reply_json(reply: Reply) -> ReplyJson:
    return {
        "id": reply.pk,
        "kind": reply.kind,
        "text": reply.text,
        "author": person_json(reply.owner),
        "at": reply.created_at.isoformat(),
    }


def feed_json(membership: Membership, *, limit: int = FEED_SIZE) -> FeedJson:
    return {
        "group": group_json(membership),
        "items": [item_json(item) for item in feed_items(membership, limit=limit)],
    }
