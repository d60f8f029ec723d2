"""The coach: checks a note for one occasion and explains every result in one plain sentence.

`check_note` is the one entry point; the composer, the CLI (`hedgerow coach check`) and the API
all print its report as it is. Each check has a stable id; required checks decide `ready`,
advice never blocks. The method is rules, lexicons (`lexicon.py`) and a light parse
(`reading.py`), plus a real dictionary for spelling (`spelling.py`).

| id               | required | occasion   | looks for                                        |
|------------------|----------|------------|--------------------------------------------------|
| length           | yes      | all        | invitation <= 300 characters; others < 150 words |
| brevity          | advice   | all        | invitation <= 200 characters (free accounts);    |
|                  |          |            | others <= 80 words                               |
| about-them       | yes      | all        | fails at 3+ I/me/my outnumbering you, your and   |
|                  |          |            | their name by more than one; asks and clauses    |
|                  |          |            | where the writer wants something weigh more      |
| specific         | yes      | all        | names the update or shared experience (`about`); |
|                  |          |            | passes with a plain note when none was given     |
| closing-ask      | yes      | all        | ends with a question or a wish to hear about them |
| invitation-parts | yes      | invitation | a shared experience and a question about now (N4) |
| catch-up         | yes      | follow-up  | proposes coffee, a call, a meeting or email (N5) |
| no-ask           | yes      | all        | no favour, referral, job or sales ask, pressure  |
|                  |          |            | or nagging (N6, N7)                              |
| not-boilerplate  | yes      | all        | not LinkedIn's default text or a canned line     |
| recipient-test   | yes      | all        | no backhanded praise, sarcasm, negativity,       |
|                  |          |            | shouting or guilt (N3)                           |
| placeholders     | yes      | all        | no [placeholder] left unfilled from a draft      |
| repeated-words   | yes      | all        | no word typed twice in a row ("the the")         |
| spelling         | advice   | all        | every word in the dictionary or a known name     |
| spacing          | advice   | all        | no doubled spaces, no space before punctuation   |
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.coach import clauses, lexicon
from hedgerow.coach.reading import (
    Note,
    first_match,
    is_pleasantry,
    is_question,
    key_stems,
    plain,
    signature,
    words_of,
)
from hedgerow.coach.spelling import confused, dictionary, misspelled, suggestion
from hedgerow.lib.text import STOPWORDS as FUNCTION_WORDS
from hedgerow.lib.text import stem
from hedgerow.vocabulary import Occasion

OCCASIONS = Occasion.values()

INVITATION_LIMIT = 300  # characters LinkedIn accepts in an invitation note (rule N4)
INVITATION_FREE_LIMIT = 200  # characters on a free account
NOTE_WORDS_LIMIT = 150  # a note this long is no longer short (rule N2): not ready
NOTE_WORDS_ADVICE = 80  # past this, advise trimming
# rule N2: the note is about them. Self-talk may exceed talk of them by this much, and a note
# needs this much self-talk at all, before it fails: "I saw your post" is not about the writer.
SELF_TALK_MARGIN = 1
SELF_TALK_MIN = 3
SELF_SERVING_WEIGHT = 1  # "I'm looking for a role" weighs as much as two "I"s
CONCRETE_WORDS_MIN = 1  # rule N4 (a): particular words, beyond "we met at a conference"
SHOUT_MIN_LETTERS = 4
TYPOS_MAX = 4  # a slip or two is human; this many words mistyped is a note not proof-read (N3)
ACRONYM_MAX = 5  # a lone capitalised word this short is more often a name than a shout
DOUBLED_WORDS_ALLOWED = frozenset(
    {"that", "had", "bye", "very", "so", "ha", "knock", "no", "well", "now", "there", "yes"}
)


PLACEHOLDER = re.compile(r"\[[^\]\n]*\]|\{[^}\n]*\}|<[A-Za-z][A-Za-z _]*>|\bTODO\b|\bXXX\b")
REPEATED = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)
# A word said three times on purpose is a chant or a wish ("toi toi toi", "go go go"), not a
# slip of the keys: a slip doubles a word, it doesn't triple it (issue 10, third round).
TRIPLED = re.compile(r"\b([^\W\d_]+)\s+\1\s+\1\b", re.IGNORECASE)
# Inside one sentence, a colon, a semicolon or a dash starts a new thought.
CLAUSE_BREAK = re.compile(r"[:;]\s+|\s+[-\u2013\u2014]\s+")
SYMBOLS = re.compile(r"[^\w\s.,;!?'-]+")  # emoji and other pictures, for reading stock lines
SPACING = re.compile(r"[^\s] {2,}[^\s]|\s+[,.;:!?](?!\S)|[,;](?=[^\W\d_])")


class CheckResult(TypedDict):
    id: str
    ok: bool
    required: bool
    message: str


class Report(TypedDict):
    ready: bool
    checks: list[CheckResult]
    chars: int
    words: int


@dataclass(frozen=True)
class Context:
    written: Note  # the note as written, for length and proof-reading
    note: Note  # the same with placeholders taken out, so "[how we met]" says nothing
    occasion: str
    to: str | None
    about: str | None
    names: tuple[str, ...]


def check_note(
    text: str,
    occasion: str,
    *,
    to: str | None = None,
    about: str | None = None,
    names: Iterable[str] = (),
) -> Report:
    """Every check for `occasion` on `text`; ready when every required check passes."""
    if occasion not in OCCASIONS:
        raise ValueError(f"occasion must be one of {', '.join(OCCASIONS)}, not {occasion!r}.")
    about = about.strip() if about and about.strip() else None
    context = Context(
        written=Note(text),
        note=Note(PLACEHOLDER.sub(" ", text)),
        occasion=occasion,
        to=to.strip() if to and to.strip() else None,
        about=about,
        names=(*names, to or "", about or ""),
    )
    checks = [check(context) for check in CHECKS if check.applies(occasion)]
    return Report(
        ready=all(outcome["ok"] for outcome in checks if outcome["required"]),
        checks=checks,
        chars=len(context.written.stripped),
        words=len(context.written.stripped.split()),
    )


def result(check_id: str, *, ok: bool, required: bool, message: str) -> CheckResult:
    return CheckResult(id=check_id, ok=ok, required=required, message=message)


def quoted(words: Iterable[str], limit: int = 3) -> str:
    shown = [f"\u201c{word}\u201d" for word in list(words)[:limit]]
    return ", ".join(shown)


# --- length -------------------------------------------------------------------------------


def check_length(context: Context) -> CheckResult:
    note = context.written
    if not note.words:
        return result("length", ok=False, required=True, message="There is nothing here yet.")
    if context.occasion == "invitation":  # rule N4
        chars = len(note.stripped)
        if chars > INVITATION_LIMIT:
            return result(
                "length",
                ok=False,
                required=True,
                message=f"At {chars} characters it is over LinkedIn's limit of "
                f"{INVITATION_LIMIT} for an invitation; trim {chars - INVITATION_LIMIT}.",
            )
        return result(
            "length",
            ok=True,
            required=True,
            message=f"At {chars} characters it fits an invitation.",
        )
    words = len(note.stripped.split())
    if words >= NOTE_WORDS_LIMIT:  # rule N2
        return result(
            "length",
            ok=False,
            required=True,
            message=f"At {words} words it reads like a letter; a short note of a few sentences "
            "is easier to answer.",
        )
    return result("length", ok=True, required=True, message=f"At {words} words it is short.")


def check_brevity(context: Context) -> CheckResult:
    note = context.written
    if context.occasion == "invitation":
        chars = len(note.stripped)
        ok = chars <= INVITATION_FREE_LIMIT
        message = (
            f"It fits the {INVITATION_FREE_LIMIT} characters a free LinkedIn account allows."
            if ok
            else f"At {chars} characters it needs a paid LinkedIn account; free accounts "
            f"allow {INVITATION_FREE_LIMIT}."
        )
        return result("brevity", ok=ok, required=False, message=message)
    words = len(note.stripped.split())
    ok = words <= NOTE_WORDS_ADVICE
    message = (
        "It is brief enough to read at a glance."
        if ok
        else f"At {words} words it could be shorter; a few sentences are plenty."
    )
    return result("brevity", ok=ok, required=False, message=message)


# --- about them -----------------------------------------------------------------------------


def check_about_them(context: Context) -> CheckResult:  # rule N2
    self_talk, them = weighed_self_and_them(context.note, context.about)
    them += mentions_of(context.to, context.note)
    if self_talk >= SELF_TALK_MIN and self_talk > them + SELF_TALK_MARGIN:
        return result(
            "about-them",
            ok=False,
            required=True,
            message=f"It says more about you ({self_talk} times I, me or my) than about them "
            f"({them}); turn a sentence toward them and their news.",
        )
    return result(
        "about-them",
        ok=True,
        required=True,
        message="It is about them more than about you.",
    )


def self_and_them(lowered: str) -> tuple[int, int]:
    """How often the text speaks of the writer (less attentive frames) and of the recipient."""
    attentive = len(lexicon.ATTENTIVE_FRAMES.findall(lowered))
    self_talk = max(0, len(lexicon.FIRST_PERSON.findall(lowered)) - attentive)
    return self_talk, len(lexicon.SECOND_PERSON.findall(lowered))


def weighed_self_and_them(note: Note, about: str | None = None) -> tuple[int, int]:
    """Self-talk and talk of them, sentence by sentence, weighing what serves the writer.

    In a sentence that asks a favour or pitches, "let me know" is not attentive and "could you"
    is about what the writer wants, so neither counts toward them. A clause in which the writer
    wants, needs or is looking for something counts once more (rule N2). "We" and "our" that
    leave the reader out ("I moved and we're renovating", "our company supplies") are the
    writer's side, and so is a report from "here"; a sentence crediting them ("I planted taro
    after our talk") is about them, whoever its subject.
    """
    self_total = them_total = 0
    firm = False  # the writer has just spoken of their own firm: "We're doing ferries now."
    for sentence in note.sentences:
        lowered = plain(sentence)
        if lexicon.CREDIT.search(lowered):
            them_total += len(lexicon.SECOND_PERSON.findall(lowered))
            continue
        if lexicon.FAVOUR.search(lowered) or lexicon.SALES.search(lowered):
            self_total += len(lexicon.FIRST_PERSON.findall(lowered))
        else:
            self_talk, them = self_and_them(lowered)
            if lexicon.CATCH_UP.search(lowered):
                # rule N5: where the writer will be and when serves a plan to meet them ("I'm in
                # Mumbai only now and then, but next time I'd love to grab a chai"): it counts once.
                self_talk = min(self_talk, 1)
            self_total += self_talk
            them_total += them
            side = 0 if them else writers_side(lowered, after_firm=firm) + elided_self(lowered)
            if side and not (about and refers_to(about, Note(sentence))):
                self_total += side
            # Feats matching theirs are one-upping, all the more when they name the same thing.
            if not them and not lexicon.CATCH_UP.search(lowered):
                self_total += exploits_listed(lowered)
        self_total += SELF_SERVING_WEIGHT * len(lexicon.SELF_SERVING.findall(lowered))
        firm = bool(lexicon.WRITERS_FIRM.search(lowered))
    return self_total, them_total


# The writer's own feats, told in a list: "I did the Annapurna circuit twice, Kilimanjaro and
# Aconcagua, and I'm planning K2 next" (rule N2: one-upping their news). What the writer saw,
# read or loved of theirs is attention, not a feat.
FEATS = re.compile(
    r"(?<![\w'])i(?:'ve| have)? (?:also |already |just )?(?!(?:loved|liked|saw|read|enjoyed"
    r"|noticed|remembered|watched|heard|found|thought|hoped|wished|admired|appreciated|wondered"
    r"|missed|followed|shared|learned|learnt)\b)(?:\w+ed|did|done|went|gone|ran|run|won|got|bought"
    r"|built|made|led|took|taken|flew|swam|rode|wrote|sold|began|climbed|finished|completed)"
    r"\b(?P<rest>.*)"
)
FEATS_MAX = 3


def exploits_listed(sentence: str) -> int:
    """Each feat of the writer's after the first in a list, each one more about the writer."""
    found = FEATS.search(sentence)
    if not found:
        return 0
    items = [item for item in re.split(r",\s*|\s+and\s+", found.group("rest")) if item.strip()]
    return min(max(0, len(items) - 1), FEATS_MAX)


