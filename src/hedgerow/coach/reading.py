"""Light reading of a note: its words, sentences, closing and the words that carry its meaning.

The coach's checks look at a note through this one parse so each check stays a few lines long.
Nothing here judges the note; it only says what is in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from hedgerow.coach.lexicon import CATCH_UP, QUESTION_START, REQUEST_TO_HEAR, WELL_WISHES
from hedgerow.lib.text import STOPWORDS as FUNCTION_WORDS
from hedgerow.lib.text import stem, written_out

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# A title's stop ("Dr. Okafor", "Prof. Vollmer") ends no sentence (issue 10, third round: a
# signature "With kind regards,\nDr. Matthias Brenner" was read as a sentence "Dr.").
SENTENCE_END = re.compile(
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMx\.)(?<!\bMrs\.)(?<!\bProf\.)"
    r"(?<=[.!?\u2026])[\"')\]]*\s+|\n+"
)

# A short last line without a question is a sign-off ("Best, Ana", "Cheers!"), not the closing.
SIGN_OFF_WORDS = 4
SIGN_OFF_PHRASES = (
    r"(?:best|best wishes|all the best|cheers|thanks|thank you|many thanks|warmly|warm regards|"
    r"kind regards|regards|take care|talk soon|speak soon|see you|hugs|love|yours|sincerely|"
    r"ciao|xx|x|sending (?:love|hugs|best wishes)"
    # "With warm wishes from Munich", "Warmest greetings", "Blessings", "Stay well".
    r"|(?:with )?(?:(?:warm|warmest|kind|kindest|best|fond|heartfelt|sincere|all my|much) )?"
    r"(?:wishes|regards|greetings|love|thoughts|hugs)(?= from | to |\s*[,!.]?\s*$)"
    r"|with (?:love|gratitude|thanks|appreciation)|blessings|stay (?:well|safe))"
)
SIGN_OFF = re.compile(r"^" + SIGN_OFF_PHRASES + r"\b", re.IGNORECASE)
# The writer's name at the very end: after a sign-off on its line ("Best,\nFunmi", "Cheers,
# Tolu") or after a dash ("- Ana", "\u2014 Ana"). At most three words.
SIGNATURE = re.compile(
    r"(?:(?:^|[\n.!?]\s*)" + SIGN_OFF_PHRASES + r"\s*[,!.]?|(?:^|\s)[-\u2013\u2014~]+)"
    r"\s*(?P<name>(?:[^\W\d_][\w'\u2019.-]*\s*){1,3})$",
    re.IGNORECASE,
)

# Words too common to show that a note answers one particular update: the shared function words
# and the words every note about news uses.
_NEWS_WORD_TEXT = """
    recently recent new news great congrats congratulations post posted update updated role job
    position started starting start joined joining company team work working year years week
    weeks month months today day lot many thing things way
"""
NEWS_WORDS = frozenset(_NEWS_WORD_TEXT.split())
STOPWORDS = FUNCTION_WORDS | NEWS_WORDS


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def key_stems(text: str) -> set[str]:
    """The stems of the words in `text` that say something particular."""
    return {
        stem(word) for word in words_of(text) if len(word) > 2 and word.lower() not in STOPWORDS
    }


@dataclass(frozen=True)
class Note:
    text: str

    @cached_property
    def stripped(self) -> str:
        return self.text.strip()

    @cached_property
    def words(self) -> list[str]:
        return words_of(self.stripped)

    @cached_property
    def lowered(self) -> str:
        """Lower case with typographic apostrophes made plain, for the lexicons."""
        return plain(self.stripped)

    @cached_property
    def sentences(self) -> list[str]:
        return [part.strip() for part in SENTENCE_END.split(self.stripped) if part.strip()]

    @cached_property
    def body_sentences(self) -> list[str]:
        """The sentences before any sign-off and signature."""
        sentences = list(self.sentences)
        while len(sentences) > 1 and is_sign_off(sentences[-1]):
            sentences.pop()
        return sentences

    @cached_property
    def closing_sentences(self) -> list[str]:
        """The last two sentences before any closing pleasantry ("Hope all is well") or sign-off.

        The question or request that rule N2 asks a note to end with belongs here.
        """
        sentences = list(self.body_sentences)
        while len(sentences) > 1 and is_pleasantry(sentences[-1]):
            sentences.pop()
        return sentences[-2:]


def is_sign_off(sentence: str) -> bool:
    if "?" in sentence or QUESTION_START.match(plain(sentence)):
        return False  # "anyway hows things": a question typed without its mark
    if SIGN_OFF.match(sentence.strip()):
        return True
    if CATCH_UP.search(plain(sentence)) or REQUEST_TO_HEAR.search(plain(sentence)):
        return False  # "lets grab drinks soon", typed without a stop, is the close, not a name
    # A signature: a few words with no full stop, question or exclamation ("Ana", "- Tom K").
    return len(words_of(sentence)) <= SIGN_OFF_WORDS and not sentence.rstrip().endswith(
        (".", "!", "?")
    )


def signature(text: str) -> str:
    """The name the note is signed with, or "" when it isn't signed."""
    found = SIGNATURE.search(text.strip())
    return found.group("name").strip() if found else ""


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Lower case with typographic apostrophes made plain and texting shorthand written out, as
    the lexicons expect."""
    return written_out(text.lower().replace("\u2019", "'").strip())


def is_pleasantry(sentence: str) -> bool:
    """A closing courtesy ("Hope all is well"). One that goes on to ask to hear about them, typed
    without a stop ("hope it went your way tell me everything"), is the closing itself."""
    lowered = plain(sentence)
    return (
        not sentence.rstrip().endswith("?")
        and bool(WELL_WISHES.match(lowered))
        and not REQUEST_TO_HEAR.search(lowered)
    )


def is_question(sentence: str) -> bool:
    """A question, with or without its question mark."""
    return sentence.rstrip().endswith("?") or bool(QUESTION_START.match(plain(sentence)))


def first_match(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    return found.group(0) if found else None
