"""Writes to a person's goal, its Uber Plan (rule G4) and its fifty weeks (rule G6).

Verb-first, keyword-only functions shared by the pages and the CLI; a write spanning rows is one
transaction. Bad input raises `InvalidInput` with one plain sentence naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from hedgerow.goals.access import active_goal_of
from hedgerow.goals.blockers import classify_blocker
from hedgerow.goals.models import (
    PLAN_WEEKS,
    Approach,
    Blocker,
    CheckIn,
    Goal,
    Milestone,
    NextAction,
    ReconItem,
)
from hedgerow.goals.sentence import check_goal, split_what_how
from hedgerow.goals.weeks import plan_week
from hedgerow.lib.dates import day_text
from hedgerow.lib.errors import Conflict, InvalidInput
from hedgerow.network.models import Contact

__all__ = ["InvalidInput"]

MAX_SCORE = 10


def _required(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise InvalidInput(f"{field} is empty; a few words are enough.")
    return value


# --- step 1, Commitment (G1, G3) ------------------------------------------------------------------


@transaction.atomic
def start_goal(
    *,
    owner,
    sentence: str,
    why_now: str = "",
    start_date: date | None = None,
    replace: bool = False,
) -> Goal:
    """Begin a goal. One at a time: the current one is archived, kept, only when `replace`.

    The sentence is kept as written. Rule G3: when it carries its how ("by taking evening
    classes"), the goal check offers the sentence without it, and `adopt_goal_what` moves the how
    to Strategy once the person accepts; nothing moves before.
    """
    sentence = _required(sentence, "The goal sentence")
    current = active_goal_of(owner)
    if current is not None:
        if not replace:
            raise Conflict(
                "You already have a goal; confirm that the current one should be archived."
            )
        current.archived_at = timezone.now()
        current.save(update_fields=["archived_at", "updated_at"])
    return Goal.objects.create(
        owner=owner, sentence=sentence.strip(), why_now=why_now.strip(), start_date=start_date
    )


@transaction.atomic
def revise_commitment(*, goal: Goal, sentence: str, why_now: str, start_date: date | None) -> Goal:
    """Save step 1 again, the sentence as written (a how in it waits for `adopt_goal_what`)."""
    goal.sentence = _required(sentence, "The goal sentence").strip()
    goal.why_now = why_now.strip()
    goal.start_date = start_date
    goal.save(update_fields=["sentence", "why_now", "start_date", "updated_at"])
    return goal


@transaction.atomic
def adopt_goal_what(*, goal: Goal) -> Goal:
    """Rule G3, on the person's word: the goal keeps only its what, and the how it carried
    ("by taking evening classes") becomes an approach in the Strategy step."""
    what, how = split_what_how(goal.sentence)
    if not how:
        raise InvalidInput("The goal sentence says only what already; there is no how to move.")
    goal.sentence = what
    goal.lifted_how = how
    goal.save(update_fields=["sentence", "lifted_how", "updated_at"])
    adopt_lifted_how(goal=goal)
    return goal


def add_blocker(*, goal: Goal, text: str) -> Blocker:
    """Rule G2: a "but ..." statement, read as commitment, confidence or scope, with a reply."""
    text = _required(text, "The blocker")
    reading = classify_blocker(text)
    return Blocker.objects.create(
        owner_id=goal.owner_id,
        goal=goal,
        text=text,
        kind=reading["kind"],
        cue=reading["cue"][:200],
        response=reading["response"],
    )


def remove_blocker(*, blocker: Blocker) -> None:
    blocker.delete()


# --- step 2, Value proposition --------------------------------------------------------------------


def revise_value(*, goal: Goal, value: str, value_for: str) -> Goal:
    goal.value = value.strip()
    goal.value_for = value_for.strip()
    goal.save(update_fields=["value", "value_for", "updated_at"])
    return goal


# --- step 3, Reconnaissance -----------------------------------------------------------------------


def add_recon_item(*, goal: Goal, kind: str, side: str, text: str) -> ReconItem:
    if kind not in ReconItem.Kind.values:
        raise InvalidInput(f"Kind must be one of {', '.join(ReconItem.Kind.values)}.")
    if side not in ReconItem.Side.values:
        raise InvalidInput(f"Side must be one of {', '.join(ReconItem.Side.values)}.")
    return ReconItem.objects.create(
        owner_id=goal.owner_id, goal=goal, kind=kind, side=side, text=_required(text, "The text")
    )


def remove_recon_item(*, item: ReconItem) -> None:
    item.delete()


def link_contact(*, item: ReconItem, contact: Contact) -> None:
    """Someone in the network who could help with this item; both must share one owner."""
    if contact.owner_id != item.owner_id:
        raise InvalidInput("That contact is not in your network.")
    item.contacts.add(contact)


def unlink_contact(*, item: ReconItem, contact: Contact) -> None:
    item.contacts.remove(contact)


# --- step 4, Strategy -----------------------------------------------------------------------------


def add_approach(*, goal: Goal, text: str, from_goal_sentence: bool = False) -> Approach:
    return Approach.objects.create(
        owner_id=goal.owner_id,
        goal=goal,
        text=_required(text, "The approach"),
        from_goal_sentence=from_goal_sentence,
    )


def adopt_lifted_how(*, goal: Goal) -> Approach:
    """Rule G3: the "how" taken out of the goal sentence becomes one approach among others."""
    if not goal.lifted_how:
        raise Conflict("Your goal sentence has no method in it to take over.")
    existing = goal.approaches.filter(text=goal.lifted_how).first()
    if existing is not None:
        return existing
    return add_approach(goal=goal, text=goal.lifted_how, from_goal_sentence=True)


def lifted_how_offered(goal: Goal) -> bool:
    """Whether the lifted "how" is still waiting to be taken over as an approach."""
    return bool(goal.lifted_how) and not goal.approaches.filter(text=goal.lifted_how).exists()


def remove_approach(*, approach: Approach) -> None:
    approach.delete()


# --- step 5, Execution ----------------------------------------------------------------------------


def add_milestone(*, goal: Goal, title: str, due_on: date | None) -> Milestone:
    return Milestone.objects.create(
        owner_id=goal.owner_id, goal=goal, title=_required(title, "The milestone"), due_on=due_on
    )


def mark_milestone(*, milestone: Milestone, done: bool) -> Milestone:
    milestone.done_on = timezone.localdate() if done else None
    milestone.save(update_fields=["done_on"])
    return milestone


def remove_milestone(*, milestone: Milestone) -> None:
    milestone.delete()


def add_next_action(*, goal: Goal, text: str) -> NextAction:
    return NextAction.objects.create(
        owner_id=goal.owner_id, goal=goal, text=_required(text, "The next action")
    )


def mark_next_action(*, action: NextAction, done: bool) -> NextAction:
    action.done_on = timezone.localdate() if done else None
    action.save(update_fields=["done_on"])
    return action


def remove_next_action(*, action: NextAction) -> None:
    action.delete()


# --- the five steps at a glance -------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str
    done: bool


STEP_TITLES = (
    ("commitment", "Commitment"),
    ("value", "Value proposition"),
    ("recon", "Reconnaissance"),
    ("strategy", "Strategy"),
    ("execution", "Execution"),
)


def plan_steps(goal: Goal | None) -> list[Step]:
    """Rule G4's five steps, each with whether it has what it needs."""
    done = _steps_done(goal) if goal is not None else {}
    return [
        Step(number, slug, title, done.get(slug, False))
        for number, (slug, title) in enumerate(STEP_TITLES, start=1)
    ]


def _steps_done(goal: Goal) -> dict[str, bool]:
    kinds = set(goal.recon_items.values_list("kind", flat=True))
    return {
        "commitment": goal.start_date is not None and check_goal(goal.sentence)["clear"],
        "value": bool(goal.value and goal.value_for),
        "recon": {ReconItem.Kind.OBSTACLE, ReconItem.Kind.ENABLER} <= kinds,
        "strategy": goal.approaches.exists(),
        "execution": goal.milestones.filter(due_on__isnull=False).exists()
        and goal.next_actions.exists(),
    }


# --- fifty weeks (G6) -----------------------------------------------------------------------------


@dataclass
class Recorded:
    checkin: CheckIn
    created: bool


@transaction.atomic
def record_checkin(
    *,
    goal: Goal,
    did: str,
    progress: int,
    confidence: int,
    learned: str = "",
    obstacles: str = "",
    next_actions: str = "",
    week: int | None = None,
    today: date | None = None,
) -> Recorded:
    """This week's check-in (or an earlier week's); recording the same week again revises it."""
    today = today or timezone.localdate()
    if goal.start_date is None:
        raise Conflict("Your goal has no start date yet; set one in the Commitment step first.")
    now = plan_week(goal.start_date, today)
    if now < 1:
        raise Conflict(
            f"Your fifty weeks start on {day_text(goal.start_date)}; check in from then on."
        )
    week = min(now, PLAN_WEEKS) if week is None else week
    if not 1 <= week <= PLAN_WEEKS:
        raise InvalidInput(f"Week must be between 1 and {PLAN_WEEKS}.")
    if week > now:
        raise Conflict(f"Week {week} hasn't started yet; this is week {now}.")
    for name, value in (("Progress", progress), ("Confidence", confidence)):
        if not 0 <= value <= MAX_SCORE:
            raise InvalidInput(f"{name} must be between 0 and {MAX_SCORE}.")
    checkin, created = CheckIn.objects.update_or_create(
        goal=goal,
        week=week,
        defaults={
            "owner_id": goal.owner_id,
            "did": _required(did, "What you did"),
            "learned": learned.strip(),
            "obstacles": obstacles.strip(),
            "next_actions": next_actions.strip(),
            "progress": progress,
            "confidence": confidence,
            "recorded_on": today,
        },
    )
    return Recorded(checkin=checkin, created=created)