def elided_self(sentence: str) -> int:
    """Clauses that tell the writer's news with the "I" left out: "Got married, changed jobs,
    moved to Porto." Not in a question ("Got a minute?")."""
    if sentence.rstrip().endswith("?"):
        return 0
    parts = re.split(r"[,;:]\s*|\s+[-\u2013\u2014]\s+|\s+and\s+", sentence)
    return sum(bool(lexicon.ELIDED_SELF.match(part.strip())) for part in parts)


BUSY_ITEMS_MAX = 3


def busy_with(sentence: str) -> int:
    """The things the writer lists as keeping them busy, each one more about the writer."""
    found = lexicon.BUSY_WITH.search(sentence)
    if not found:
        return 0
    items = [item for item in re.split(r",\s*|\s+and\s+", found.group(1)) if item.strip()]
    return min(len(items), BUSY_ITEMS_MAX)


def writers_side(sentence: str, *, after_firm: bool = False) -> int:
    """How often a sentence without "you" speaks of the writer's side: "we" and "our" beside the
    writer's own "I" ("I moved and we're renovating"), of the writer's firm ("our company"), or
    right after it; and a report from "here". Never a memory both share ("when we met") or a
    plan for both ("let's", "we catch up by email")."""
    if lexicon.SHARED_EXPERIENCE.search(sentence) or lexicon.INCLUSIVE_WE.search(sentence):
        return 0
    here = len(lexicon.FROM_HERE.findall(sentence)) + busy_with(sentence)
    if lexicon.CATCH_UP.search(sentence):
        return here  # rule N5: "maybe we take a coffee when I'm in town": "we" is both of them
    if lexicon.FIRST_PERSON.search(sentence) or lexicon.WRITERS_FIRM.search(sentence) or after_firm:
        return here + len(lexicon.EXCLUSIVE_WE.findall(sentence))
    return here


