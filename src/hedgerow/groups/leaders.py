"""Leaders ask (rule L1): a leader puts an open question to the group, members answer with ideas,
issues or solutions (anonymously if they choose) and vote on each other's, and the leader says
what will be done and why.

An anonymous answer keeps no author and no time: nobody, the leader included, can tell whose it
is. Votes are counted, never listed by name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from hedgerow.groups.models import Idea, Membership, Question, Vote
from hedgerow.lib.errors import InvalidInput

TEXT_MAX = 2000


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(f"{field} is empty; a few words are enough.")
    if len(value) > TEXT_MAX:
        raise InvalidInput(f"{field} is too long: keep it under {TEXT_MAX:,} characters.")
    return value


def ask_question(*, membership: Membership, text: str) -> Question:
    if not membership.leads:
        raise PermissionDenied("The group's coach or facilitator asks the questions.")
    return Question.objects.create(
        owner_id=membership.owner_id, group=membership.group, text=_text(text, "The question")
    )


def submit_idea(
    *, membership: Membership, question: Question, kind: str, text: str, anonymous: bool = False
) -> Idea:
    if question.group_id != membership.group_id:
        raise InvalidInput("That question belongs to another group.")
    if not question.is_open:
        raise InvalidInput("The leader has decided on this question; it takes no more answers.")
    if kind not in Idea.Kind.values:
        raise InvalidInput("Choose idea, issue or solution.")
    return Idea.objects.create(
        question=question,
        owner_id=None if anonymous else membership.owner_id,
        kind=kind,
        text=_text(text, "Your answer"),
    )


@transaction.atomic
def toggle_vote(*, membership: Membership, idea: Idea) -> bool:
    """Vote for an answer, or take the vote back; True when the vote stands now."""
    if idea.question.group_id != membership.group_id:
        raise InvalidInput("That answer belongs to another group.")
    if not idea.question.is_open:
        raise InvalidInput("The leader has decided on this question; votes are closed.")
    if idea.owner_id == membership.owner_id:
        raise InvalidInput("Vote for other people's answers; yours counts already.")
    mine = Vote.objects.filter(owner_id=membership.owner_id, idea=idea)
    if mine.exists():
        mine.delete()
        return False
    Vote.objects.get_or_create(owner_id=membership.owner_id, idea=idea)
    return True


def record_decision(
    *, membership: Membership, question: Question, decision: str, why: str
) -> Question:
    """The leader's answer to the group: what will be done, and why (rule L1: then act on it)."""
    if not membership.leads or question.group_id != membership.group_id:
        raise PermissionDenied("The group's coach or facilitator records the decision.")
    question.decision = _text(decision, "What will be done")
    question.decision_why = _text(why, "Why")
    question.decided_at = question.decided_at or timezone.now()
    question.save(update_fields=["decision", "decision_why", "decided_at"])
    return question


def ideas_for(question: Question) -> QuerySet[Idea]:
    """Most votes first; ties in a stable order that says nothing about who wrote them when."""
    return (
        question.ideas.select_related("owner")
        .annotate(vote_count=Count("votes"))
        .order_by("-vote_count", "kind", "text")
    )


@dataclass(frozen=True)
class Spread:
    """How the answers spread: by kind, by author, and how the votes fall."""

    answers: int
    by_kind: dict[str, int]
    named_people: int
    anonymous: int
    votes: int
    voters: int
    top_share: float  # share of all votes the leading answer holds, 0 when no votes


def spread_of(question: Question) -> Spread:
    ideas = list(ideas_for(question))
    kinds = Counter(idea.kind for idea in ideas)
    votes = sum(idea.vote_count for idea in ideas)  # type: ignore[attr-defined]
    top = max((idea.vote_count for idea in ideas), default=0)  # type: ignore[attr-defined]
    return Spread(
        answers=len(ideas),
        by_kind={kind.value: kinds.get(kind.value, 0) for kind in Idea.Kind},
        named_people=len({idea.owner_id for idea in ideas if idea.owner_id}),
        anonymous=sum(1 for idea in ideas if idea.owner_id is None),
        votes=votes,
        voters=Vote.objects.filter(idea__question=question).values("owner").distinct().count(),
        top_share=round(top / votes, 2) if votes else 0.0,
    )


def my_votes(membership: Membership, question: Question) -> set[int]:
    return set(
        Vote.objects.filter(owner_id=membership.owner_id, idea__question=question).values_list(
            "idea_id", flat=True
        )
    )
