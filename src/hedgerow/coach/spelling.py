"""Spelling for the coach: an English word-frequency dictionary plus the note's own names.

pyspellchecker ships the dictionary; loading it takes a tenth of a second, so it is loaded once,
on first use, and kept. Our own list of working-life words (`data/words.txt`) tops it up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
        checker.word_frequency.load_words(list_words(path))
    checker.word_frequency.load_words([*GET_TOGETHER_WORDS, *HONORIFICS, *TITLES])
    return checker


def list_words(path: str) -> list[str]:
    text = resources.files("hedgerow.coach").joinpath(path).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def loanwords() -> frozenset[str]:
    """Words borrowed from other languages: beside one, a word English lacks is theirs too."""
    return frozenset(list_words("data/loanwords.txt")) | GET_TOGETHER_WORDS


@dataclass(frozen=True)
class Word:
    text: str  # as written
    plain: str  # lower case, plain apostrophe
    start: int
    end: int


def misspelled(note: Note, *, names: Iterable[str] = ()) -> list[str]:
    """The words of the note that are neither in the dictionary nor one of its names, in order.

    A capitalised word inside a sentence is taken as a proper noun (a person, a company, a
    town); words in capitals are taken as acronyms. Words in the greeting before their name
    ("Kia ora Aroha", "Chào chị Lan") and in the sign-off ("Un abrazo,\nMariela") are the
    writer's to choose, in any language; so are words in letters English doesn't use ("Qué",
    "sɛn") and the words of a phrase around them or around a loanword ("Grazie mille").
    """
    known_names = {word.lower() for name in names for word in words_of(name)}
    known_names |= greeted(note) | honored(note) | signed(note)
    checker = dictionary()
    text = note.stripped
    every = [
        Word(match.group(0), match.group(0).lower().replace("\u2019", "'"), *match.span())
        for match in WORD.finditer(text)
    ]
    chosen = salutation(every, text, known_names) | sign_off(every, text)
    found: list[Word] = []
    for index, word in enumerate(every):
        plain = word.plain
        if plain in known_names or len(plain) < 2 or index in chosen:
            continue
        if any(seen.plain == plain for seen in found):
            continue
        if word.text[0].isupper() and is_nickname(plain, known_names):
            continue
        if word.text.isupper() and (len(word.text) <= 5 or plain in ACRONYMS):
            continue
        if word.text[0].isupper() and not SENTENCE_START.search(text[: word.start]):
            continue
        if foreign_letters(plain) or is_prefix(word, text) or _known(checker, plain):
            continue
        if word.text[0].isupper() and not close_words(plain):
            continue  # a name opening a sentence ("Aminata still tells ..."): nothing to fix
        if index and part_of_name(every[index - 1], word, text):
            continue
        found.append(word)
    found = [word for word in found if not in_foreign_phrase(word, every, text)]
    if not any(char.isupper() for char in text):
        # Written all in lower case, names lose their capitals: keep only near misses.
        found = [word for word in found if close_words(word.plain)]
    return [word.text for word in found]


WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
ENGLISH_LETTERS = re.compile(r"^[a-z']+$")
# Little words many languages share ("de", "la", "un"): they neither start nor end a phrase
# in another language.
SHARED_LITTLE_WORDS = word_set(
    """de la le les el un une des di da do del della dos das na em en e o y a al au du et und der
    die das den von zu il lo i gli het een og och"""
)
# A prefix joined by a hyphen ("multi-storey", "non-profit") is a word of its own.
PREFIXES = word_set(
    """multi non pre post co anti semi sub inter intra mid pan pro re self ex bio eco micro macro
    mini mega ultra cross neo quasi para tri bi uni de un over under out off on up down well
    half part full all"""
)
# English sign-off words: one letter off one of these ("Regads") is a slip, not a loan.
ENGLISH_SIGN_OFF = word_set(
    """best regards wishes kind warm warmest cheers thanks thank sincerely yours truly love
    respectfully warmly faithfully gratitude respect"""
)
SIGN_OFF_LINES = 3
SIGN_OFF_LINE_WORDS = 4
GREETING_WORDS = 3
FOREIGN_CLOSING_WORDS = 3


def foreign_letters(word: str) -> bool:
    """Letters English doesn't write ("é", "ç", "ɛ", "ị"): the word is from another language,
    where our English dictionary has nothing to say."""
    return not ENGLISH_LETTERS.match(word)


def is_prefix(word: Word, text: str) -> bool:
    return text[word.end : word.end + 1] == "-" and word.plain in PREFIXES


def part_of_name(before: Word, word: Word, text: str) -> bool:
    """A lower-case word right after a name English doesn't know belongs to it ("Anopheles
    funestus", "Casa Lupita")."""
    between = text[before.end : word.start]
    return (
        between.isspace()
        and before.text[0].isupper()
        and not SENTENCE_START.search(text[: before.start])
        and before.plain not in dictionary()
    )