def mentions_of(name: str | None, note: Note) -> int:
    """Mentions of the recipient's first name after the greeting."""
    if not name:
        return 0
    first = words_of(name)[:1]
    if not first:
        return 0
    mentions = [word for word in note.words[3:] if word.lower() == first[0].lower()]
    return len(mentions)


# --- specific -------------------------------------------------------------------------------


def check_specific(context: Context) -> CheckResult:  # rule N2, N4
    if context.occasion == "follow-up" and not other_experience(context):
        # rule N5: the warm reply is short and proposes to catch up; their accepting is the
        # occasion, so it need not name a shared experience.
        return result(
            "specific",
            ok=True,
            required=True,
            message="A warm reply to an acceptance needs no more than the catch-up.",
        )
    # An unsure memory ("I think we met at a conference?") names nothing of them (N4 a).
    unsure = replace(context, note=unhedged(context.note))
    if context.about is None and context.occasion == "invitation" and nothing_particular(unsure):
        # rules N4, N10: an invitation that names nothing could go to anyone.
        return result(
            "specific",
            ok=False,
            required=True,
            message="It names nothing of them or of what you shared; say what brought them to "
            "mind.",
        )
    if context.about is None:
        return result(
            "specific",
            ok=True,
            required=True,
            message="No update or shared experience was given, so there was nothing to check "
            "the note against.",
        )
    if other_experience(context):
        return result(
            "specific",
            ok=False,
            required=True,
            message=f"It recalls something else than what you shared ({context.about}); check "
            "you have the right person in mind.",
        )
    if context.occasion == "keep-in-touch" and no_update_on_record(context.about):
        # rule N8: the calendar prompted it; something of theirs makes it theirs (N2).
        if nothing_particular(unsure, also=BACKGROUND_STEMS):
            return result(
                "specific",
                ok=False,
                required=True,
                message="It names nothing of theirs; ask about their work, a project or a "
                "place of theirs, so the note could only be for them.",
            )
        return result(
            "specific",
            ok=True,
            required=True,
            message="It is time to write to them, and it names something of theirs.",
        )
    named = refers_to(context.about, unhedged(context.note))
    # rule N8: a core contact's own words recalled ("that boat you were talking about") are as
    # particular as the record, which holds only the gist of the last talk.
    recalled = context.occasion == "keep-in-touch" and bool(
        lexicon.THEIR_WORDS_RECALLED.search(context.note.lowered)
    )
    if named or recalled or (is_vague(context.about) and is_concrete(context)):
        return result(
            "specific",
            ok=True,
            required=True,
            message="It names what prompted it, so they know this note is for them.",
        )
    return result(
        "specific",
        ok=False,
        required=True,
        message=f"It does not mention what prompted it ({context.about}); name it so the "
        "note could only be for them.",
    )


def no_update_on_record(about: str) -> bool:
    """The keep-in-touch record says only who they are to the writer, how long it has been and
    how they first met ("core contact: mentor; last contact 2 months ago"): no update to name, as
    the calendar is the reason to write (rule N8)."""
    return all(background_part(part.strip().lower()) for part in lexicon.RECORD_PARTS.split(about))


