"""How well "people you may know" ranks, on a real mail network (email-Eu, SNAP).

`python -m bench.suggest [--tune]`. For each cut in time, each person's history before the cut
is all they know; their *weak* contacts are the people they exchanged mail with before the cut
but not strongly in the WINDOW before it; the truth is which of those become *strong* in the
WINDOW after it (at least STRONG messages each way). Every person with at least one such
contact ranks their weak contacts three ways, in the same run: by Hedgerow's score
(hedgerow.network.suggest.score, the product's own function), by message count, and by recency.
We report MRR (1 / the rank of the first contact that became strong) and precision@10, averaged
over people.

The weights were tuned on TUNE_CUT only (`--tune` searches them there); REPORT_CUTS were never
looked at while tuning.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Beside the repository, as CI lays it out; HEDGEROW_EMAIL_EU points elsewhere.
DATA = Path(os.environ.get("HEDGEROW_EMAIL_EU", REPO.parent / "shared" / "data" / "email-Eu"))
DAY = 86400
WINDOW = 120  # days: the data runs for about 550 days (a few stray later messages aside)
STRONG = 3  # messages each way within the window
TUNE_CUT = 180  # days after the first message
REPORT_CUTS = (300, 420)
TARGET = 1.15  # MRR at least this times the best baseline's


@dataclass
class Pair:
    sent: int = 0
    received: int = 0
    small: int = 0
    first: float = 0.0
    last: float = 0.0


def load(folder: Path = DATA) -> list[tuple[int, int, tuple[int, ...]]]:
    """(time, sender, receivers) per message; the sender is a simplex's first vertex."""

    def numbers(name: str) -> list[int]:
        with gzip.open(folder / name, "rt") as handle:
            return [int(line) for line in handle if line.strip()]

    sizes = numbers("email-Eu-nverts.txt.gz")
    vertices = numbers("email-Eu-simplices.txt.gz")
    times = numbers("email-Eu-times.txt.gz")
    messages, at = [], 0
    for size, moment in zip(sizes, times, strict=True):
        people = vertices[at : at + size]
        at += size
        receivers = tuple(dict.fromkeys(p for p in people[1:] if p != people[0]))
        if receivers:
            messages.append((moment, people[0], receivers))
    messages.sort()
    return messages


def pairs_between(messages, start: float, end: float) -> dict[tuple[int, int], Pair]:
    """Per (person, other), what person's mailbox says about other between start and end."""
    found: dict[tuple[int, int], Pair] = defaultdict(Pair)
    for moment, sender, receivers in messages:
        if not start <= moment < end:
            continue
        small = len(receivers) + 1 <= 4
        for receiver in receivers:
            for ego, other, outgoing in ((sender, receiver, True), (receiver, sender, False)):
                pair = found[(ego, other)]
                if outgoing:
                    pair.sent += 1
                else:
                    pair.received += 1
                pair.small += small
                pair.first = moment if not pair.first else min(pair.first, moment)
                pair.last = max(pair.last, moment)
    return found


def strong(pair: Pair | None) -> bool:
    return pair is not None and pair.sent >= STRONG and pair.received >= STRONG


@dataclass
class Case:
    ego: int
    candidates: list[tuple[int, Pair]]  # (other, their evidence before the cut)
    positives: set[int]


def cases(messages, cut_day: int) -> list[Case]:
    origin = messages[0][0]
    cut = origin + cut_day * DAY
    before = pairs_between(messages, origin, cut)
    recent = pairs_between(messages, cut - WINDOW * DAY, cut)
    after = pairs_between(messages, cut, cut + WINDOW * DAY)
    by_ego: dict[int, list[tuple[int, Pair]]] = defaultdict(list)
    for (ego, other), pair in before.items():
        if not strong(recent.get((ego, other))):
            by_ego[ego].append((other, pair))
    found = []
    for ego, candidates in sorted(by_ego.items()):
        positives = {o for o, _p in candidates if strong(after.get((ego, o)))}
        if positives and len(candidates) >= 2:
            found.append(Case(ego, sorted(candidates, key=lambda c: c[0]), positives))
    return found


