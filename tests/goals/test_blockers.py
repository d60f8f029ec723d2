"""Reading a "but ..." statement (rule G2): its kind, the words that decided, a fitting reply."""

from __future__ import annotations

import time

import pytest

from hedgerow.goals.blockers import RESPONSES, classify_blocker


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        ("But I don't have time.", "commitment", "don't have time"),
        ("but it's too hard", "commitment", "it's too hard"),
        ("But I'd have to go back to school.", "confidence", "go back to school"),
        (
            "I could never make enough money as a painter.",
            "confidence",
            "could never make enough money",
        ),
        ("but I don't have the money", "confidence", "don't have the money"),
        ("I also want to open a second shop.", "scope", "I also want to"),
        ("Someday, when things calm down.", "scope", "Someday"),
    ],
)
def test_it_reads_the_kinds_the_rules_name(text, kind, cue):
    reading = classify_blocker(text)

    assert (reading["kind"], reading["cue"]) == (kind, cue)
    assert reading["cue"] in text


def test_it_finds_no_blocker_in_good_news():
    reading = classify_blocker("My sister is cheering me on.")

    assert reading == {"kind": "none", "cue": "", "response": reading["response"]}
    assert reading["response"] in RESPONSES["none"]


def test_it_hears_reassurance_as_no_blocker():
    assert classify_blocker("Money isn't a problem for me.")["kind"] == "none"
    assert classify_blocker("Time is not the issue.")["kind"] == "none"


def test_it_lets_the_specific_worry_win_over_the_general_one():
    assert classify_blocker("I don't know how I'd find the time.")["kind"] == "commitment"
    assert classify_blocker("It's too hard to go back to school at my age.")["kind"] == "confidence"


def test_it_replies_in_the_way_that_fits_the_kind():
    assert (
        "weekly" in classify_blocker("I'm too busy.")["response"].lower()
        or "week" in (classify_blocker("I'm too busy.")["response"])
    )
    assert classify_blocker("I'm too old.")["response"] in RESPONSES["confidence"]
    assert classify_blocker("And then a whole chain.")["response"] in RESPONSES["scope"]


def test_it_gives_the_same_reply_to_the_same_words_and_varies_across_texts():
    texts = [f"But I don't have time for {thing}." for thing in ("it", "this", "that", "cooking")]
    first = [classify_blocker(text)["response"] for text in texts]

    assert first == [classify_blocker(text)["response"] for text in texts]
    assert len(set(first)) > 1


def test_it_writes_every_reply_as_a_question_or_an_invitation():
    for replies in RESPONSES.values():
        assert len(replies) >= 4
        assert all(reply.endswith("?") for reply in replies)


def test_it_is_fast():
    started = time.perf_counter()
    for _ in range(100):
        classify_blocker("But I'd have to go back to school, and that takes years.")
    assert (time.perf_counter() - started) / 100 < 0.005
