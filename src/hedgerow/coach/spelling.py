"""Spelling for the coach: an English word-frequency dictionary plus the note's own names.

pyspellchecker ships the dictionary; loading it takes a tenth of a second, so it is loaded once,
on first use, and kept. Our own list of working-life words (`data/words.txt`) tops it up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from spellchecker import SpellChecker

from hedgerow.coach.lexicon import (
    ACRONYMS,
    CONFUSED,
    GET_TOGETHER_WORDS,
    HONORIFICS,
    MISSING_APOSTROPHE,
    TITLES,
    word_set,
)
from hedgerow.coach.reading import Note, signature, words_of

# After one of these a capital letter is a sentence's first word, not a proper noun.
SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"(]\s*)$")


# Our word lists: working-life words the dictionary lacks ("hackathon", "onboarding"), and
# words notes borrow from other languages (greetings, thanks, congratulations, food and drink).
WORD_LISTS = ("data/words.txt", "data/loanwords.txt")
# A greeting before a name ("Hi Mei Lin,"): the capitalised words after it are the name.
GREETING = re.compile(
    r"^(?:hi|hey|hello|dear|morning|good morning|hiya|yo|ciao|hola|bonjour|hallo|hej|salut)"
    r"\s+((?:[^\W\d_][\w'\u2019-]*\s*){1,3})[,!:.]",
    re.IGNORECASE,
)
NICKNAME_MIN = 3  # "Seun" for "Oluwaseun", "Alex" for "Alexandra"; not "Al" for anything
# "Watanabe-san", "Sharma-ji": the word before the honorific is a name.
HONORED = re.compile(r"([^\W\d_]+)-(?:" + "|".join(sorted(HONORIFICS)) + r")\b", re.IGNORECASE)
# "Dr Okafor", "Frau Becker": the capitalised word after a title is a name.
TITLED = re.compile(
    r"\b(?:" + "|".join(sorted(TITLES)) + r")\.?\s+([^\W\d_][\w'\u2019-]*)", re.IGNORECASE
)
# A closed compound of two common words ("seagrass", "wayfinding", "lockdown") is a word even
# when the dictionary lacks it. Each part must be common and not a little word, so run-together
# phrases ("eachother", "thankyou") and typos ("publically") are still flagged.
COMPOUND_PART_MIN = 3
COMPOUND_PART_FREQUENCY = 5000
NOT_COMPOUND_PARTS = word_set(
    """a an the and or but if of in on at to for from by with as into onto upon about every each
    any some no none all both either neither other another thank thanks you your yours my me we
    our us they them their he she it its his her this that these those there here where when what
    who how why which whom ever one own so too very not ally able ness ment less ling ship"""
)


@cache
def dictionary() -> SpellChecker:
    checker = SpellChecker(distance=1)
    for path in WORD_LISTS:
        extra = resources.files("hedgerow.coach").joinpath(path).read_text("utf-8")
        checker.word_frequency.load_words(
            line.strip() for line in extra.splitlines() if line.strip() and not line.startswith("#")
        )
    checker.word_frequency.load_words([*GET_TOGETHER_WORDS, *HONORIFICS, *TITLES])
    return checker


def misspelled(note: Note, *, names: Iterable[str] = ()) -> list[str]:
    """The words of the note that are neither in the dictionary nor one of its names, in order.

    A capitalised word inside a sentence is taken as a proper noun (a person, a company, a
    town); words in capitals are taken as acronyms.
    """
    known_names = {word.lower() for name in names for word in words_of(name)}
    known_names |= greeted(note) | honored(note) | signed(note)
    checker = dictionary()
    found: list[str] = []
    for match in re.finditer(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", note.stripped):
        word = match.group(0)
        plain = word.lower().replace("\u2019", "'")
        if plain in known_names or plain in found or len(plain) < 2:
            continue
        if word[0].isupper() and is_nickname(plain, known_names):
            continue
        if word.isupper() and (len(word) <= 5 or plain in ACRONYMS):
            continue
        if word[0].isupper() and not SENTENCE_START.search(note.stripped[: match.start()]):
            continue
        if _known(checker, plain):
            continue
        found.append(word)
    return found


def greeted(note: Note) -> set[str]:
    """The name after an opening greeting ("Hi Mei Lin,"), in lower case."""
    found = GREETING.match(note.stripped)
    if not found:
        return set()
    return {word.lower() for word in words_of(found.group(1)) if word[0].isupper()}


def honored(note: Note) -> set[str]:
    """Names marked by an honorific or a title: "Watanabe-san", "Dr Okafor"."""
    marked = [*HONORED.findall(note.stripped), *TITLED.findall(note.stripped)]
    return {word.lower() for word in marked if word[0].isupper()}


def signed(note: Note) -> set[str]:
    """The writer's name in the signature ("Best,\nFunmi", "Cheers, Tolu", "- Ana")."""
    return {word.lower() for word in words_of(signature(note.stripped)) if word[0].isupper()}


def is_nickname(word: str, names: set[str]) -> bool:
    """A short form inside one of the names: "seun" in "oluwaseun", "alex" in "alexandra"."""
    return len(word) >= NICKNAME_MIN and any(word in name and word != name for name in names)


def _known(checker: SpellChecker, word: str) -> bool:
    if word in MISSING_APOSTROPHE:
        return False
    if word in checker or american(word) in checker:
        return True
    if is_compound(checker, word) or is_compound(checker, american(word)):
        return True
    # Possessives and plain plurals of known words ("Maria's", "OKRs").
    for suffix in ("'s", "s'", "s", "'"):
        if word.endswith(suffix) and word[: -len(suffix)] in checker:
            return True
    return False


def is_compound(checker: SpellChecker, word: str) -> bool:
    """Two common words run together ("seagrass"), unless a one-letter fix is a known word."""
    frequency = checker.word_frequency
    for split in range(COMPOUND_PART_MIN, len(word) - COMPOUND_PART_MIN + 1):
        head, tail = word[:split], word[split:]
        if head in NOT_COMPOUND_PARTS or tail in NOT_COMPOUND_PARTS:
            continue
        if (
            frequency[head] >= COMPOUND_PART_FREQUENCY
            and frequency[tail] >= COMPOUND_PART_FREQUENCY
        ):
            return not checker.known(checker.edit_distance_1(word))
    return False


# The dictionary is American; British spellings are just as right ("colour", "organising",
# "neighbourhood", "paediatric").
BRITISH = (
    (re.compile(r"our(?=s?$|ite|ed|ing|able|ful|hood|less|ly|ist|ism)"), "or"),
    (re.compile(r"(?<=[^\W\d_])ae(?=[^\W\d_])"), "e"),
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation|ations$)"), "iz"),
    (re.compile(r"ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"mme(?=s?$)"), "m"),
    (re.compile(r"ll(?=ed$|ing$|er$|ers$)"), "l"),
    (re.compile(r"ogue(?=s?$)"), "og"),
    (re.compile(r"ence(?=s?$)"), "ense"),
)


def american(word: str) -> str:
    for pattern, replacement in BRITISH:
        word = pattern.sub(replacement, word)
    return word


def confused(note: Note) -> list[str]:
    """Sound-alike words in the wrong place ("your welcome"), quoted as written."""
    return [match.group(0) for match in CONFUSED.finditer(note.lowered)]


def suggestion(word: str) -> str | None:
    """The likeliest intended word, or None when the dictionary has no near neighbour."""
    guess = dictionary().correction(word.lower())
    return guess if guess and guess != word.lower() else None