def rank_ours(case: Case, cut: float, weights) -> list[int]:
    from hedgerow.network.suggest import score

    scored = [
        (
            -score(
                sent=p.sent,
                received=p.received,
                meetings=0,
                small=p.small,
                span_days=(p.last - p.first) / DAY,
                days_since=(cut - p.last) / DAY,
                weights=weights,
            ),
            other,
        )
        for other, p in case.candidates
    ]
    return [other for _s, other in sorted(scored)]


def rank_count(case: Case) -> list[int]:
    return [o for _n, o in sorted((-(p.sent + p.received), o) for o, p in case.candidates)]


def rank_recency(case: Case) -> list[int]:
    return [o for _t, o in sorted((-p.last, o) for o, p in case.candidates)]


def quality(rankings: list[tuple[list[int], set[int]]]) -> tuple[float, float]:
    """(MRR, precision@10), averaged over people."""
    mrr = precision = 0.0
    for ranking, positives in rankings:
        first = next(i for i, other in enumerate(ranking, 1) if other in positives)
        mrr += 1 / first
        precision += sum(1 for other in ranking[:10] if other in positives) / 10
    n = len(rankings) or 1
    return mrr / n, precision / n


def evaluate(messages, cut_day: int, weights) -> dict[str, tuple[float, float]]:
    cut = messages[0][0] + cut_day * DAY
    found = cases(messages, cut_day)
    return {
        "hedgerow": quality([(rank_ours(c, cut, weights), c.positives) for c in found]),
        "message count": quality([(rank_count(c), c.positives) for c in found]),
        "recency": quality([(rank_recency(c), c.positives) for c in found]),
        "people": (len(found), sum(len(c.positives) for c in found)),
    }


def tune(messages) -> None:
    """A small grid search on TUNE_CUT only; prints the best weights."""
    from hedgerow.network.suggest import WEIGHTS

    found = cases(messages, TUNE_CUT)
    cut = messages[0][0] + TUNE_CUT * DAY
    best = None
    grid = itertools.product(
        (1.0, 2.0, 3.0), (0.4, 0.8), (0.0, 0.3), (0.0, 0.3), (0.0, 0.3), (30, 60, 120, 240)
    )
    for both, sent, received, small, span, half_life in grid:
        weights = replace(
            WEIGHTS,
            both=both,
            sent=sent,
            received=received,
            small=small,
            span=span,
            half_life_days=half_life,
        )
        mrr, p10 = quality([(rank_ours(c, cut, weights), c.positives) for c in found])
        if best is None or mrr > best[0]:
            best = (mrr, p10, weights)
            print(f"MRR {mrr:.4f} P@10 {p10:.4f} {weights}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.suggest", description=__doc__)
    parser.add_argument("--tune", action="store_true", help=f"search weights on day {TUNE_CUT}")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"bench.suggest: no email-Eu data at {DATA}; skipped.")
        return 0
    from bench.today import setup_django

    setup_django(REPO / ".bench" / "suggest-home")
    messages = load()
    if args.tune:
        tune(messages)
        return 0
    from hedgerow.network.suggest import WEIGHTS

    print("People you may know, ranked on email-Eu (temporal split, same run for all three)")
    print(f"weak contact: mail before the cut, not {STRONG}+ each way in the {WINDOW} days before")
    print(f"truth: {STRONG}+ messages each way in the {WINDOW} days after the cut\n")
    print(f"{'cut':<18}{'people':>7}{'ranking':>15}{'MRR':>8}{'P@10':>8}{'MRR ratio':>11}")
    verdicts = []
    for cut_day in (TUNE_CUT, *REPORT_CUTS):
        result = evaluate(messages, cut_day, WEIGHTS)
        people, _positives = result.pop("people")
        best_baseline = max(result["message count"][0], result["recency"][0])
        label = f"day {cut_day}" + (" (tuned)" if cut_day == TUNE_CUT else "")
        for name, (mrr, p10) in result.items():
            ratio = f"{mrr / best_baseline:.2f}x" if name == "hedgerow" else ""
            print(f"{label:<18}{people:>7}{name:>15}{mrr:>8.3f}{p10:>8.3f}{ratio:>11}")
            label, people = "", ""  # type: ignore[assignment]
        if cut_day in REPORT_CUTS:
            verdicts.append(result["hedgerow"][0] / best_baseline >= TARGET)
    ok = all(verdicts)
    verdict = "PASS" if ok else "FAIL"
    print(f"\nTarget MRR ≥ {TARGET}x the best baseline at every reported cut: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