def background_part(part: str) -> bool:
    """One part of a keep-in-touch record that is only a relationship, a time or an origin."""
    if not part or lexicon.RECORD_ORIGIN.match(part):
        return True
    if lexicon.RECORD_TOPIC.search(part):
        return False
    # Hyphens kept, so "co-founder of a partner studio" and "ex-colleague at Intel" are read
    # as a relationship like "mentor at Intel" (issue 10, sixth round).
    words = [word for word in RECORD_WORD.findall(part) if word not in FUNCTION_WORDS]
    if words and background_word(words[0]):
        part = lexicon.RECORD_RELATION_TAIL.sub("", part)
    return all(
        background_word(word) or word in FUNCTION_WORDS for word in RECORD_WORD.findall(part)
    )


RECORD_WORD = re.compile(r"[^\W\d_][\w'-]*")


def background_word(word: str) -> bool:
    """A word of a relationship, a time or a contact ("ex-colleague", "last", "spring")."""
    return word in lexicon.RECORD_BACKGROUND or all(
        piece in lexicon.RECORD_BACKGROUND for piece in word.split("-") if piece
    )


def unhedged(note: Note) -> Note:
    """The note without the sentences whose memory the writer is unsure of ("I think we may
    have met at a conference in Nairobi?"): such a memory names nothing they shared (N4 a)."""
    kept = [
        sentence for sentence in note.sentences if not lexicon.HEDGED_MEMORY.search(plain(sentence))
    ]
    return note if len(kept) == len(note.sentences) else Note(" ".join(kept))


def proper_names(text: str) -> set[str]:
    """Capitalised words inside sentences (places, events, firms), in lower case."""
    found = set()
    for sentence in Note(text).sentences:
        for word in words_of(sentence)[1:]:
            if word[0].isupper() and not word.isupper() and word.lower() not in FUNCTION_WORDS:
                found.add(word.lower())
    return found


def other_experience(context: Context) -> bool:
    """The note recalls a shared experience by names (a town, an event) that are not the ones
    on record, and names nothing of the record: "meeting you at the Oslo fintech summit" to
    someone met at the Bergen aquaculture conference (rule N3: it was meant for someone else)."""
    if not context.about or not lexicon.MET_ON_RECORD.search(plain(context.about)):
        return False
    if refers_to(context.about, context.note):
        return False
    recorded = proper_names(context.about) | {
        word.lower() for word in words_of(context.about)[:1] if word[0].isupper()
    }
    people = {word.lower() for word in words_of(context.to or "")}
    recalled = " ".join(
        sentence[found.start() :]
        for sentence in context.note.sentences
        if (found := lexicon.MEETING_RECALL.search(sentence.lower().replace("\u2019", "'")))
    )
    return bool(recorded) and bool(proper_names(f"We {recalled}") - people - recorded)


VAGUE_STEMS = frozenset(stem(word) for word in lexicon.VAGUE_EXPERIENCE)
VAGUE_RECORD = frozenset({"around", "some", "contact", "details", "unclear", "maybe", "perhaps"})


def is_vague(about: str) -> bool:
    """A record that names nothing particular ("met at a conference, around 2020"): then the
    note may name the particular thing itself (rule N4 a)."""
    return not (key_stems(about) - VAGUE_STEMS - {stem(word) for word in VAGUE_RECORD})


def refers_to(about: str, note: Note) -> bool:
    """Whether the note shares a particular word, or a word of the same family, with `about`.

    Vague words don't count: "we met at a conference" does not name "the Lisbon design
    festival, where we met" (rules N2, N4).
    """
    wanted = (key_stems(about) - VAGUE_STEMS) or {stem(word) for word in words_of(about)}
    present = {stem(word) for word in note.words}
    if wanted & present:
        return True
    about_words = {word.lower() for word in words_of(about)}
    note_words = {word.lower() for word in note.words}
    if any(family & about_words and family & note_words for family in lexicon.RELATED_WORDS):
        return True
    return any(shortens(word, about) for word in note.words if word[0].isupper())


SHORT_FORM_MIN = 3  # "Bara" for "Baragwanath"; "CNO" for "Chief Nursing Officer"
SHORT_FORM_SAVES = 3  # a clipped name is this much shorter than the name


def shortens(word: str, about: str) -> bool:
    """Whether a capitalised word of the note is a short form of a name in `about`: the
    initials of its capitalised words ("CNO" for "Chief Nursing Officer", "UCL" for "University
    College London") or its first letters ("Bara" for "Baragwanath")."""
    if len(word) < SHORT_FORM_MIN:
        return False
    names = [name for name in words_of(about) if name[0].isupper()]
    if word.isupper():
        initials = "".join(name[0] for name in names)
        return word in initials
    lowered = word.lower()
    return any(
        len(name) >= len(word) + SHORT_FORM_SAVES and name.lower().startswith(lowered)
        for name in names
    )


# --- closing ask ----------------------------------------------------------------------------


def check_closing_ask(context: Context) -> CheckResult:  # rule N2
    if asks_about_them(context.note):
        return result(
            "closing-ask",
            ok=True,
            required=True,
            message="It ends by asking about them, which invites a reply.",
        )
    if context.occasion == "follow-up" and closes_on_a_plan_to_meet(context.note):
        # rule N5: the warm reply's own close is the catch-up it proposes; a plan to meet
        # ("Let's grab a drink when I'm back in December.") invites a reply as a question does.
        return result(
            "closing-ask",
            ok=True,
            required=True,
            message="It ends by proposing to meet, which invites a reply.",
        )
    return result(
        "closing-ask",
        ok=False,
        required=True,
        message="End with a question or a wish to hear how they are doing, such as "
        "\u201cI'd love to hear how it's going.\u201d",
    )


