"""`python -m bench.coach [--show-misses] [--skip-untuned]`: how the coach agrees with our labels.

Prints agreement of `ready` with the labels (overall, on the development part the rules were
tuned on, on the held-out part written after, and on the blind parts written by people who never
saw the checks), the first-sight figure of every blind part and their pool, a per-check confusion
table (a failing check is a positive), and the time per `check_note` call. The newest blind part
(`bench.parts.UNTUNED`, "blind11") has never been tuned on: whoever tunes the checks runs with
`--skip-untuned` so it stays unseen; while it is not copied in yet, the bench says so and leaves it
out. blind7 was studied in the third round of issue 10 on its odd lines only (its even lines, held
out then, are reported apart), blind7 and blind8 whole in the fourth, blind9 in the fifth, blind10
in the sixth. Pure Python, no database.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.parts import BLIND_PARTS, UNTUNED, untuned_missing
from hedgerow.coach.checks import check_note

TESTS = Path(__file__).resolve().parent.parent / "tests" / "coach"
LABELS = TESTS / "labeled_notes.jsonl"
BLIND = TESTS / "blind_notes.jsonl"
BLIND2 = TESTS / "blind2_notes.jsonl"
BLIND3 = TESTS / "blind3_notes.jsonl"
BLIND4 = TESTS / "blind4_notes.jsonl"
BLIND5 = TESTS / "blind5_notes.jsonl"
BLIND6 = TESTS / "blind6_notes.jsonl"
BLIND7 = TESTS / "blind7_notes.jsonl"
BLIND8 = TESTS / "blind8_notes.jsonl"
BLIND9 = TESTS / "blind9_notes.jsonl"
BLIND10 = TESTS / "blind10_notes.jsonl"
# Copied in by the integrator when it is measured; `load` passes over a set that is not there.
BLIND11 = TESTS / "blind11_notes.jsonl"
SETS = (
    LABELS, BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
)  # fmt: skip
PARTS = ("dev", "holdout", *BLIND_PARTS)
TIMING_ROUNDS = 20
TARGET_AGREEMENT = 0.92  # issue 10: on the newest never-tuned part and pooled at first sight
MAX_MS = 20.0
# `ready` agreement of each blind part on its first run, before anyone studied it (docs/coach.md).
# The untuned part is measured live, so its first sight is whatever this run says.
FIRST_SIGHT = {
    "blind": (57, 60),
    "blind2": (75, 80),
    "blind3": (74, 80),
    "blind4": (76, 80),
    "blind5": (104, 120),
    "blind6": (107, 120),
    "blind7": (105, 120),
    "blind8": (111, 120),
    "blind9": (95, 120),  # on c9cb6bb, before issue 10's fourth round
    "blind10": (91, 120),  # on 78fa463, with one step of that round's coach work landed
    "blind11": (96, 120),  # on 07acad5, after round five and before round six
}
# Issue 10, third round: blind7 was studied on its odd lines; the even lines were held out and
# only their figure looked at (53 of 60 before the round).
HELD_OUT_HALF = "blind7"


@dataclass(frozen=True)
class Scored:
    record: dict
    ready: bool
    failing: frozenset[str]
    applied: frozenset[str]

    @property
    def agrees(self) -> bool:
        return self.ready == self.record["ready"]


def load(paths: tuple[Path, ...] = SETS, *, skip_untuned: bool = False) -> list[dict]:
    records = []
    for path in paths:
        if (skip_untuned and path.name.startswith(UNTUNED + "_")) or not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            records += [json.loads(line) for line in lines if line.strip()]
    return records


def score(record: dict) -> Scored:
    report = check_note(
        record["text"], record["occasion"], to=record.get("to"), about=record.get("about")
    )
    return Scored(
        record=record,
        ready=report["ready"],
        failing=frozenset(check["id"] for check in report["checks"] if not check["ok"]),
        applied=frozenset(check["id"] for check in report["checks"]),
    )


def agreement(scored: Iterable[Scored]) -> tuple[int, int]:
    results = list(scored)
    return sum(item.agrees for item in results), len(results)


def per_check(scored: list[Scored]) -> list[tuple[str, int, int, int, int, int]]:
    """(id, support, true positives, false positives, false negatives, true negatives) per check
    id: the confusion table of each check, a failing check being a positive."""
    ids = sorted({check for item in scored for check in item.applied})
    rows = []
    for check in ids:
        tp = fp = fn = tn = support = 0
        for item in scored:
            if check not in item.applied:
                continue
            expected = check in item.record["failing"]
            found = check in item.failing
            support += expected
            tp += expected and found
            fp += found and not expected
            fn += expected and not found
            tn += not expected and not found
        rows.append((check, support, tp, fp, fn, tn))
    return rows


def first_sight(scored: list[Scored]) -> tuple[int, int]:
    """Every blind part at first sight: the recorded figures, and the untuned part as it is now
    until its first sight is recorded."""
    agreed = sum(hit for hit, _ in FIRST_SIGHT.values())
    total = sum(count for _, count in FIRST_SIGHT.values())
    if UNTUNED in FIRST_SIGHT:
        return agreed, total
    live, count = agreement(item for item in scored if item.record["part"] == UNTUNED)
    return agreed + live, total + count


def timings_ms(records: list[dict]) -> tuple[float, list[float]]:
    """The first call (the dictionary loads then) and every later call, in milliseconds."""
    start = time.perf_counter()
    score(records[0])
    cold = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(TIMING_ROUNDS):
        for record in records:
            start = time.perf_counter()
            score(record)
            times.append((time.perf_counter() - start) * 1000)
    return cold, times


def ratio(hit: int, total: int) -> str:
    return f"{hit / total:6.1%}" if total else "     -"


def print_report(scored: list[Scored], cold: float, times: list[float]) -> None:
    parts = sorted({item.record["part"] for item in scored}, key=PARTS.index)
    print(f"Coach agreement with {len(scored)} labeled notes (tests/coach/*.jsonl)")
    for part in ("all", *parts):
        chosen = [item for item in scored if part == "all" or item.record["part"] == part]
        agreed, total = agreement(chosen)
        seen = FIRST_SIGHT.get(part)
        note = f"   first sight {seen[0]}/{seen[1]} {ratio(*seen).strip()}" if seen else ""
        if part == UNTUNED:
            note = "   never studied;" + (note or " never tuned on: this is its first sight")
        print(f"  ready agrees  {part:<8} {agreed:>4}/{total:<4} {ratio(agreed, total)}{note}")
    half = [item for item in scored if item.record["part"] == HELD_OUT_HALF][1::2]
    if half:
        agreed, total = agreement(half)
        print(
            f"  ready agrees  {HELD_OUT_HALF} even lines (held out in round three)"
            f" {agreed}/{total} {ratio(agreed, total)}"
        )
    if parts:  # the recorded first sights, with the untuned part's live figure once it is in
        pooled, count = first_sight(scored)
        print(
            f"  ready agrees  every blind part at first sight {pooled}/{count}"
            f" {ratio(pooled, count)}"
        )
    # blind8's writer named the rules a note breaks (N2, N6, ...), never our checks: its notes
    # count for `ready` but would be false positives in every per-check table.
    by_check = [item for item in scored if "rules" not in item.record]
    untuned = [item for item in by_check if item.record["part"] == UNTUNED]
    for title, rows in (("all notes", by_check), (f"the never-tuned part ({UNTUNED})", untuned)):
        if not rows:
            missing = UNTUNED not in parts
            why = "its notes are not copied in yet" if missing else "its notes name rule ids only"
            print(f"\n  No per-check table for {title}: {why}")
            continue
        print(f"\n  Per check on {title} (a failing check is a positive)")
        print(
            f"  {'check':<17} {'labeled':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4}"
            f" {'precision':>10} {'recall':>8}"
        )
        for check, support, tp, fp, fn, tn in per_check(rows):
            print(
                f"  {check:<17} {support:>7} {tp:>4} {fp:>4} {fn:>4} {tn:>4}"
                f" {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>8}"
            )
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print()
    print(
        f"  time per check_note: median {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms "
        f"(target <= {MAX_MS:.0f} ms); first call with dictionary load {cold:.0f} ms"
    )
    # Judged on notes never tuned on: the tuned parts agree by construction.
    agreed, total = agreement(item for item in scored if item.record["part"] == UNTUNED)
    judged = [("every blind part at first sight", *first_sight(scored))]
    if total:
        judged.insert(0, (f"never-tuned notes ({UNTUNED})", agreed, total))
    else:
        print("  " + (untuned_missing(TESTS) or f"({UNTUNED}, never tuned on, was skipped)"))
    for label, hit, of in judged:
        verdict = "meets" if hit / of >= TARGET_AGREEMENT else "is below"
        print(f"  agreement on {label} {verdict} the {TARGET_AGREEMENT:.0%} target")


def print_misses(scored: list[Scored]) -> None:
    for item in scored:
        if item.record["part"] == UNTUNED:
            continue  # never shown, so it stays a fair test
        expected = set(item.record["failing"])
        if item.agrees and expected == item.failing:
            continue
        print(
            f"\n[{item.record['part']}/{item.record['occasion']}] ready {item.ready}, "
            f"labeled {item.record['ready']}"
        )
        print(f"  text: {item.record['text']}")
        print(
            f"  extra: {sorted(item.failing - expected)}  missed: {sorted(expected - item.failing)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.coach", description=__doc__)
    parser.add_argument("--show-misses", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--skip-untuned", action="store_true", help=f"leave out {UNTUNED}, to keep it unseen"
    )
    args = parser.parse_args(argv)
    records = load(skip_untuned=args.skip_untuned)
    cold, times = timings_ms(records)
    scored = [score(record) for record in records]
    if args.show_misses:
        print_misses(scored)
        print()
    print_report(scored, cold, times)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
