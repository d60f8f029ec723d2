"""One way to read English words across Hedgerow: a stemmer and a list of function words.

The coach (does a note name their update?), the blocker reader (which words lean to a kind?) and
the reconnaissance suggestions (which contact's company matches an item?) all compare words by
stem, so "promoted" meets "promotion" and "designers" meets "Designer". They share this one
stemmer, Snowball's English (Porter2) from `snowballstemmer`, and this one stopword list; each
adds only the words of its own domain that carry nothing ("congrats" for the coach, "goal" for
the suggestions).
"""

from __future__ import annotations

import functools
import re

import snowballstemmer

_ENGLISH = snowballstemmer.stemmer("english")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

# Function words: pronouns, articles, auxiliaries, prepositions, conjunctions and the commonest
# adverbs. They say nothing about what a text is about.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing don done down during each
    few for from get got had has have having he her here hers herself him himself his how i i'd
    i'll i'm i've if in into is isn't it it's its itself just me more most much must my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through
    to too under until up upon very was we were what when where which while who whom why will
    with without would you your yours yourself can't don't won't didn't doesn't wasn't aren't
    couldn't wouldn't shouldn't haven't hasn't let's really you're you've you'll you'd we're
    we've we'll we'd they're they've they'll it'll that's there's what's who's how's where's
    here's he's she's
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


# Words that only look like "-ing" forms: "evening" is not "even", "nothing" not "noth".
WHOLE_WORDS = frozenset({"evening", "morning", "nothing", "something", "anything", "everything"})


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter2 stem of one word, lower-cased, without a possessive "'s"."""
    word = word.lower().replace("\u2019", "'")
    word = word.removesuffix("'s").strip("'")
    if word in WHOLE_WORDS:
        return word
    return _ENGLISH.stemWord(word)


def words_of(text: str) -> list[str]:
    """The words in `text` as written (letters and inner apostrophes; no digits)."""
    return WORD.findall(text)


def common_prefix(word: str) -> str:
    """The part of `word` its stem keeps as written ("compani" -> "compan" for "company"), for
    finding the word's family with a plain substring search."""
    lowered = word.lower()
    stemmed = stem(lowered)
    length = 0
    for written, kept in zip(lowered, stemmed, strict=False):
        if written != kept:
            break
        length += 1
    return lowered[:length]