def asks_about_them(note: Note) -> bool:
    """The closing holds a question or a wish to hear more that is about them, not an ask.

    Each closing sentence is judged on its own (rules N2, N6): a favour or a pitch never counts,
    and right after one, only a question about their life or work still does ("How are you
    settling in?"); a bare "Could we have a call?" there serves the ask. A question about the
    writer ("coffee so I can vent?") does not invite them to talk about themselves, and a long
    report on the writer after the question leaves the note ending on the writer.
    """
    body = [plain(sentence) for sentence in note.body_sentences]
    closing = [plain(sentence) for sentence in note.closing_sentences]
    if len(body) > 1 and foreign_coda(body[-1]):
        # "¿How are the plants doing? ... Cuéntame!": a last word or two in the writer's own
        # language closes like a sign-off; the closing is what comes before it.
        body = body[:-1]
        kept = list(note.body_sentences[:-1])
        while len(kept) > 1 and is_pleasantry(kept[-1]):
            kept.pop()
        closing = [plain(sentence) for sentence in kept[-2:]]
    if body and body[-1].rstrip().endswith("?"):
        return True  # issue 10: a note that ends with a question always invites a reply
    if body and ends_in_a_typed_question(body[-1]):
        return True
    if closing and ends_on_the_writer(closing[-1]):
        return False
    for_someone = names_someone(note)
    pitched = bool(lexicon.SALES.search(note.lowered))
    for sentence in closing:
        index = body.index(sentence) if sentence in body else 0
        after_ask = index > 0 and is_ask(body[index - 1], for_someone=for_someone)
        if is_ask(sentence, for_someone=for_someone) or after_ask:
            if any(is_inquiry_about_them(clause) for clause in clauses_of(sentence)):
                return True
            continue
        if pitched and lexicon.DISCOVERY.search(sentence):
            continue
        request = lexicon.REQUEST_TO_HEAR.search(sentence)
        # In a sentence typed without stops, only the wish itself is weighed: "thanks for
        # accepting lets grab a coffee when im in krakow would love to hear about the gallery".
        weighed = sentence if is_question(sentence) or not request else sentence[request.start() :]
        self_talk, them = self_and_them(weighed)
        if self_talk > them:
            continue
        if is_question(sentence) or request:
            return True
    return False


CODA_WORDS = 2


def foreign_coda(sentence: str) -> bool:
    """A last word or two that English doesn't know ("Cuéntame!", "Un abrazo", "Yalla!")."""
    words = words_of(sentence)
    return 0 < len(words) <= CODA_WORDS and not any(word.lower() in dictionary() for word in words)


def closes_on_a_plan_to_meet(note: Note) -> bool:
    """The last sentence before any sign-off proposes to meet, asks nothing of them for the
    writer, and doesn't follow a sentence about the writer's own news."""
    closing = [plain(sentence) for sentence in note.closing_sentences]
    body = [plain(sentence) for sentence in note.body_sentences]
    # A plan put as a hope ("I hope we can meet for coffee when I'm back in Seoul.") is read as
    # a closing pleasantry, but it is the warm reply's own close (rule N5).
    last = [sentence for sentence in (closing + body[-1:]) if sentence]
    if not last or not any(lexicon.CATCH_UP.search(sentence) for sentence in last):
        return False
    for_someone = names_someone(note)
    if any(is_ask(sentence, for_someone=for_someone) for sentence in closing):
        return False
    return not any(ends_on_the_writer(sentence) for sentence in closing)


TYPED_QUESTION_WORDS = 12  # "hows the team treating you": a short last clause, typed without "?"


def ends_in_a_typed_question(sentence: str) -> bool:
    """A last sentence typed without stops whose last clause is a question: "congrats on the new
    job hows the team treating you", "lets grab a coffee ... what are you working on"."""
    if sentence.rstrip().endswith((".", "!")):
        return False
    openers = list(lexicon.QUESTION_INSIDE.finditer(sentence))
    if not openers or openers[-1].start() == 0:
        return False
    tail = sentence[openers[-1].start() :]
    return len(words_of(tail)) <= TYPED_QUESTION_WORDS and not is_ask(tail)


def ends_on_the_writer(sentence: str) -> bool:
    """A last sentence full of the writer and empty of them ("I lead ..., I travel ...")."""
    self_talk, them = self_and_them(sentence)
    return self_talk >= SELF_TALK_MIN and them == 0 and not is_question(sentence)


def clauses_of(sentence: str) -> list[str]:
    return [part.strip() for part in CLAUSE_BREAK.split(sentence) if part.strip()]


def is_inquiry_about_them(clause: str) -> bool:
    """A question, or a wish to hear, about how they are or what they do, that asks nothing of
    them: "I'd love to hear how you're finding it" still counts after a favour."""
    return (
        (is_question(clause) or bool(lexicon.REQUEST_TO_HEAR.search(clause)))
        and bool(lexicon.INQUIRY_NOW.search(clause))
        and not is_ask(clause)
        and not lexicon.DISCOVERY.search(clause)
    )


def is_ask(sentence: str, *, for_someone: bool = False) -> bool:
    return (
        any(
            pattern.search(sentence)
            for pattern in (lexicon.FAVOUR, lexicon.SALES, lexicon.PRESSURE, lexicon.NAGGING)
        )
        or clauses.ask_in(sentence, for_someone=for_someone) is not None
        or clauses.commerce_in(sentence) is not None
    )


def names_someone(note: Note) -> bool:
    """The note names someone of the writer's ("my cousin"), for whom a favour may be asked."""
    return bool(clauses.WRITERS_PERSON.search(note.lowered))


# --- invitation parts -----------------------------------------------------------------------