def salutation(words: list[Word], text: str, names: set[str]) -> set[int]:
    """The words of the opening before the recipient's name ("Kia ora Aroha", "Mālō e lelei
    Siosaia", "Fala Gabriel!"): a greeting in whatever language the writer chose."""
    for index, word in enumerate(words[: GREETING_WORDS + 1]):
        if word.plain in names and index and not re.search(r"[.!?\n]", text[: word.start]):
            return set(range(index))
    return set()


def sign_off(words: list[Word], text: str) -> set[int]:
    """The words of the sign-off: the last short lines from a line ending in a comma ("Un
    abrazo,\nMariela", "Best regards,\nMehmet Demirtaş\nFounder & CEO"), a last line of names,
    or a last short sentence with no English in it ("Un abrazo.", "Grazie mille!"). One letter
    off an English sign-off word ("Regads") stays a slip."""
    start = sign_off_start(text, words)
    if start is None:
        return set()
    return {
        index
        for index, word in enumerate(words)
        if word.start >= start and not near_english_sign_off(word.plain)
    }


def sign_off_start(text: str, words: list[Word]) -> int | None:
    lines = [line for line in text.splitlines() if line.strip()]
    tail: list[str] = []
    while lines[1:] and len(tail) < SIGN_OFF_LINES:
        line = lines[-1]
        if "?" in line or len(words_of(line)) > SIGN_OFF_LINE_WORDS:
            break
        tail.append(lines.pop())
    opening = [line for line in tail if line.rstrip().endswith(",")]
    if opening:
        return text.rindex(opening[-1])
    if tail and all(word[0].isupper() for word in words_of(tail[0])):
        return text.rindex(tail[0])
    begins = last_sentence_start(text)
    last = [word for word in words if word.start >= begins]
    english = any(dictionary().known([word.plain]) for word in last)
    if not last or len(last) > FOREIGN_CLOSING_WORDS or english:
        return None
    return last[0].start


def last_sentence_start(text: str) -> int:
    ends = [match.end() for match in re.finditer(r"[.!?\n]\s*(?=\S)", text.rstrip(" .!\n"))]
    return ends[-1] if ends else 0


def near_english_sign_off(word: str) -> bool:
    return word not in dictionary() and bool(one_letter_off(word) & ENGLISH_SIGN_OFF)


def one_letter_off(word: str) -> set[str]:
    return set(dictionary().edit_distance_1(word))


def close_words(word: str) -> set[str]:
    """The dictionary's words one letter away from `word` (a plain lookup: the checker's own
    `known` is slow on the hundred or so candidates)."""
    frequency = dictionary().word_frequency.dictionary
    return {candidate for candidate in one_letter_off(word) if candidate in frequency}


def in_foreign_phrase(word: Word, words: list[Word], text: str) -> bool:
    """Whether an unknown word sits in a run of words, joined by spaces only, that holds a word
    from another language ("Grazie mille", "Qué lindo ver las fotos de la semana")."""
    index = words.index(word)
    for step in (-1, 1):
        here = index
        while 0 <= here + step < len(words):
            near, this = words[here + step], words[here]
            gap = text[min(near.end, this.end) : max(near.start, this.start)]
            if not gap.isspace():
                break
            if foreign_letters(near.plain) or near.plain in loanwords():
                return True
            if near.plain not in SHARED_LITTLE_WORDS and near.plain in dictionary():
                break
            here += step
    return False


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
    # Possessives and contractions of known words ("Maria's", "how'd").
    for suffix in ("'s", "s'", "'", "'d", "'ll", "'ve", "'re", "'m"):
        if word.endswith(suffix) and word[: -len(suffix)] in checker:
            return True
    return any(base in checker or is_compound(checker, base) for base in bases(word))


# Endings that make a new word of a known one: "shaders", "decodable", "flipcharts".
# Not "-ing" or "-ed": there the dropped "e" turns slips into words ("chosing" -> "chose").
SUFFIXES = ("ability", "able", "ably", "ers", "er", "es", "s")
BASE_MIN = 3


def bases(word: str) -> list[str]:
    """The words `word` may be built on, with a dropped "e" put back ("decod-able" -> "decode")."""
    found = []
    for suffix in SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= BASE_MIN:
            found += [base, base + "e"]
    return found


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
            # Unless a one-letter fix is a common word: "publically" is a slip of "publicly";
            # "deadstock" is not one of "headstock".
            return all(frequency[fix] < COMPOUND_PART_FREQUENCY for fix in close_words(word))
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
