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


# Text typed quickly drops apostrophes and shortens words ("hows the team", "how r u", "im in
# town", "i cant be bothered"); the coach's lexicons and the blocker reader read them written out.
# The coach's spelling check still sees a note as typed.
TYPED = {
    "dont": "don't", "im": "i'm", "ive": "i've", "youre": "you're", "hows": "how's",
    "whats": "what's", "cant": "can't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "wasnt": "wasn't", "havent": "haven't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't", "thats": "that's", "theres": "there's", "youve": "you've",
    "youll": "you'll", "theyre": "they're", "weve": "we've", "lets": "let's", "u": "you",
    "r": "are", "ya": "you", "thx": "thanks", "tnx": "thanks", "pls": "please", "plz": "please",
    "abt": "about", "tmrw": "tomorrow", "hw": "how", "wat": "what", "wen": "when",
}  # fmt: skip
TYPED_WORD = re.compile(r"(?<![\w'])(?:" + "|".join(TYPED) + r")(?![\w'])", re.IGNORECASE)
# "id love to", "ill be in town", "ur working on": read by the word that follows.
TYPED_BEFORE = (
    (
        re.compile(
            r"(?<![\w'])id (?=(?:love|like|be|rather|say|think|hope|really|so|also) )", re.I
        ),
        "i'd ",
    ),
    (
        re.compile(
            r"(?<![\w'])ill (?=(?:be|send|call|see|let|try|come|ping|email|write|text) )", re.I
        ),
        "i'll ",
    ),
    (re.compile(r"(?<![\w'])ur (?=\w+ing\b)"), "you're "),
    (re.compile(r"(?<![\w'])ur(?![\w'])"), "your"),
)


def written_out(text: str) -> str:
    """`text` with texting shorthand and missing apostrophes written out (in lower case)."""
    for pattern, written in TYPED_BEFORE:
        text = pattern.sub(written, text)
    return TYPED_WORD.sub(lambda found: TYPED[found.group(0).lower()], text)
