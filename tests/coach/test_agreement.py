"""The coach agrees with the notes we labeled by the method, so it cannot quietly slip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hedgerow.coach.checks import OCCASIONS, check_note

LABELS = Path(__file__).with_name("labeled_notes.jsonl")
# Written by teammates who never saw the checks. The first two were studied after their first
# measurement (95%, 93.75%, 92.5%); the fourth has never been tuned on.
BLIND = Path(__file__).with_name("blind_notes.jsonl")
BLIND2 = Path(__file__).with_name("blind2_notes.jsonl")
BLIND3 = Path(__file__).with_name("blind3_notes.jsonl")
BLIND4 = Path(__file__).with_name("blind4_notes.jsonl")
# Issue 10's first fresh set, written from the method alone by two writers: 86.7% on first sight
# (104 of 120), then studied and turned into general mechanisms, so it is held at the 92% target.
BLIND5 = Path(__file__).with_name("blind5_notes.jsonl")
BLIND5_FLOOR = 0.92
MIN_AGREEMENT = 0.90
MIN_NOTES = 150
CHECK_IDS = {
    "length", "brevity", "about-them", "specific", "closing-ask", "invitation-parts", "catch-up",
    "no-ask", "not-boilerplate", "recipient-test", "placeholders", "repeated-words", "spelling",
    "spacing",
}  # fmt: skip


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def records():
    return load(LABELS)


def predicted_ready(record):
    report = check_note(record["text"], record["occasion"], to=record["to"], about=record["about"])
    return report["ready"]


def test_it_has_enough_varied_notes(records):
    assert len(records) >= MIN_NOTES
    assert {record["occasion"] for record in records} == set(OCCASIONS)
    assert {record["part"] for record in records} == {"dev", "holdout"}
    assert {record["ready"] for record in records} == {True, False}


def test_it_exercises_every_check(records):
    labeled = {check for record in records for check in record["failing"]}
    assert labeled == CHECK_IDS


def test_it_agrees_on_ready_for_at_least_90_percent(records):
    agreed = sum(predicted_ready(record) == record["ready"] for record in records)
    assert agreed / len(records) >= MIN_AGREEMENT


def test_it_agrees_on_the_held_out_part_too(records):
    held_out = [record for record in records if record["part"] == "holdout"]
    agreed = sum(predicted_ready(record) == record["ready"] for record in held_out)
    assert agreed / len(held_out) >= MIN_AGREEMENT


@pytest.mark.parametrize(
    "path", [BLIND, BLIND2, BLIND3, BLIND4], ids=["blind", "blind2", "blind3", "blind4"]
)
def test_it_agrees_on_notes_written_blind(path):
    blind = load(path)
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert len(blind) >= 60
    assert agreed / len(blind) >= MIN_AGREEMENT


def test_it_agrees_on_the_first_fresh_blind_set_and_names_each_check_it_labels():
    blind = load(BLIND5)
    assert len(blind) >= 120
    assert {record["occasion"] for record in blind} == set(OCCASIONS)
    assert {check for record in blind for check in record["failing"]} <= CHECK_IDS
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed / len(blind) >= BLIND5_FLOOR


# Issue 10's second fresh set, by other writers: 107 of 120 (89.2%) on first sight, then studied
# in the second round and turned into general mechanisms (docs/coach.md), so like blind5 it is
# held at the 92% target, above its first sight.
BLIND6 = Path(__file__).with_name("blind6_notes.jsonl")
BLIND6_FLOOR = 0.92


def test_it_agrees_on_the_second_fresh_blind_set_once_studied():
    blind = load(BLIND6)
    assert len(blind) == 120
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed / len(blind) >= BLIND6_FLOOR


# Issue 10's third fresh set, by two more writers: 105 of 120 (87.5%) on first sight, measured
# once before any change. Studied in the third round on its odd lines only (the even lines, held
# out then, went from 53 to 54 of 60), then whole in the fourth round: 114 of 120 before it, 120
# of 120 after (docs/coach.md), and held there.
BLIND7 = Path(__file__).with_name("blind7_notes.jsonl")
BLIND7_FLOOR = 120 / 120


def test_it_agrees_on_the_third_fresh_blind_set_once_studied():
    blind = load(BLIND7)
    assert len(blind) == 120
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed / len(blind) >= BLIND7_FLOOR


# Issue 10's fourth fresh set (blind8), written from the method alone by a writer who saw no code,
# no check and no earlier item, and kept outside the repository until measured: 111 of 120 (92.5%)
# on first sight, 115 of 120 after the third round without being read, then studied in the fourth
# round: 120 of 120, held there. Its writer labeled the rules a note breaks (N2, N6, ...), not our
# checks, so it holds `ready` only.
BLIND8 = Path(__file__).with_name("blind8_notes.jsonl")
BLIND8_FLOOR = 120 / 120


def test_it_agrees_on_the_fourth_fresh_blind_set_once_studied():
    blind = load(BLIND8)
    assert len(blind) == 120
    assert {record["part"] for record in blind} == {"blind8"}
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed / len(blind) >= BLIND8_FLOOR


# Issue 10's fifth fresh set (blind9), written from the method alone by a writer who saw no code,
# no check and no earlier item: 95 of 120 on first sight (before the fourth round), 96 after it
# unread, then studied in the fifth round (docs/coach.md): its keep-in-touch records name no update
# (N8), its follow-ups carry on conversations under way (N5). 120 of 120 after, held there.
BLIND9 = Path(__file__).with_name("blind9_notes.jsonl")
BLIND9_FLOOR = 120


def test_it_agrees_on_the_fifth_fresh_blind_set_studied_in_round_five():
    blind = load(BLIND9)
    assert len(blind) == 120
    assert {record["part"] for record in blind} == {"blind9"}
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed >= BLIND9_FLOOR


# Issue 10's sixth fresh set (blind10), written the same way by another writer: 91 of 120 on first
# sight (with one step of the fourth round landed), 93 after that round, 107 after the fifth unread,
# then studied in round six (docs/coach.md): their name misspelt, a name of the record swapped for
# another, a follow-up after meeting that needs no plan to meet, the writer's need for help said
# outright, a hyphenated relationship on record (N8), their news turned into the writer's own.
# 119 of 120 after, held there.
BLIND10 = Path(__file__).with_name("blind10_notes.jsonl")
BLIND10_FLOOR = 119


def test_it_agrees_on_the_sixth_fresh_blind_set_studied_in_round_six():
    blind = load(BLIND10)
    assert len(blind) == 120
    assert {record["part"] for record in blind} == {"blind10"}
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed >= BLIND10_FLOOR


# The never-studied sets, held at their figure until a round studies them. blind11, written from
# the method alone while round six ran and never opened by it, judges that round: 96 of 120 on
# first sight (the code before round six), 102 of 120 (85.0%) after it, below the 92% target.
NEVER_STUDIED: dict[str, int] = {"blind11": 102}


@pytest.mark.parametrize("part", NEVER_STUDIED or ["blind11"])
def test_it_holds_the_never_studied_blind_sets_at_their_figures(part):
    path = Path(__file__).with_name(f"{part}_notes.jsonl")
    if part not in NEVER_STUDIED or not path.exists():
        pytest.skip(f"{part} is not copied in, or its figure not recorded, yet")
    blind = load(path)
    assert len(blind) == 120
    assert {record["part"] for record in blind} == {part}
    agreed = sum(predicted_ready(record) == record["ready"] for record in blind)
    assert agreed >= NEVER_STUDIED[part]
