"""The Great Groups assessment (rule T1): a facilitator opens a round, each member rates the
fifteen elements 1-5 once, and the group sees the totals.

How answers stay anonymous, stated once so the pages, the CLI, the API and the tests agree:

- **Totals only.** An answer is added to its round's totals (how many people gave each score to
  each element) and its comment is put at a random place in the round's list of comments. No
  row holds one person's answer, and nothing records when or in what order answers came in.
- **A one-time token.** Each person has one `Ballot` per round, marked used in the same
  transaction that adds the answer; a second answer finds it used and is refused. The ballot
  says that someone answered, never what.
- **Results only when the round closes**, so nobody can learn an answer by watching the totals
  change as people answer. A round closes when its facilitator closes it or when everyone in the
  group has answered.
- **A threshold.** Results and comments show only when at least `results_threshold` people (3,
  or more if the group raised it) answered the round.
- **No differencing.** Two rounds whose respondents differ by only one or two people would give
  that difference away when their totals are compared. A round closes with its results held back
  when the people who answered differ from those of any round already shown by more than none
  and fewer than the threshold.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.groups.elements import ELEMENT_BY_NUMBER, ELEMENTS, NUMBERS, SCORES
from hedgerow.groups.models import Ballot, Group, Membership, Round
from hedgerow.lib.errors import Conflict, InvalidInput

COMMENT_MAX = 2000
CAS_ATTEMPTS = 20
WEAKEST = 3


class AlreadyAnswered(Exception):
    """The person's one-time token for this round is used: one answer each."""


class ElementResult(TypedDict):
    number: int
    title: str
    mean: float
    distribution: dict[str, int]


class WeakElement(TypedDict):
    number: int
    title: str
    mean: float
    prompt: str


class RoundResults(TypedDict):
    round_id: int
    number: int
    open: bool
    responses: int
    threshold: int
    visible: bool
    why_hidden: str | None
    elements: list[ElementResult]
    comments: list[str]
    weakest: list[WeakElement]


def empty_tallies() -> dict[str, list[int]]:
    return {str(number): [0] * len(SCORES) for number in NUMBERS}


# --- opening and closing --------------------------------------------------------------------------


