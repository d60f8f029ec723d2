"""The goal check and the blocker reading agree with the labels we wrote (issue 4: >= 85%).

Rows marked "held-out" were written after the rules were done and never tuned on; the blocker
model learns from the "dev" rows only. Rows marked "blind" (in their own files) were written by a
teammate who never saw the code.
`python -m bench.goals --misses` lists the rows that disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hedgerow.goals.blockers import KINDS, classify_blocker
from hedgerow.goals.sentence import CHECK_IDS, check_goal

HERE = Path(__file__).parent
MIN_AGREEMENT = 0.85


def labeled(name: str) -> list[dict]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


GOALS = labeled("labeled_goals.jsonl")
BLOCKERS = labeled("labeled_blockers.jsonl")


def labeled_fails(row: dict) -> set[str]:
    """Rows written before issue 10 name a how in `how` only; a how now fails what-not-how."""
    return set(row["fails"]) | ({"what-not-how"} if row["how"] else set())


def goal_agrees(row: dict) -> bool:
    """The same answer to "is it clear?" (issue 10 measures this; bench shows every check too)."""
    clear = row.get("clear", not labeled_fails(row))
    return check_goal(row["text"])["clear"] == clear


def goal_checks_agree(row: dict) -> bool:
    report = check_goal(row["text"])
    return {check["id"] for check in report["checks"] if not check["ok"]} == labeled_fails(row)


def blocker_agrees(row: dict) -> bool:
    return classify_blocker(row["text"])["kind"] == row["kind"]


def share(rows: list[dict], agrees) -> float:
    return sum(agrees(row) for row in rows) / len(rows)


# The held-out part was a fifth of each set when the blind sets did not exist yet; dev rows of
# our own written for each round since (batches 9 to 11 in issue 10) take it below, while every
# blind set, each near its size, now carries the unseen measurement (docs/goals.md).
HELD_OUT_SHARE = 0.14


def test_it_has_enough_labels_with_a_held_out_part():
    for rows in (GOALS, BLOCKERS):
        held_out = [row for row in rows if row["part"] == "held-out"]
        assert len(rows) >= 100
        assert len(held_out) >= 35 and len(held_out) / len(rows) >= HELD_OUT_SHARE
        assert {row["part"] for row in rows} == {"dev", "held-out"}


def test_it_has_well_formed_labels():
    for row in GOALS:
        assert set(row["fails"]) <= set(CHECK_IDS) - {"what-not-how"}, row
        assert row["how"] is None or row["how"].lower() in row["text"].lower(), row
    assert {row["kind"] for row in BLOCKERS} == set(KINDS)
    texts = [row["text"] for row in GOALS + BLOCKERS]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize(
    ("rows", "agrees"),
    [(GOALS, goal_agrees), (GOALS, goal_checks_agree), (BLOCKERS, blocker_agrees)],
)
def test_it_agrees_with_each_labeled_set(rows, agrees):
    assert share(rows, agrees) >= MIN_AGREEMENT


@pytest.mark.parametrize(("rows", "agrees"), [(GOALS, goal_agrees), (BLOCKERS, blocker_agrees)])
def test_it_agrees_with_the_rows_it_was_tuned_on(rows, agrees):
    assert share([row for row in rows if row["part"] == "dev"], agrees) >= MIN_AGREEMENT


def test_it_agrees_with_goal_sentences_written_after_the_rules():
    assert share([row for row in GOALS if row["part"] == "held-out"], goal_agrees) >= MIN_AGREEMENT


def test_it_reads_blockers_written_after_the_rules_nearly_as_well():
    # Measured 93.3% of 120 (docs/goals.md) after the stance step; its misses had been seen by
    # then, so the floor sits four rows below rather than at a number it barely makes.
    held_out = [row for row in BLOCKERS if row["part"] == "held-out"]
    assert share(held_out, blocker_agrees) >= 0.90


def test_it_reads_held_out_blockers_better_with_the_embeddings_extra():
    embeddings = pytest.importorskip("hedgerow.goals.blocker_embeddings")
    if not embeddings.available():
        pytest.skip("the embeddings extra is not installed")
    held_out = [row for row in BLOCKERS if row["part"] == "held-out"]

    def agrees(row: dict) -> bool:
        return embeddings.classify_blocker_with_embeddings(row["text"])["kind"] == row["kind"]

    assert share(held_out, agrees) >= MIN_AGREEMENT


# Written by teammates who never saw the code, and each studied after its first measurement:
# blind3 (blockers only) scored 85.0% on first sight.
BLIND_GOALS = labeled("blind_goals.jsonl")
BLIND_BLOCKERS = labeled("blind_blockers.jsonl")
BLIND2_GOALS = labeled("blind2_goals.jsonl")
BLIND2_BLOCKERS = labeled("blind2_blockers.jsonl")
# The second blind blockers scored 83.3% on first sight and 100% after the stance step, which was
# written knowing their misses; the floor leaves six rows of room for that, honestly.
BLIND2_BLOCKER_FLOOR = 0.90
BLIND3_BLOCKERS = labeled("blind3_blockers.jsonl")
# The third scored 100% once mechanisms for its kinds of miss were written; the same room as blind2.
BLIND3_BLOCKER_FLOOR = 0.90
# Written while the third was studied; 91.25% on first sight, never tuned on.
BLIND4_BLOCKERS = labeled("blind4_blockers.jsonl")
# Issue 10's first fresh sets, written from the method alone: first sight goals 71.7% (`clear`),
# blockers 79.0%; then studied and turned into general mechanisms (docs/goals.md), so the floor
# is the 90% target, above first sight.
BLIND5_GOALS = labeled("blind5_goals.jsonl")
BLIND5_BLOCKERS = labeled("blind5_blockers.jsonl")
BLIND5_FLOOR = 0.90
# Issue 10's second fresh sets, by another writer: first sight goals 58 of 60 (`clear`), blockers
# 89 of 105; then studied in the second round (docs/goals.md), so held at the 90% target.
BLIND6_GOALS = labeled("blind6_goals.jsonl")
BLIND6_BLOCKERS = labeled("blind6_blockers.jsonl")
BLIND6_FLOOR = 0.90
# Issue 10's third fresh sets: measured once before any change, goals 56 of 60 (`clear`),
# blockers 90 of 105; then studied in the third round on their odd lines only, the even lines
# held out (docs/goals.md), and whole in the fourth round: goals 58 -> 60 of 60, blockers 98 ->
# 105 of 105, held there; the even lines at least at their figures after the third round.
BLIND7_GOALS = labeled("blind7_goals.jsonl")
BLIND7_BLOCKERS = labeled("blind7_blockers.jsonl")
BLIND7_FLOOR = {"goals": 60 / 60, "blockers": 105 / 105}
BLIND7_HELD_OUT_HALF = {"goals": 28 / 30, "blockers": 45 / 52}


@pytest.mark.parametrize(
    ("rows", "agrees", "floor"),
    [
        (BLIND7_GOALS, goal_agrees, BLIND7_HELD_OUT_HALF["goals"]),
        (BLIND7_BLOCKERS, blocker_agrees, BLIND7_HELD_OUT_HALF["blockers"]),
    ],
    ids=["goals", "blockers"],
)
def test_it_holds_the_held_out_half_of_the_third_fresh_sets(rows, agrees, floor):
    held_out = rows[1::2]  # the even lines, never read while tuning
    assert share(held_out, agrees) >= floor


@pytest.mark.parametrize(
    ("rows", "part", "agrees", "floor"),
    [
        (BLIND_GOALS, "blind", goal_agrees, MIN_AGREEMENT),
        (BLIND_BLOCKERS, "blind", blocker_agrees, MIN_AGREEMENT),
        (BLIND2_GOALS, "blind2", goal_agrees, MIN_AGREEMENT),
        (BLIND2_BLOCKERS, "blind2", blocker_agrees, BLIND2_BLOCKER_FLOOR),
        (BLIND3_BLOCKERS, "blind3", blocker_agrees, BLIND3_BLOCKER_FLOOR),
        (BLIND4_BLOCKERS, "blind4", blocker_agrees, MIN_AGREEMENT),
        (BLIND5_GOALS, "blind5", goal_agrees, BLIND5_FLOOR),
        (BLIND5_BLOCKERS, "blind5", blocker_agrees, BLIND5_FLOOR),
        (BLIND6_GOALS, "blind6", goal_agrees, BLIND6_FLOOR),
        (BLIND6_BLOCKERS, "blind6", blocker_agrees, BLIND6_FLOOR),
        (BLIND7_GOALS, "blind7", goal_agrees, BLIND7_FLOOR["goals"]),
        (BLIND7_BLOCKERS, "blind7", blocker_agrees, BLIND7_FLOOR["blockers"]),
    ],
    ids=[
        "blind-goals",
        "blind-blockers",
        "blind2-goals",
        "blind2-blockers",
        "blind3-blockers",
        "blind4-blockers",
        "blind5-goals",
        "blind5-blockers",
        "blind6-goals",
        "blind6-blockers",
        "blind7-goals",
        "blind7-blockers",
    ],
)
def test_it_agrees_with_labels_written_blind(rows, part, agrees, floor):
    assert len(rows) >= 40
    assert {row["part"] for row in rows} == {part}
    assert share(rows, agrees) >= floor


# Issue 10's fourth fresh sets (blind8), from the method alone, kept outside the repository until
# measured: first sight goals 58 of 60, blockers 92 of 105; after the third round, never studied,
# 58 and 93 (below the 90% target). Studied in the fourth round with blind7 (docs/goals.md):
# goals 58 -> 60 of 60, blockers 93 -> 105 of 105. Held at those figures.
BLIND8_GOALS = labeled("blind8_goals.jsonl")
BLIND8_BLOCKERS = labeled("blind8_blockers.jsonl")


@pytest.mark.parametrize(
    ("rows", "agrees", "floor"),
    [(BLIND8_GOALS, goal_agrees, 60 / 60), (BLIND8_BLOCKERS, blocker_agrees, 105 / 105)],
    ids=["goals", "blockers"],
)
def test_it_holds_the_fourth_fresh_sets_at_their_figures_once_studied(rows, agrees, floor):
    assert {row["part"] for row in rows} == {"blind8"}
    assert share(rows, agrees) >= floor


# Issue 10's fifth and sixth fresh sets (blind9, blind10), from the method alone, written while the
# fourth round ran and measured without being read. First sight: blind9 goals 53 of 60, blockers
# 108 of 120 (before the round); blind10 56 of 60 and 110 of 120 (before its goal work, after its
# first blocker step). After the round: blind9 53 and 109, blind10 56 and 110. Held there until a
# round studies them (docs/goals.md).
NEVER_STUDIED = {
    ("blind9", "goals"): 53,
    ("blind9", "blockers"): 109,
    ("blind10", "goals"): 56,
    ("blind10", "blockers"): 110,
    # blind11, written from the method alone during the coach's sixth round, measured unread on
    # the code before and after it: goals 57 of 60, blockers 117 of 120 both times.
    ("blind11", "goals"): 57,
    ("blind11", "blockers"): 117,
}


@pytest.mark.parametrize(("part", "kind"), NEVER_STUDIED)
def test_it_holds_the_never_studied_blind_sets_at_their_figures(part, kind):
    rows = labeled(f"{part}_{kind}.jsonl")
    agrees = goal_agrees if kind == "goals" else blocker_agrees
    assert {row["part"] for row in rows} == {part}
    assert sum(agrees(row) for row in rows) >= NEVER_STUDIED[(part, kind)]
