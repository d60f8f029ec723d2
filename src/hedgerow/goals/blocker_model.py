"""A small naive Bayes model of "but ..." statements (rule G2), trained on our own labels.

Phrase lists read the sentences they were written from very well and new sentences much less
well, so words the lists never saw are left to this model. It learns from the labeled rows in
data/blocker_training.jsonl (the "dev" part of tests/goals/labeled_blockers.jsonl; never the
held-out part) plus the single words that lean one way in data/blocker_words.txt, which count as
a few extra sightings each so that words the rows never used still carry their kind.

Standard library and the shared Snowball stemmer (`hedgerow.lib.text`): binary multinomial naive
Bayes over word stems and word pairs, with contractions spelled out and the words after a "not"
marked, so "not busy" is not "busy". A caller may add hints of its own (blockers.py adds which
kinds the cue phrases lean to, so the model learns how far to trust a weak phrase)."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hedgerow.lib.text import stem

# Chosen by 10-fold cross-validation on the dev rows only (see docs/goals.md).
SMOOTHING = 1.0
LEXICON_SIGHTINGS = 2
TOP_CUES = 3

SURFACE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# How a written word reads once its contraction is spelled out.
CONTRACTED = {"can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not")}
ENDINGS = (("n't", ("not",)), ("'d", ("would",)), ("'m", ("am",)), ("'re", ("are",)),
           ("'ve", ("have",)), ("'ll", ("will",)), ("'s", ()))  # fmt: skip
NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "cannot", "without"})
# A negation reaches the end of its clause.
CLAUSE_END = re.compile(r"[.,;:!?]|\bbut\b")
# Too common to explain anything on their own; they still count inside word pairs.
# fmt: off
PLAIN = frozenset({
    "a", "an", "the", "to", "of", "and", "or", "but", "i", "my", "me", "it", "is", "be", "am",
    "are", "was", "that", "this", "for", "in", "on", "at", "with", "as", "so", "just", "really",
    "would", "will", "have", "not", "do",
})
# fmt: on
PLAIN_STEMS = frozenset(stem(word) for word in PLAIN)


@dataclass(frozen=True)
class Token:
    stem: str
    start: int
    end: int


def spelled_out(word: str) -> tuple[str, ...]:
    if word in CONTRACTED:
        return CONTRACTED[word]
    for ending, spelled in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            return (word[: -len(ending)], *spelled)
    return (word,)


def tokens(text: str) -> list[Token]:
    """Stems with where their written word sits, so a cue can quote the text as written."""
    lowered = text.lower()
    found = []
    for match in SURFACE.finditer(lowered):
        for word in spelled_out(match.group()):
            token = "<number>" if word.isdigit() else stem(word)
            found.append(Token(token, match.start(), match.end()))
    return found


def negated(text: str, found: list[Token]) -> list[bool]:
    """Whether each token follows a negation in the same clause."""
    breaks = [match.start() for match in CLAUSE_END.finditer(text.lower())]
    flags, open_from = [], None
    for token in found:
        if open_from is not None and any(open_from < b <= token.start for b in breaks):
            open_from = None
        flags.append(open_from is not None and token.stem not in PLAIN_STEMS)
        if token.stem in NEGATIONS:
            open_from = token.start
    return flags


def features(text: str) -> dict[str, tuple[int, int]]:
    """Each feature the text has (a stem, a pair of stems, or "not_" and a stem) and its span."""
    found = tokens(text)
    spans: dict[str, tuple[int, int]] = {}
    for token, after_negation in zip(found, negated(text, found), strict=True):
        spans.setdefault(token.stem, (token.start, token.end))
        if after_negation:
            spans.setdefault(f"not_{token.stem}", (token.start, token.end))
    for first, second in itertools.pairwise(found):
        spans.setdefault(f"{first.stem} {second.stem}", (first.start, second.end))
    return spans


Hints = Callable[[str], Mapping[str, tuple[int, int]]]


def explains(feature: str) -> bool:
    return not all(part in PLAIN_STEMS for part in feature.removeprefix("not_").split())


@dataclass(frozen=True)
class Guess:
    kind: str
    cue: str
    margin: float  # log-odds of the chosen kind over the runner-up


class NaiveBayes:
    def __init__(
        self,
        counts: Mapping[str, Counter[str]],
        documents: Counter[str],
        hints: Hints | None = None,
    ) -> None:
        self.hints = hints
        self.kinds = tuple(counts)
        vocabulary = set().union(*counts.values())
        self.known = frozenset(vocabulary)
        total_documents = sum(documents.values())
        self.prior = {k: math.log(documents[k] / total_documents) for k in self.kinds}
        denominators = {
            k: sum(counts[k].values()) + SMOOTHING * len(vocabulary) for k in self.kinds
        }
        self.unseen = {k: math.log(SMOOTHING / denominators[k]) for k in self.kinds}
        self.weights = {
            k: {f: math.log((n + SMOOTHING) / denominators[k]) for f, n in counts[k].items()}
            for k in self.kinds
        }

    @classmethod
    def train(
        cls,
        rows: Iterable[tuple[str, str]],
        leanings: Mapping[str, str],
        hints: Hints | None = None,
    ) -> NaiveBayes:
        """Learn from (text, kind) rows; each leaning word adds a few sightings to its kind."""
        counts: dict[str, Counter[str]] = {}
        documents: Counter[str] = Counter()
        for text, kind in rows:
            found = {**features(text), **(hints(text) if hints else {})}
            counts.setdefault(kind, Counter()).update(found.keys())
            documents[kind] += 1
        for word, kind in leanings.items():
            counts[kind][stem(word)] += LEXICON_SIGHTINGS
        return cls(counts, documents, hints)

    def features(self, text: str) -> dict[str, tuple[int, int]]:
        """The known features of `text`, the caller's hints included, with their spans."""
        found = {**features(text), **(self.hints(text) if self.hints else {})}
        return {f: span for f, span in found.items() if f in self.known}

    def weight(self, feature: str, kind: str) -> float:
        return self.weights[kind].get(feature, self.unseen[kind])

    def scores(self, spans: Mapping[str, object]) -> dict[str, float]:
        """Log-probability of each kind, up to a shared constant."""
        return {k: self.prior[k] + sum(self.weight(f, k) for f in spans) for k in self.kinds}

    def probabilities(self, text: str) -> dict[str, float]:
        scores = self.scores(self.features(text))
        top = max(scores.values())
        exps = {k: math.exp(score - top) for k, score in scores.items()}
        return {k: e / sum(exps.values()) for k, e in exps.items()}

    def guess(self, text: str) -> Guess:
        spans = self.features(text)
        scores = self.scores(spans)
        ranked = sorted(self.kinds, key=lambda k: -scores[k])
        kind, runner_up = ranked[0], ranked[1]
        return Guess(kind, self.cue(text, spans, kind), scores[kind] - scores[runner_up])

    def cue_for(self, text: str, kind: str) -> str:
        return self.cue(text, self.features(text), kind)

    def cue(self, text: str, spans: Mapping[str, tuple[int, int]], kind: str) -> str:
        """The words that pulled hardest towards `kind`, as written, in the order they appear."""

        def pull(feature: str) -> float:
            others = max(self.weight(feature, k) for k in self.kinds if k != kind)
            return self.weight(feature, kind) - others

        strongest = sorted((f for f in spans if explains(f) and pull(f) > 0), key=pull)[::-1]
        chosen: list[tuple[int, int]] = []
        for feature in strongest:
            begin, end = spans[feature]
            if all(end <= b or begin >= e for b, e in chosen):
                chosen.append((begin, end))
            if len(chosen) == TOP_CUES:
                break
        return ", ".join(text[begin:end] for begin, end in sorted(chosen))


def training_rows(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [(row["text"], row["kind"]) for row in rows]