def check_invitation_parts(context: Context) -> CheckResult:  # rule N4
    lowered = context.note.lowered
    recalled = unhedged(context.note)
    shared = bool(lexicon.SHARED_EXPERIENCE.search(recalled.lowered))
    if not shared and context.about:
        shared = refers_to(context.about, recalled)
    shared = shared and is_concrete(context) and not lexicon.NEVER_MET.search(lowered)
    if context.about and lexicon.RECORD_NEVER_MET.search(context.about.lower()):
        shared = False  # rules N4, N10: the record says they never met, so nothing is shared
    inquiry = bool(lexicon.INQUIRY_NOW.search(lowered)) or any(
        (is_question(sentence) or lexicon.REQUEST_TO_HEAR.search(plain(sentence)))
        and lexicon.NOW_WORDS.search(plain(sentence))
        and not is_ask(plain(sentence))
        for sentence in context.note.sentences
    )
    if shared and inquiry:
        message = "It recalls something you shared and asks what they do now."
    elif inquiry:
        message = "Recall something concrete you shared, such as a project, a team or an event."
    elif shared:
        message = "Ask what they are doing now and how they enjoy it."
    else:
        message = (
            "Recall something concrete you shared, and ask what they do now and how they enjoy it."
        )
    return result("invitation-parts", ok=shared and inquiry, required=True, message=message)


def is_concrete(context: Context) -> bool:
    """The shared experience names something particular, beyond "we met at a conference a while
    ago": an event, a place, a project, a topic. Only the sentences that recall it are read, so
    "how do you like it" elsewhere doesn't make a vague memory concrete (rule N4 a).
    """
    names = {stem(word) for word in words_of(context.to or "")}
    recalled = [
        sentence
        for sentence in unhedged(context.note).sentences
        if lexicon.SHARED_EXPERIENCE.search(plain(sentence))
        or (context.about and refers_to(context.about, Note(sentence)))
    ]
    particular = key_stems(" ".join(recalled)) - names - VAGUE_STEMS
    return len(particular) >= CONCRETE_WORDS_MIN


# --- catch-up -------------------------------------------------------------------------------


def check_catch_up(context: Context) -> CheckResult:  # rule N5
    proposal = next(
        (
            found.group(0)
            for found in lexicon.CATCH_UP.finditer(context.note.lowered)
            if not lexicon.SEEN_NOW.search(context.note.lowered, 0, found.end())
            or not found.group(0).startswith("see you")
        ),
        None,
    )
    if proposal:
        return result(
            "catch-up",
            ok=True,
            required=True,
            message=f"It proposes to catch up (\u201c{proposal}\u201d).",
        )
    if context.about and lexicon.EXCHANGE_UNDER_WAY.search(context.about.lower()):
        return result(
            "catch-up",
            ok=True,
            required=True,
            message="It carries on a conversation already under way, so it needs no new plan "
            "to catch up.",
        )
    if not answers_an_acceptance(context):
        return result(
            "catch-up",
            ok=True,
            required=True,
            message="It follows up a meeting rather than an accepted invitation, so a question "
            "or a wish to hear more is enough.",
        )
    return result(
        "catch-up",
        ok=False,
        required=True,
        message="Propose a way to catch up: a coffee, a short call or a few emails.",
    )


def answers_an_acceptance(context: Context) -> bool:
    """Rule N5 asks the reply to an accepted invitation to propose catching up; a note after
    meeting someone ("met at: Seoul Design Week workshop") is closed by its question or its wish
    to hear more (rule N2), like any other note (issue 10, sixth round). With no record, a
    follow-up is taken as that reply."""
    if not context.about:
        return True
    return bool(
        lexicon.ACCEPTANCE.search(context.about.lower())
        or lexicon.ACCEPTANCE.search(context.note.lowered)
    )


# --- no ask ---------------------------------------------------------------------------------


def check_no_ask(context: Context) -> CheckResult:  # rule N6, N7
    lowered = context.note.lowered
    for pattern, why in (
        (lexicon.FAVOUR, "asks for a favour"),
        (lexicon.SALES, "reads as a pitch"),
        (lexicon.PRESSURE, "puts on pressure"),
        (lexicon.NAGGING, "nudges about an earlier message"),
    ):
        found = first_match(pattern, lowered)
        if found:
            return result(
                "no-ask",
                ok=False,
                required=True,
                message=f"It {why} (\u201c{found}\u201d); leave that out and keep the note "
                "about them.",
            )
    sentences = [plain(sentence) for sentence in context.note.sentences]
    for index, sentence in enumerate(context.note.sentences):
        # However it is worded, an ask is the reader giving time, network, money or effort for
        # the writer (rule N6); the writer's wares offered unasked are a pitch.
        # The sentence itself counts too: "we're hiring a designer and I wondered if you could
        # share the ad" says in one breath what the writer is after (issue 10, third round).
        beside = " ".join(sentences[max(0, index - 1) : index + 2])
        ask = clauses.ask_in(
            plain(sentence),
            for_someone=names_someone(context.note),
            for_writer=bool(clauses.WRITERS_NEED.search(beside)),
        )
        wares = clauses.commerce_in(plain(sentence)) or clauses.pitch_as_interest(sentences, index)
        needed = clauses.HELP_NEEDED.search(plain(sentence))
        if needed and not ask and not wares:
            return result(
                "no-ask",
                ok=False,
                required=True,
                message=f"It asks for their help for you (\u201c{needed.group(0)}\u201d); leave "
                "that out and keep the note about them.",
            )
        if ask or wares:
            why = (
                f"asks for their time or help for you (\u201c{ask.asking} \u2026 "
                f"{ask.serving}\u201d)"
                if ask
                else f"reads as a pitch (\u201c{wares}\u201d)"
            )
            return result(
                "no-ask",
                ok=False,
                required=True,
                message=f"It {why}; leave that out and keep the note about them.",
            )
    return result(
        "no-ask",
        ok=True,
        required=True,
        message="It asks nothing of them, so it is easy to receive.",
    )


# --- not boilerplate ------------------------------------------------------------------------


