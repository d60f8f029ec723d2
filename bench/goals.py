"""`python -m bench.goals [--misses] [--skip-untuned]`: how the goal check and the blocker reading
agree with our labels.

The labeled sets live in tests/goals/. Each row carries `part`: "dev" rows were written first and
the rules tuned on them; "held-out" rows were written after the rules were done and never tuned
on; "blind" parts were written by people who never saw the code, and the newest
(`bench.parts.UNTUNED`, "blind9", copied in by the integrator when it is measured) has never been
tuned on: whoever tunes runs with `--skip-untuned` so it stays unseen; while it is not copied in
yet, the bench says so and leaves it out. blind7 was studied in the third round of issue 10 on
its odd lines only (its even lines, held out then, are reported apart), and blind7 and blind8
whole in the fourth. Prints, per
part, how often `clear` agrees (the headline) and how often every failed check agrees, the
first-sight figure of every blind part and their pool, a per-check confusion table (a "positive"
is a failed check; since issue 10 a found method clause fails what-not-how, rule G3), a
confusion matrix for blockers, and the median time per call.

For blockers the dev rows are also what the naive Bayes model learns from, so its dev agreement
is also given cross-validated (the model retrained without each tenth in turn), next to each
reader alone on the held-out part. With the "embeddings" extra installed, the sentence-embedding
reader is measured too.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.parts import BLIND_PARTS, UNTUNED, untuned_missing
from hedgerow.goals import blocker_embeddings
from hedgerow.goals.blockers import (
    KINDS,
    classify_blocker,
    read,
    read_by_model,
    read_by_rules,
    tidy,
    train,
)
from hedgerow.goals.sentence import CHECK_IDS, check_goal

LABELS = Path(__file__).resolve().parent.parent / "tests" / "goals"
TARGET = 0.90  # issues 4 and 10: agreement on each set
PARTS = ("dev", "held-out", *BLIND_PARTS)
HELD_OUT_HALF = "blind7"  # studied on its odd lines in round three; the even lines held out
# Agreement of each blind part on its first run, before anyone studied it (docs/goals.md). The
# first two goal sets were measured on every failed check; blind5 and later on `clear`, with a
# found how counted as not clear (rule G3, issue 10).
GOAL_FIRST_SIGHT = {
    "blind": (35, 40),
    "blind2": (46, 50),
    "blind5": (43, 60),
    "blind6": (58, 60),
    "blind7": (56, 60),
    "blind8": (58, 60),
    "blind9": (53, 60),  # on c9cb6bb, before issue 10's fourth round
    "blind10": (56, 60),  # on 78fa463, before that round's goal work landed
    "blind11": (57, 60),  # on 07acad5, after the fourth round
}
BLOCKER_FIRST_SIGHT = {
    "blind": (37, 40),
    "blind2": (50, 60),
    "blind3": (68, 80),
    "blind4": (73, 80),
    "blind5": (83, 105),
    "blind6": (89, 105),
    "blind7": (90, 105),
    "blind8": (92, 105),
    "blind9": (108, 120),  # on c9cb6bb, before issue 10's fourth round
    "blind10": (110, 120),  # on 78fa463, with that round's first blocker step landed
    "blind11": (117, 120),  # on 07acad5, after the fourth round
}


def load(name: str) -> list[dict[str, Any]]:
    with open(LABELS / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def goal_verdict(text: str) -> tuple[frozenset[str], bool]:
    """The failed check ids, and whether the goal is clear."""
    report = check_goal(text)
    failed = frozenset(check["id"] for check in report["checks"] if not check["ok"])
    return failed, report["clear"]


def labeled_fails(row: dict[str, Any]) -> frozenset[str]:
    """The checks a row should fail. Rows written before issue 10 name a how in `how` only; a
    found method clause now fails what-not-how (rule G3)."""
    return frozenset(row["fails"]) | ({"what-not-how"} if row["how"] else frozenset())


def labeled_clear(row: dict[str, Any]) -> bool:
    return bool(row.get("clear", not labeled_fails(row)))


def goal_agrees(row: dict[str, Any]) -> bool:
    """The headline: the same answer to "is this goal clear?"."""
    return goal_verdict(row["text"])[1] == labeled_clear(row)


def goal_checks_agree(row: dict[str, Any]) -> bool:
    """Stricter: exactly the same failed checks."""
    return goal_verdict(row["text"])[0] == labeled_fails(row)


def blocker_agrees(row: dict[str, Any]) -> bool:
    return classify_blocker(row["text"])["kind"] == row["kind"]


def agreement(
    rows: list[dict[str, Any]],
    agrees: Callable[[dict[str, Any]], bool],
    first_sight: dict[str, tuple[int, int]],
    strict: Callable[[dict[str, Any]], bool] | None = None,
) -> str:
    lines = []
    for label, part in (("all", None), *((p, p) for p in PARTS)):
        chosen = [row for row in rows if part is None or row["part"] == part]
        if not chosen:
            continue
        share = sum(agrees(row) for row in chosen) / len(chosen)
        verdict = "PASS" if share >= TARGET else "below target"
        extra = ""
        if strict:
            extra += f"  every check {sum(strict(row) for row in chosen) / len(chosen):6.1%}"
        if part == UNTUNED:
            extra += "  never studied;"
        if part in first_sight:
            hit, count = first_sight[part]
            extra += f"  first sight {hit}/{count} {hit / count:.1%}"
        elif part == UNTUNED:
            extra += "  never tuned on: this is its first sight"
        lines.append(f"  {label:<9} {share:6.1%}  of {len(chosen):>3}   {verdict:<12}{extra}")
    half = [row for row in rows if row["part"] == HELD_OUT_HALF][1::2]
    if half:
        hit = sum(agrees(row) for row in half)
        lines.append(
            f"  {HELD_OUT_HALF} even lines (held out in round three) {hit}/{len(half)}"
            f" {hit / len(half):.1%}"
        )
    # The untuned part counts as it is now only until its first sight is recorded.
    untuned = [row for row in rows if row["part"] == UNTUNED and UNTUNED not in first_sight]
    if first_sight:  # the recorded first sights, and the untuned part's now if it is here
        hit = sum(hit for hit, _ in first_sight.values()) + sum(agrees(row) for row in untuned)
        count = sum(count for _, count in first_sight.values()) + len(untuned)
        verdict = "PASS" if hit / count >= TARGET else "below target"
        lines.append(
            f"  every blind part at first sight {hit}/{count} {hit / count:.1%}  {verdict}"
        )
    return "\n".join(lines)


def per_check(rows: list[dict[str, Any]]) -> str:
    counts: dict[str, Counter[str]] = {check_id: Counter() for check_id in CHECK_IDS}
    for row in rows:
        failed, _ = goal_verdict(row["text"])
        for check_id in CHECK_IDS:
            said, truth = check_id in failed, check_id in labeled_fails(row)
            counts[check_id][("t" if said == truth else "f") + ("p" if said else "n")] += 1
    lines = [
        f"  {'check':<14} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} {'precision':>9} {'recall':>7}"
    ]
    for check_id, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        lines.append(
            f"  {check_id:<14} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {c['tn']:>4}"
            f" {precision:9.0%} {recall:7.0%}"
        )
    return "\n".join(lines)


def confusion(rows: list[dict[str, Any]]) -> str:
    cells = Counter((row["kind"], classify_blocker(row["text"])["kind"]) for row in rows)
    lines = ["  labeled \\ read " + "".join(f"{kind:>12}" for kind in KINDS)]
    for labeled in KINDS:
        lines.append(f"  {labeled:<15}" + "".join(f"{cells[labeled, k]:>12}" for k in KINDS))
    return "\n".join(lines)


def cross_validated(rows: list[dict[str, Any]], folds: int = 10) -> float:
    """Agreement on `rows` when each tenth is read by a model trained on the other nine."""
    order = list(range(len(rows)))
    random.Random(0).shuffle(order)
    agreed = 0
    for fold in range(folds):
        tested = set(order[fold::folds])
        trained = [(row["text"], row["kind"]) for i, row in enumerate(rows) if i not in tested]
        reader = train(trained)
        agreed += sum(read(tidy(rows[i]["text"]), reader)[0] == rows[i]["kind"] for i in tested)
    return agreed / len(rows)


def readers(rows: list[dict[str, Any]]) -> str:
    dev = [row for row in rows if row["part"] == "dev"]
    held_out = [row for row in rows if row["part"] == "held-out"]
    lines = [f"  dev, 10-fold cross-validated (rules + model)  {cross_validated(dev):6.1%}"]
    chosen: list[tuple[str, Callable[[str], str]]] = [
        ("phrases alone", lambda text: read_by_rules(tidy(text))[0]),
        ("naive Bayes alone", lambda text: read_by_model(tidy(text))[0]),
        ("phrases + naive Bayes (classify_blocker)", lambda text: classify_blocker(text)["kind"]),
    ]
    if blocker_embeddings.available():
        chosen.append(
            (
                "phrases + naive Bayes + embeddings",
                lambda text: blocker_embeddings.classify_blocker_with_embeddings(text)["kind"],
            )
        )
    else:
        lines.append("  (embeddings extra not installed: pip install 'hedgerow[embeddings]')")
    for label, reader in chosen:
        share = sum(reader(row["text"]) == row["kind"] for row in held_out) / len(held_out)
        lines.append(f"  held-out, {label:<40} {share:6.1%}")
    return "\n".join(lines)


def median_ms(texts: list[str], call: Callable[[str], object], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            call(text)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def misses(rows: list[dict[str, Any]], agrees: Callable[[dict[str, Any]], bool]) -> list[str]:
    # The never-tuned part is never listed, so it stays a fair test.
    return [
        f"  [{row['part']}] {row['text']!r}"
        for row in rows
        if row["part"] != UNTUNED and not agrees(row)
    ]


GOAL_SETS = (
    "labeled", "blind", "blind2", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10",
    "blind11",
)  # fmt: skip
BLOCKER_SETS = ("labeled", *BLIND_PARTS)


def load_sets(kind: str, names: tuple[str, ...], skip_untuned: bool) -> list[dict[str, Any]]:
    chosen = [
        name
        for name in names
        if not (skip_untuned and name == UNTUNED) and (LABELS / f"{name}_{kind}.jsonl").exists()
    ]
    return [row for name in chosen for row in load(f"{name}_{kind}.jsonl")]


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    show_misses = "--misses" in args
    skip_untuned = "--skip-untuned" in args
    missing = untuned_missing(LABELS)
    if missing:
        print(missing)
    goals = load_sets("goals", GOAL_SETS, skip_untuned)
    blockers = load_sets("blockers", BLOCKER_SETS, skip_untuned)
    print(f"Goal sentences: agreement with {len(goals)} labels (`clear`, and every failed check)")
    print(agreement(goals, goal_agrees, GOAL_FIRST_SIGHT, strict=goal_checks_agree))
    print(per_check(goals))
    untuned_goals = [row for row in goals if row["part"] == UNTUNED]
    if untuned_goals:
        print(f"  on the never-tuned part ({UNTUNED}):")
        print(per_check(untuned_goals))
    print(f"\nBlockers: agreement with {len(blockers)} labels (kind)")
    print(agreement(blockers, blocker_agrees, BLOCKER_FIRST_SIGHT))
    print(confusion(blockers))
    untuned_blockers = [row for row in blockers if row["part"] == UNTUNED]
    if untuned_blockers:
        print(f"  on the never-tuned part ({UNTUNED}):")
        print(confusion(untuned_blockers))
    print(readers(blockers))
    goal_ms = median_ms([row["text"] for row in goals], check_goal)
    blocker_ms = median_ms([row["text"] for row in blockers], classify_blocker)
    print(
        f"\nMedian time per call: check_goal {goal_ms:.3f} ms, classify_blocker {blocker_ms:.3f} ms"
    )
    if show_misses:
        print("\nGoal disagreements:", *misses(goals, goal_agrees), sep="\n")
        print("\nBlocker disagreements:", *misses(blockers, blocker_agrees), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