def open_round(*, membership: Membership) -> Round:
    if not membership.leads:
        raise PermissionDenied("Only the group's coach or facilitator can open a round.")
    group = membership.group
    current = group.rounds.filter(closed_at__isnull=True).first()
    if current is not None:
        raise Conflict(f"Round {current.number} is still open; close it before opening another.")
    number = (group.rounds.aggregate(last=Max("number"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            return Round.objects.create(
                group=group, number=number, opened_by=membership.owner, tallies=empty_tallies()
            )
    except IntegrityError:  # someone else opened one at the same moment
        raise Conflict("A round was just opened by someone else.") from None


def close_round(*, membership: Membership, rnd: Round) -> Round:
    if not membership.leads:
        raise PermissionDenied("Only the group's coach or facilitator can close a round.")
    if rnd.group_id != membership.group_id:
        raise Conflict("That round belongs to another group.")
    if not rnd.is_open:
        raise Conflict(f"Round {rnd.number} is closed already.")
    return _close(rnd)


@transaction.atomic
def _close(rnd: Round) -> Round:
    """Close once (a conditional update), then decide whether its results may be shown."""
    closed = Round.objects.filter(pk=rnd.pk, closed_at__isnull=True).update(
        closed_at=timezone.now()
    )
    rnd.refresh_from_db()
    if closed:
        rnd.held_reason = release_check(rnd)
        rnd.released = not rnd.held_reason
        rnd.save(update_fields=["released", "held_reason"])
    return rnd


def respondents(rnd: Round) -> frozenset[int | str]:
    """Who answered: a person's id, or for someone who has since deleted their account, the
    random mark their ballots share (groups/departures.py)."""
    rows = rnd.ballots.filter(used=True).values_list("owner_id", "departed")
    return frozenset(owner_id or departed for owner_id, departed in rows)


def release_check(rnd: Round) -> str:
    """Why this round's results must stay hidden, or "" when they may be shown."""
    group = rnd.group
    threshold = group.results_threshold
    answered = respondents(rnd)
    if len(answered) < threshold:
        return (
            f"{_people(len(answered))} answered; results need at least {threshold}, so that no "
            "one's answers can be picked out."
        )
    for other in group.rounds.filter(released=True).exclude(pk=rnd.pk):
        differ = len(answered ^ respondents(other))
        if 0 < differ < threshold:
            return (
                f"The people who answered differ from round {other.number}'s by only "
                f"{_people(differ).lower()}, so comparing the two rounds would show what "
                f"{'they' if differ > 1 else 'that person'} said. These results stay hidden."
            )
    return ""


def _people(count: int) -> str:
    return {0: "No one", 1: "One person"}.get(count, f"{count} people")


# --- answering ------------------------------------------------------------------------------------


def ballot_for(*, rnd: Round, person: User) -> Ballot:
    """The person's one-time token for the round, made the first time they need it."""
    ballot = Ballot.objects.filter(round=rnd, owner=person).first()
    if ballot is not None:
        return ballot
    try:
        with transaction.atomic():
            return Ballot.objects.create(round=rnd, owner=person, token=secrets.token_hex(20))
    except IntegrityError:
        return Ballot.objects.get(round=rnd, owner=person)


def parse_ratings(ratings: Mapping[Any, Any]) -> dict[int, int]:
    """Fifteen scores from 1 to 5, keyed "1".."15"; the message names the first problem."""
    scores: dict[int, int] = {}
    for key, value in ratings.items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            raise InvalidInput(f"ratings: {key!r} is not an element number (1 to 15).") from None
        if number not in ELEMENT_BY_NUMBER:
            raise InvalidInput(f"ratings: there is no element {number}; they run 1 to 15.")
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
            raise InvalidInput(f"ratings: element {number} needs a whole number from 1 to 5.")
        scores[number] = value
    missing = [str(n) for n in NUMBERS if n not in scores]
    if missing:
        raise InvalidInput(f"ratings: rate every element; missing {', '.join(missing)}.")
    return scores


@transaction.atomic
def answer_round(
    *,
    rnd: Round,
    person: User,
    ratings: Mapping[Any, Any],
    comment: str = "",
    token: str | None = None,
) -> int:
    """Add one person's answer to the round's totals; returns how many have answered.

    The ballot is used and the totals grow in one transaction, so either both happen or neither.
    """
    if not rnd.is_open:
        raise Conflict(f"Round {rnd.number} is closed; its answers are in.")
    if not Membership.objects.filter(group_id=rnd.group_id, owner=person).exists():
        raise PermissionDenied("Only the group's members answer its rounds.")
    scores = parse_ratings(ratings)
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise InvalidInput(f"comment: keep it under {COMMENT_MAX:,} characters.")
    ballot = ballot_for(rnd=rnd, person=person)
    if token is not None and not secrets.compare_digest(token, ballot.token):
        raise InvalidInput("This answer form belongs to someone else; open the round again.")
    if not Ballot.objects.filter(pk=ballot.pk, used=False).update(used=True):
        raise AlreadyAnswered(f"You have answered round {rnd.number} already; one answer each.")
    _add_to_totals(rnd, scores, comment)
    answered = rnd.ballots.filter(used=True).count()
    if answered >= rnd.group.memberships.count():
        _close(rnd)  # everyone has answered: nothing more can come
    return answered


def _add_to_totals(rnd: Round, scores: dict[int, int], comment: str) -> None:
    """A conditional update on the round's version, retried, so concurrent answers all count."""
    for _ in range(CAS_ATTEMPTS):
        current = Round.objects.filter(pk=rnd.pk).values(
            "version", "tallies", "comments", "closed_at"
        )[0]
        if current["closed_at"] is not None:
            raise Conflict(f"Round {rnd.number} closed while you were answering.")
        tallies = current["tallies"] or empty_tallies()
        for number, score in scores.items():
            tallies[str(number)][score - 1] += 1
        comments = list(current["comments"])
        if comment:
            # A random place, so the list's order says nothing about who wrote what, or when.
            comments.insert(secrets.randbelow(len(comments) + 1), comment)
        if Round.objects.filter(
            pk=rnd.pk, version=current["version"], closed_at__isnull=True
        ).update(tallies=tallies, comments=comments, version=current["version"] + 1):
            return
    raise Conflict("Many answers arrived at once; please send yours again.")


def has_answered(*, rnd: Round, person: User) -> bool:
    return rnd.ballots.filter(owner=person, used=True).exists()


# --- results --------------------------------------------------------------------------------------


def results_of(rnd: Round) -> RoundResults:
    """What anyone in the group may see of a round: totals, only once they protect everyone."""
    group = rnd.group
    answered = rnd.ballots.filter(used=True).count()
    visible = rnd.released and answered >= group.results_threshold
    elements = _elements(rnd.tallies) if visible else []
    return {
        "round_id": rnd.pk,
        "number": rnd.number,
        "open": rnd.is_open,
        "responses": answered,
        "threshold": group.results_threshold,
        "visible": visible,
        "why_hidden": None if visible else _why_hidden(rnd, answered),
        "elements": elements,
        "comments": sorted(rnd.comments) if visible else [],
        "weakest": weakest(elements),
    }


def _why_hidden(rnd: Round, answered: int) -> str:
    threshold = rnd.group.results_threshold
    if rnd.is_open:
        return (
            f"{answered} of {rnd.group.memberships.count()} have answered so far. Results "
            f"appear when the round closes, if at least {threshold} have answered; not before, so "
            "that no one's answers can be worked out from how the totals change."
        )
    if rnd.released:
        return f"The group raised its threshold to {threshold}, more than answered this round."
    return rnd.held_reason


def _elements(tallies: Mapping[str, list[int]]) -> list[ElementResult]:
    rows: list[ElementResult] = []
    for element in ELEMENTS:
        counts = tallies.get(str(element.number)) or [0] * len(SCORES)
        total = sum(counts)
        mean = sum(score * count for score, count in zip(SCORES, counts, strict=True)) / total
        rows.append(
            {
                "number": element.number,
                "title": element.title,
                "mean": round(mean, 2),
                "distribution": {str(s): c for s, c in zip(SCORES, counts, strict=True)},
            }
        )
    return rows


def weakest(elements: list[ElementResult]) -> list[WeakElement]:
    """The three lowest means (ties: more low scores first), each with a question to discuss."""

    def low_scores(row: ElementResult) -> int:
        return row["distribution"]["1"] + row["distribution"]["2"]

    ranked = sorted(elements, key=lambda row: (row["mean"], -low_scores(row), row["number"]))
    return [
        {
            "number": row["number"],
            "title": row["title"],
            "mean": row["mean"],
            "prompt": ELEMENT_BY_NUMBER[row["number"]].prompt,
        }
        for row in ranked[:WEAKEST]
    ]


class TrendRound(TypedDict):
    number: int
    closed_on: str
    responses: int
    overall: float
    means: dict[str, float]


def trends_of(group: Group) -> list[TrendRound]:
    """Every round whose results may be shown, oldest first: the means per element over time."""
    rows: list[TrendRound] = []
    for rnd in group.rounds.filter(released=True).order_by("number"):
        results = results_of(rnd)
        if not results["visible"] or rnd.closed_at is None:
            continue
        means = {str(row["number"]): row["mean"] for row in results["elements"]}
        rows.append(
            {
                "number": rnd.number,
                "closed_on": timezone.localtime(rnd.closed_at).date().isoformat(),
                "responses": results["responses"],
                "overall": round_mean(means.values()),
                "means": means,
            }
        )
    return rows


def round_mean(values: Any) -> float:
    values = list(values)
    return round(sum(values) / len(values), 2) if values else 0.0