def check_not_boilerplate(context: Context) -> CheckResult:
    lowered = context.note.lowered
    found = first_match(lexicon.BOILERPLATE, lowered)
    if found and lexicon.WISH_TO_CONNECT.fullmatch(found) and personal_beside_it(context):
        found = None  # "I'd like to add you to my network." beside a real shared memory (N4)
    if found is None and (
        lexicon.CANNED.match(" ".join(lowered.split()))
        or made_of_stock_lines(context.note)
        or says_nothing_of_them(context)
    ):
        found = " ".join(context.note.stripped.split())
    if found:
        return result(
            "not-boilerplate",
            ok=False,
            required=True,
            message=f"\u201c{found}\u201d is what everyone sends; say it in your own words.",
        )
    return result(
        "not-boilerplate",
        ok=True,
        required=True,
        message="It is in your own words.",
    )


def personal_beside_it(context: Context) -> bool:
    """The rest of the note is personal: an invitation that recalls something shared and asks
    what they do now, or another note that names its update. Then LinkedIn's stock wish to
    connect is only a courtesy; "I came across your profile" never is, since it says they are
    a stranger (rules N4, N10)."""
    if context.occasion == "invitation":
        return check_invitation_parts(context)["ok"]
    return context.about is not None and refers_to(context.about, context.note)


GENERIC_STEMS = frozenset(stem(word) for word in lexicon.GENERIC_WORDS)
# "It's been three months, so here is my quarterly note": the rhythm itself is nothing of theirs.
BACKGROUND_STEMS = frozenset(stem(word) for word in lexicon.RECORD_BACKGROUND)
TITLE_STEMS = frozenset(stem(word) for word in clauses.HONORIFICS | clauses.TITLES)


def says_nothing_of_them(context: Context) -> bool:
    """Nothing in the note belongs to this person: every word is a courtesy, a function word or
    a name ("Thanks for accepting! Hope all is well. Coffee sometime?"). Could go to anyone,
    though there was something particular to say (`about`)."""
    if context.about is None or PLACEHOLDER.search(context.written.stripped):
        return False  # a placeholder is a gap to fill, not a stock line
    if is_vague(context.about):
        return False  # "accepted invitation": nothing particular was there to say
    return nothing_particular(context)


def nothing_particular(context: Context, *, also: frozenset[str] = frozenset()) -> bool:
    """Every word of the body is a courtesy, a function word, a name or one of `also`'s stems."""
    # Only their own name says nothing particular; their company or role does.
    names = {stem(word) for word in words_of(context.to or "")}
    sign = {stem(word) for word in words_of(signature(context.note.stripped))}
    greeted = clauses.greeted_name(context.note.stripped)
    body = " ".join(context.note.body_sentences)
    particular = (
        {stem(word) for word in words_of(body) if word.lower() not in FUNCTION_WORDS}
        - GENERIC_STEMS
        - names
        - sign
        - ({stem(greeted)} if greeted else set())
        - TITLE_STEMS  # "Dear Mrs. Adeyemi": a title says nothing of them
        - also
    )
    return bool(context.note.words) and not particular


def made_of_stock_lines(note: Note) -> bool:
    """Every sentence is a stock line ("Just checking in! Hope all is well."), emoji aside."""
    sentences = [SYMBOLS.sub("", plain(sentence)).strip() for sentence in note.body_sentences]
    sentences = [sentence for sentence in sentences if sentence]
    return bool(sentences) and all(lexicon.STOCK_LINE.match(sentence) for sentence in sentences)


# --- recipient test -------------------------------------------------------------------------


def check_recipient_test(context: Context) -> CheckResult:  # rule N3
    greeted = clauses.wrong_name(context.written.stripped, context.to, context.about)
    if greeted:
        return result(
            "recipient-test",
            ok=False,
            required=True,
            message=f"It greets \u201c{greeted}\u201d, but it is for {context.to}; check the "
            "name before it goes.",
        )
    swapped = clauses.swapped_name(context.written.stripped, context.about, context.to)
    if swapped:
        return result(
            "recipient-test",
            ok=False,
            required=True,
            message=f"It says \u201c{swapped[0]}\u201d where the record has "
            f"\u201c{swapped[1]}\u201d; check the facts before it goes.",
        )
    if other_experience(context):
        return result(
            "recipient-test",
            ok=False,
            required=True,
            message="It recalls a different meeting from the one on record "
            f"({context.about}); check the note is for {context.to or 'them'}.",
        )
    for pattern, why in (
        (lexicon.BACKHANDED, "could read as a backhanded compliment"),
        (lexicon.SARCASM, "could read as sarcasm"),
        (lexicon.GUILT, "could make them feel guilty"),
        (lexicon.DOUBTING, "could read as doubting them"),
        (lexicon.NEGATIVITY, "sounds negative"),
        (lexicon.ONE_UPPING, "turns their news into yours"),
    ):
        found = unkind_phrase(pattern, context.note)
        if found:
            return result(
                "recipient-test",
                ok=False,
                required=True,
                message=f"\u201c{found}\u201d {why}; would you enjoy receiving it?",
            )
    doubted = told_you_so(context.note)
    if doubted:
        return result(
            "recipient-test",
            ok=False,
            required=True,
            message=f"\u201c{doubted}\u201d could read as \u201cI told you so\u201d; would you "
            "enjoy receiving it?",
        )
    typos = [word for word in misspelled(context.written, names=context.names) if suggestion(word)]
    if len(typos) >= TYPOS_MAX:
        return result(
            "recipient-test",
            ok=False,
            required=True,
            message=f"{quoted(typos)} and more look mistyped; read it aloud and proof-read it "
            "before it goes.",
        )
    shouted = shouting(context.note)
    if shouted:
        return result(
            "recipient-test",
            ok=False,
            required=True,
            message=f"{shouted} reads as shouting; plain letters are warmer.",
        )
    return result(
        "recipient-test",
        ok=True,
        required=True,
        message="It would feel good to receive.",
    )


def unkind_phrase(pattern: re.Pattern[str], note: Note) -> str | None:
    """The first match outside a sentence of sympathy ("that must be awful")."""
    for sentence in note.sentences:
        lowered = plain(sentence)
        found = pattern.search(lowered)
        if not found:
            continue
        if pattern is lexicon.NEGATIVITY and (
            lexicon.EMPATHY.search(lowered) or owned_by_the_writer(lowered, found.start())
        ):
            continue
        if pattern is lexicon.DOUBTING and lexicon.THE_EXCEPTION.search(lowered, found.end()):
            continue
        if pattern in (lexicon.SARCASM, lexicon.GUILT) and lexicon.REASSURANCE.search(
            lowered, 0, found.start()
        ):
            continue
        return found.group(0)
    return None


OWNER_WORDS = 3  # "our team's terrible demo": the owner stands a few words before


COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "am", "feels", "felt", "seems"})


def owned_by_the_writer(lowered: str, start: int) -> bool:
    """The word describes, before its noun, something of the writer's or of both ("our team's
    terrible pitch", "my awful jokes"): laughing at oneself or at a shared memory is no dig at
    them. A verdict said of it ("my manager is useless") is still a complaint."""
    before = re.findall(r"[\w']+", lowered[:start])[-OWNER_WORDS:]
    after = re.match(r"\w+\s+([a-z][\w-]*)", lowered[start:])
    owners = {word.split("'")[0] for word in before}
    return (
        bool(owners & {"our", "my"})
        and not owners & ({"you", "your"} | COPULAS)
        and after is not None
        and after.group(1) not in FUNCTION_WORDS
    )


def told_you_so(note: Note) -> str | None:
    """A sentence where the writer recalls doubting them: "I always thought it was naive"."""
    for sentence in note.sentences:
        lowered = plain(sentence)
        doubt = lexicon.TOLD_YOU_SO.search(lowered)
        dismissed = doubt and lexicon.DISMISSIVE.search(lowered, doubt.end())
        if doubt and dismissed:
            return lowered[doubt.start() : dismissed.end()]
    return None


def shouting(note: Note) -> str | None:
    """Words in capitals that are ordinary words, quoted. (Exclamation marks are enthusiasm.)"""
    capitals = [
        word
        for word in note.words
        if word.isupper()
        and len(word) >= SHOUT_MIN_LETTERS
        and word.lower() not in lexicon.ACRONYMS
        and word.lower() in dictionary()
    ]
    # A lone short word in capitals names something ("LUTH", "the STEM club"); shouting is a
    # run of them, a long one, or one said with "!".
    loud = [word for word in capitals if len(capitals) > 1 or len(word) > ACRONYM_MAX]
    return quoted(loud) if loud else None


# --- proof-read -----------------------------------------------------------------------------


def check_placeholders(context: Context) -> CheckResult:  # rule N3: proof-read
    found = PLACEHOLDER.findall(context.written.stripped)
    if found:
        return result(
            "placeholders",
            ok=False,
            required=True,
            message=f"Fill in {quoted(found)} before sending.",
        )
    return result(
        "placeholders",
        ok=True,
        required=True,
        message="Nothing is left to fill in.",
    )


def check_repeated_words(context: Context) -> CheckResult:  # rule N3: proof-read
    text = context.written.stripped
    chants = [match.span() for match in TRIPLED.finditer(text)]
    doubled = [
        match.group(0)
        for match in REPEATED.finditer(text)
        if match.group(1).lower() not in DOUBLED_WORDS_ALLOWED
        and not any(begin <= match.start() < end for begin, end in chants)
    ]
    if doubled:
        return result(
            "repeated-words",
            ok=False,
            required=True,
            message=f"{quoted(doubled)} has a word typed twice.",
        )
    return result(
        "repeated-words",
        ok=True,
        required=True,
        message="No word is typed twice in a row.",
    )


def check_spelling(context: Context) -> CheckResult:  # rule N3: proof-read
    unknown = misspelled(context.written, names=context.names)
    swapped = confused(context.written)
    if swapped and not unknown:
        return result(
            "spelling",
            ok=False,
            required=False,
            message=f"Check {quoted(swapped)}: your/you're and its/it's are easy to swap.",
        )
    if unknown:
        hints = [
            f"\u201c{word}\u201d (perhaps \u201c{fix}\u201d)"
            if (fix := suggestion(word))
            else f"\u201c{word}\u201d"
            for word in unknown[:3]
        ]
        return result(
            "spelling",
            ok=False,
            required=False,
            message=f"Check the spelling of {', '.join(hints)}.",
        )
    return result(
        "spelling",
        ok=True,
        required=False,
        message="Every word is in the dictionary or is a name we know.",
    )


def check_spacing(context: Context) -> CheckResult:  # rule N3: proof-read
    found = SPACING.search(context.written.stripped)
    if found:
        return result(
            "spacing",
            ok=False,
            required=False,
            message=f"Tidy the spacing in \u201c{found.group(0)}\u201d.",
        )
    return result(
        "spacing",
        ok=True,
        required=False,
        message="The spacing is tidy.",
    )


@dataclass(frozen=True)
class Check:
    run: Callable[[Context], CheckResult]
    occasions: tuple[str, ...] = OCCASIONS

    def applies(self, occasion: str) -> bool:
        return occasion in self.occasions

    def __call__(self, context: Context) -> CheckResult:
        return self.run(context)


CHECKS = (
    Check(check_length),
    Check(check_brevity),
    Check(check_about_them),
    Check(check_specific),
    Check(check_closing_ask),
    Check(check_invitation_parts, occasions=("invitation",)),
    Check(check_catch_up, occasions=("follow-up",)),
    Check(check_no_ask),
    Check(check_not_boilerplate),
    Check(check_recipient_test),
    Check(check_placeholders),
    Check(check_repeated_words),
    Check(check_spelling),
    Check(check_spacing),
)
