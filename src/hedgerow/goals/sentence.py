"""The goal-sentence check (rules G1 and G3): is this one clear goal, and is the how kept apart?

Rules and small word lists, no model: every verdict can be explained by the words that caused it,
and a call takes well under a millisecond. The checks read the goal the way a coach would:

- `one-sentence`: one sentence, on one line (rule G1).
- `declarative`: a statement, not a question, a list of options or a theme (rule G1).
- `observable`: an outcome another person could see done, not a feeling or "more of" (rule G1).
- `single-goal`: one goal, not a chain that keeps growing ("... and be on TV and win a prize").
- `what-not-how`: a method clause ("by taking evening classes", "using ...", "through ...",
  "via ...", "with a loan from ...") is the how, not the what (rule G3).

Since issue 10, a goal that carries its how is not clear: `what-not-how` fails, and its message
offers the sentence without the how (`what` in the report), which a person may adopt in one click;
the how then goes to the Strategy step. Nothing moves until they accept. The other checks judge
the goal without the how, so the same sentence is not blamed twice.

The subject may be anyone: "I will ...", "We will ...", "Our bakery's website will ...", "Marco
is going to ...", or none at all ("Open a shop in Leeds"). What the checks read is the predicate
after the subject and its modal ("will", "is going to", "wants to").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.text import STOPWORDS

DATA = Path(__file__).with_name("data")


def load_lists(filename: str) -> dict[str, tuple[str, ...]]:
    """Word lists from a file in data/: `[name words]` sections split on spaces, `[name lines]`
    sections one phrase per line; `#` starts a comment line."""
    lists: dict[str, list[str]] = {}
    current: list[str] = []
    split_words = True
    for raw in (DATA / filename).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(.+) (words|lines)\]", line)
        if header:
            current = lists.setdefault(header.group(1), [])
            split_words = header.group(2) == "words"
        else:
            current.extend(line.lower().split() if split_words else [line.lower()])
    return {name: tuple(entries) for name, entries in lists.items()}


WORDS = load_lists("goal_words.txt")
VERBS = frozenset(WORDS["verbs"])
# Longest first, so "i want to" is removed before "i want".
FRAMINGS = tuple(sorted(WORDS["framings"], key=len, reverse=True))
QUESTION_STARTS = tuple(f"{start} " for start in WORDS["question starts"])
ABBREVIATIONS = WORDS["abbreviations"]
INTERNAL_VERBS = frozenset(WORDS["internal verbs"])
REGARD_WORDS = frozenset(WORDS["regard words"])
# Rule G1: how others feel about me is a state nobody can see done, like my own feelings.
STATE_WORDS = frozenset(WORDS["state words"]) | REGARD_WORDS
ABILITY_STATES = frozenset(WORDS["ability states"])
EVIDENCE_WORDS = frozenset(WORDS["evidence words"])
CONCRETE_ADJECTIVES = frozenset(WORDS["concrete adjectives"])
VAGUE_PHRASES = WORDS["vague phrases"]
REGARD_PHRASES = WORDS["regard phrases"]
THEME_NOUNS = frozenset(WORDS["theme nouns"])
NUMBER_WORDS = frozenset(WORDS["number words"])
NOT_GERUNDS = frozenset(WORDS["not gerunds"])
METHOD_BLOCKERS_BEFORE_THROUGH = frozenset(WORDS["method blockers before through"])
DURATIONS = frozenset(WORDS["durations"])
PEOPLE_WORDS = frozenset(WORDS["people"])
MANNER_WORDS = frozenset(WORDS["manner"])
SPAN_FILLERS = frozenset({"a", "an", "the", "full", "whole", "entire", "next", "this", "my"})
# Internal states a number cannot make visible ("feel 20% better" is still a feeling).
FEELING_VERBS = frozenset(
    {"feel", "understand", "know", "think", "enjoy", "appreciate", "embrace", "love"}
    | {"consider", "reflect", "care", "aspire", "strive"}
)


def participles() -> dict[str, str]:
    """Past participle -> base verb: the irregular ones listed, the regular ones worked out."""
    found = dict(line.split() for line in WORDS["participles"])
    for verb in VERBS:
        forms = [verb + "ed", verb + "d" if verb.endswith("e") else verb + "ed"]
        if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
            forms.append(verb[:-1] + "ied")
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):
            forms.append(verb + verb[-1] + "ed")  # "plan" -> "planned"
        for form in forms:
            found.setdefault(form, verb)
    return found


PARTICIPLES = participles()
# "will have opened": the future perfect says the goal as done; the goal is "open".
PERFECT = re.compile(r"^have (?P<participle>[a-z]+)\b")

CHECK_IDS = ("one-sentence", "declarative", "observable", "single-goal", "what-not-how")
MAX_LENGTH = 2000  # longer than any goal sentence; keeps every call fast


def usable_text(text: str, *, field: str = "text") -> str:
    """The text, tidied, or InvalidInput when there is nothing in it to read."""
    tidied = tidy(text)
    if not re.search(r"[^\W\d_]", tidied):
        raise InvalidInput(f"{field}: write a few words to check; this one has none.")
    if len(tidied) > MAX_LENGTH:
        raise InvalidInput(f"{field}: keep it under {MAX_LENGTH} characters; a sentence will do.")
    return text


class GoalCheckResult(TypedDict):
    id: str
    ok: bool
    message: str


class GoalReport(TypedDict):
    clear: bool
    checks: list[GoalCheckResult]
    how: str | None
    what: str | None  # the goal without its how, to adopt in one click (rule G3)


# --- reading the text --------------------------------------------------------------------------

WORD = re.compile(r"[a-z0-9][a-z0-9'\-$%]*")
BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")
SENTENCE_END = re.compile(r"[.!?]+(?=\s+\S)")
DIGIT = re.compile(r"\d")
# Where a method clause stops: a deadline, a reason, or the end of the sentence.
HOW_END = re.compile(
    r",|;|\s(?:so that|so i can|so as to|in order to|before|until|by the end|by (?:next )?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|spring|summer|autumn|fall|winter|christmas|\d)|within|this year|next year|"
    r"in \d{4}|and then)\b"
)
HOW_START = re.compile(
    r"\s(?:(?P<by>by(?: means of| way of)?)\s+(?P<gerund>[a-z][a-z\-]*ing)\b"
    r"|(?P<through>through|thru)\s+(?=\S)"
    r"|(?P<marker>using|via|with the help of|with help from|thanks to)\s+(?=\S)"
    # What the goal is said to take: "get into medical school, which means retaking chemistry"
    # (issue 10, third round).
    r"|(?P<entails>which (?:means|will mean|would mean|involves|will involve|requires)|meaning)"
    r"\s+(?=[a-z-]+ing\b)"
    # An activity kept up for a while before the result is the route to it: "speak fluent
    # Italian after living with a host family for six months" (issue 10, fourth round); "after
    # finishing my degree", with no while, is only when.
    r"|(?P<after>after)\s+(?=[a-z-]+ing\b[^,;.]{0,60}?\bfor (?:\d+|a|an|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|twelve|several|a few|a couple of) (?:weeks?|months?|years?)\b)"
    # Means got from someone: "with a loan from my uncle", "with my savings", "with a grant".
    r"|(?P<means>with (?:a |an |the |some |my |our |his |her |their )?(?:[\w-]+ ){0,2}?(?:loan"
    r"|loans|grant|grants|savings|money|funding|funds|inheritance|mortgage|scholarship|subsidy"
    r"|investment|sponsorship|crowdfunding|bonus|pension)\b)"
    # Something used to make it, or taken from somewhere: "with nicotine patches", "with the
    # wood from the old shed" (a person is company: "with my sister", "with a friend from work").
    r"|(?P<material>with (?:the |a |an |some |my |our |his |her |their |this |that )?"
    r"(?:[\w-]+ ){0,2}?(?P<thing>[\w-]+)(?: from\b| (?=[a-z-]+s\b)|(?=[\s.,]|$))))"
)
# A method said first: "Using the money from my grandmother, I will put a deposit on a flat."
FRONTED_HOW = re.compile(
    r"^(?:using|via|through|thanks to|with the help of|with help from|by (?:means of |way of )?"
    r"[a-z-]+ing)\b[^,;]{1,80}(?=,)"
)
# "a guide to saving money by cooking at home": the by-clause belongs to the gerund inside the
# thing made, so it is the guide's topic, not the person's route.
TOPIC_GERUND = re.compile(r"\b(?:to|on|about|of|for)\s+[a-z-]+ing\b(?:\s+[a-z'-]+){0,3}\s*$")
# A time or an adverb before the goal: "In 2027, ...", "Over the next twelve months ...".
LEAD_IN = re.compile(
    r"^(?:(?:in|by) \d{4}|by \w+(?: \d{4})?|(?:this|next) year|(?:over|in|within|during) the "
    r"(?:next|coming) (?:\w+ )?(?:days|weeks|months|years|year|month)|also|really|finally|"
    r"just|definitely|honestly|someday|one day|maybe|perhaps|possibly),?\s+"
)
# Anyone may hold the goal: "We will", "Our bakery's website will", "Marco is going to", "Me and
# my wife will", "Kenji wants to". A subject is a few words without a verb of their own, then a
# modal of intention; "wil" is a slip of "will" often enough to read it so.
MODAL = (
    r"(?:will|wil|shall|'ll|(?:is|are|am|'s|'re|'m) (?:going to|gonna|determined to|planning to"
    r"|hoping to|aiming to|about to)|wants? to|plans? to|intends? to|aims? to|hopes? to"
    r"|would like to|'d like to|needs? to|is to|are to|promises? to|commits? to)"
)
SUBJECT = (
    r"(?:we|they|he|she|it|you|me and (?:my|our) [\w'-]+|[\w'-]+ and i"
    r"|(?:our|my|the|this|his|her|their) [\w'-]+(?: [\w'-]+){0,3}?"
    r"|(?:dr\.? |mr\.? |mrs\.? |ms\.? |grandma |grandpa |aunt |uncle )?"
    r"[a-z][\w'-]*(?: [a-z][\w'-]*)?)"
)
SUBJECT_MODAL = re.compile(rf"^{SUBJECT}\s*{MODAL}\s+")
# "We want our team to ...": the goal is what they are to do.
WANT_OBJECT = re.compile(
    rf"^(?:{SUBJECT} )?(?:want|wants|need|needs|would like) (?:[\w'-]+ ){{1,3}}?to\s+"
)
# A longer time or place before the person steps in: "By the end of 2027 I will ...", "When the
# kids start school, I'll ...". Taken off only when a goal framing ("I will", "I want to") follows,
# so a sentence that never says what the person will do is not made to look like one.
LEAD_CLAUSE = re.compile(
    r"^(?:by|before|in|within|during|over|at|after|until|till|from|on|this|next|when|once|"
    r"for|come|early|late)\b[^;]{0,100}?,?\s+(?=(?:i (?:will|shall|want|plan|aim|intend|hope|"
    r"would|am going|am gonna|am determined|have decided|promise|commit)|i'll|i'd|i'm going|"
    r"i'm gonna|i'm determined)\b)"
)
# A further sentence that states another goal: "I also want to ...", "My second goal is ...".
GOAL_LEAD = re.compile(
    r"^(?:i (?:also |really |then )?(?:want|will|'ll|would like|'d like|plan|hope|intend|aim|need)"
    r"|i'(?:ll|d like)|my (?:\w+ )?goal|also\b|and\b|then\b)"
)
COMPARATIVES = frozenset({"more", "less", "fewer", "better"})
CHAIN_SPLIT = re.compile(r",?\s+(?:and then|and also|and|then|as well as|plus|while also)\s+")
LIST_SPLIT = re.compile(r"\s*[;,]\s*|\s+or\s+")


def tidy(text: str) -> str:
    """One line of plain text: typographic quotes made plain, runs of spaces made one."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"')
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def lines_of(text: str) -> list[str]:
    return [line for line in (raw.strip() for raw in text.splitlines()) if line]


def sentences_of(text: str) -> list[str]:
    """Sentences on one line, not fooled by "Dr." or "e.g." or "3.5"."""
    protected = text
    for abbreviation in ABBREVIATIONS:
        protected = re.sub(
            rf"\b{re.escape(abbreviation)}", abbreviation.replace(".", "\0"), protected, flags=re.I
        )
    parts = SENTENCE_END.split(protected)
    return [part.replace("\0", ".").strip() for part in parts if part.strip(" .!?")]


def strip_framing(clause: str) -> tuple[str, bool]:
    """The goal's predicate without "I want to", "My goal is to" and the like; and whether any
    such framing (a subject and a verb) was there."""
    lowered = clause.lower().strip(" .!\"'")
    framed = False
    changed = True
    while changed:
        changed = False
        for framing in FRAMINGS:
            if lowered.startswith(framing + " ") or lowered == framing:
                lowered = lowered[len(framing) :].lstrip(" ,:")
                framed = changed = True
                break
        # Someone else holds it: "We will ...", "Marco is going to ..."
        held = subject_modal(lowered)
        if held is not None:
            lowered = lowered[held:]
            framed = changed = True
            continue
        # A lead-in date: "In 2027, ...", "By June, ...", "This year ..."
        lead = lead_before_subject(lowered) or LEAD_CLAUSE.match(lowered) or LEAD_IN.match(lowered)
        if lead:
            lowered = lowered[lead.end() :]
            changed = True
        perfect = PERFECT.match(lowered)
        if perfect and perfect.group("participle") in PARTICIPLES:
            verb = PARTICIPLES[perfect.group("participle")]
            lowered = verb + lowered[perfect.end() :]
            changed = True
    return lowered, framed


def subject_modal(lowered: str) -> int | None:
    """Where the predicate starts after a subject and its modal ("our choir will "), or None.

    The subject must not hold a verb of its own, so "learn to cook and we will eat" is not read
    as a subject "learn to cook and".
    """
    found = SUBJECT_MODAL.match(lowered) or WANT_OBJECT.match(lowered)
    if not found:
        return None
    subject_words = words(found.group(0))[:-1]
    if any(is_verb(word) for word in subject_words[:1]) and subject_words[0] not in {"me"}:
        return None
    return found.end()


LEAD_WORD = re.compile(r"^(?:by|before|in|within|during|over|this|next|when|once|after)\b")
LEAD_WORDS_MAX = 8


def lead_before_subject(lowered: str) -> re.Match[str] | None:
    """A time or place before someone else's goal: "By 31 March our clinic will ..."."""
    if not LEAD_WORD.match(lowered):
        return None
    for found in re.finditer(r",?\s+", lowered):
        if len(words(lowered[: found.start()])) > LEAD_WORDS_MAX:
            break
        if subject_modal(lowered[found.end() :]) is not None:
            return found
    return None


def head_of(predicate: str) -> str:
    tokens = words(predicate)
    return tokens[0] if tokens else ""


def is_verb(word: str) -> bool:
    return word in VERBS


# --- what and how (rule G3) --------------------------------------------------------------------


def find_how(text: str) -> tuple[int, int] | None:
    """The span of a method clause in `text` (lower-cased), or None."""
    lowered = text.lower()
    fronted = FRONTED_HOW.match(lowered)
    if fronted:
        return 0, fronted.end()
    for match in HOW_START.finditer(lowered):
        if match.group("material") and not is_material(match, lowered):
            continue
        if match.group("gerund") and match.group("gerund") in NOT_GERUNDS:
            continue
        if match.group("by") and TOPIC_GERUND.search(lowered[: match.start()]):
            continue
        if match.group("through"):
            before = lowered[: match.start()].split()
            after = [w for w in words(lowered[match.end() :])[:4] if w not in SPAN_FILLERS]
            if before and before[-1] in METHOD_BLOCKERS_BEFORE_THROUGH:
                continue
            if after and after[0] in DURATIONS:
                continue  # "through a full season" is how long, not how
        start = match.start() + 1
        end_match = HOW_END.search(lowered, match.end())
        end = end_match.start() if end_match else len(lowered.rstrip(" .!"))
        if end > match.end() or (match.group("means") and end >= match.end()):
            return start, end
    return None


DETERMINERS = frozenset({"a", "an", "the", "my", "our", "his", "her", "their", "this", "that"})


def is_material(match: re.Match[str], lowered: str) -> bool:
    """Whether "with ..." names something used or taken (a means), not company ("with my
    sister"), a manner ("with flying colours") or a feature of the thing made ("open a cafe
    with outdoor tables"). A means is taken from somewhere ("the wood from the old shed") or a
    plain plural used on an action ("quit smoking with nicotine patches")."""
    phrase = match.group("material")
    after = words(lowered[match.end() :])[:1] if phrase.endswith(" ") else []
    nouns = words(phrase)[1:] + after
    if set(nouns) & (PEOPLE_WORDS | MANNER_WORDS) or any(has_number(noun) for noun in nouns):
        return False
    if phrase.endswith(" from"):
        return True
    head = nouns[-1]
    plain_plural = nouns[0] not in DETERMINERS and head.endswith("s") and not head.endswith("ss")
    # "Open a cafe with outdoor tables": after a thing named with "a" or "the", "with" says
    # what the thing has.
    thing_before = set(words(lowered[: match.start()])[-3:]) & DETERMINERS
    return plain_plural and not thing_before


def split_what_how(text: str) -> tuple[str, str | None]:
    """The goal sentence with any method clause lifted out, and that clause (rule G3).

    "Learn Python by taking an evening course before June." gives
    ("Learn Python before June.", "taking an evening course").
    """
    text = tidy(text)
    span = find_how(text)
    if span is None:
        return text, None
    start, end = span
    clause = text[start:end].strip()
    how = re.sub(
        r"^(?:by(?: means of| way of)?|which (?:means|will mean|would mean|involves|will involve"
        r"|requires)|meaning|after)\s+",
        "",
        clause,
        flags=re.I,
    )
    what = (text[:start].rstrip(" ,") + " " + text[end:].lstrip(" ,")).strip()
    if start == 0:
        what = what[:1].upper() + what[1:]
    what = re.sub(r"\s+([.!?])", r"\1", what)
    return what, how


# --- the checks --------------------------------------------------------------------------------


def list_items(predicate: str) -> list[str]:
    """Items of a list of goals ("lose weight, find a job; travel") or of options ("... or ...").

    A lone verb shares the next item's object: "design, build and launch a website" is one goal.
    """
    if re.search(r"\b(?:\d+|one|two|three) or (?:\d+|two|three|four|more|so)\b", predicate):
        return [predicate]
    predicate = VAGUE_TAIL.sub("", predicate)
    items: list[str] = []
    for part in LIST_SPLIT.split(predicate):
        part = part.strip()
        if items and len(words(items[-1])) == 1 and is_verb(head_of(items[-1])):
            items[-1] = f"{items[-1]}, {part}"
        elif part:
            items.append(part)
    if len(items) < 2:
        return [predicate]
    actions = [item for item in items if is_verb(head_of(strip_framing(item)[0]))]
    if " or " in f" {predicate} " or len(actions) >= 2:
        return items
    return [predicate]


# "... or something", "... or whatever": a hedge trailing off, not a second option.
VAGUE_TAIL = re.compile(
    r",?\s+or (?:something|anything|whatever|so|similar|the like)(?: like that| else)?\b"
)


def is_theme(predicate: str, framed: bool) -> bool:
    tokens = words(predicate)
    if not tokens:
        return True
    if framed:
        # "My focus this year is balance": a framing followed by a noun, not an action.
        return tokens[0] in THEME_NOUNS or tokens[0] in {"more", "better", "less"}
    if tokens[0] in {"more", "less", "better", "greater", "a", "an", "the", "my", "new"}:
        return True
    if AVOIDANCE.match(predicate):
        return False  # "Never feel this tired again": a statement, if not yet a visible one
    if tokens[0].endswith("ing") and tokens[0] not in VERBS:
        return True  # a heading like "Getting fit", not yet a sentence
    return not is_verb(tokens[0]) or len(tokens) == 1


def is_question(text: str) -> bool:
    lowered = text.lower().strip()
    return lowered.rstrip(" .!\"'").endswith("?") or lowered.startswith(QUESTION_STARTS)


def has_number(predicate: str) -> bool:
    return bool(DIGIT.search(predicate)) or bool(set(words(predicate)) & NUMBER_WORDS)


def has_evidence(predicate: str) -> bool:
    """An exam, a certificate, a level, or a count other than a year: something to check."""
    if set(words(predicate)) & EVIDENCE_WORDS:
        return True
    return has_number(re.sub(r"\b(?:19|20)\d\d\b", "", predicate))


def action_start(tokens: list[str]) -> int | None:
    """Where the action starts: the first word, or the verb after "to" or "I" in a question.

    A first word no list knows is still the verb when its object follows straight after it
    ("sew a patchwork quilt", "tile the bathroom"): in English a noun or a state is not followed
    by "a", "the" or "my" (issue 10, fourth round)."""
    if tokens and is_verb(tokens[0]):
        return 0
    if len(tokens) > 1 and tokens[1] in OBJECT_STARTS and tokens[0] not in NOT_VERBS:
        return 0
    for index, token in enumerate(tokens[:-1]):
        if token in {"to", "i", "i'll", "will"} and is_verb(tokens[index + 1]):
            return index + 1
    return None


OBJECT_STARTS = DETERMINERS | {"some", "every", "two", "three", "four", "five", "ten", "fifty"}
NOT_VERBS = STOPWORDS | STATE_WORDS | THEME_NOUNS | COMPARATIVES | {"more", "less", "much"}


def vague_theme(tokens: list[str]) -> str | None:
    """In a phrase without an action, the word that names a feeling or a theme, if any."""
    for token in tokens:
        if token in THEME_NOUNS or token in STATE_WORDS or token in {"more", "better", "less"}:
            return token
    return None


def vague_part(predicate: str) -> str | None:
    """The words that make an outcome impossible for someone else to see done, or None."""
    tokens = words(predicate)
    avoided = AVOIDANCE.match(" ".join(tokens))
    if avoided:
        return avoided.group(0).strip()  # "not lose my temper", "stop procrastinating so much"
    start = action_start(tokens)
    if start is None:
        return vague_theme(tokens)
    tokens = tokens[start:]
    joined = " ".join(tokens)
    head, rest = tokens[0], tokens[1:]
    if head in INTERNAL_VERBS:
        if head == "learn" and rest[:1] == ["to"] and is_verb(rest[1] if len(rest) > 1 else ""):
            return None  # "learn to swim": the swimming shows it
        if head == "learn" and re.search(r"\benough\b.*\bto\b", joined):
            return None
        if head not in FEELING_VERBS and (has_number(joined) or has_evidence(joined)):
            return None
        return " ".join(tokens[:3])
    for phrase in VAGUE_PHRASES:
        if re.search(rf"\b{re.escape(phrase)}\b", joined) and not has_number(joined):
            return phrase
    hedge = HEDGE.search(joined)
    if hedge:
        return hedge.group(0)
    avoided = AVOIDANCE.match(joined)
    if avoided:
        return avoided.group(0).strip()
    for phrase in REGARD_PHRASES:
        # Others' regard: no number makes it mine to show. Quoted from the verb on.
        found = re.search(rf"\b{re.escape(phrase)}\b", joined)
        if found:
            return joined[: found.end()] if len(words(joined[: found.start()])) <= 2 else phrase
    if head in {"be", "become", "get", "feel", "stay"} and set(rest) & FEELINGS:
        return " ".join(tokens[: tokens.index(next(t for t in rest if t in FEELINGS)) + 1])
    if head in {"be", "become", "get", "feel", "stay"} and rest:
        if rest[0] in {"a", "an"} and rest[1:2] and rest[1] in COMPARATIVES | {"good", "great"}:
            return " ".join(tokens[:4])  # "be a better manager": better by whose eyes?
        if rest[0] in COMPARATIVES | {"much", "really"} and not has_number(joined):
            return " ".join(tokens[:3])
        if rest[0] in ABILITY_STATES and has_evidence(joined):
            return None  # "fluent ... and pass the C1 exam": the exam shows it
        if rest[0] in STATE_WORDS and rest[0] not in CONCRETE_ADJECTIVES:
            return " ".join(tokens[:2])
    for index, token in enumerate(tokens):
        after_article = index > 0 and tokens[index - 1] in {"a", "an"}
        if token in COMPARATIVES and not after_article and not has_number(joined):
            return " ".join(tokens[max(0, index - 1) : index + 2])
    return None


# Feelings no number makes visible: "be 50% less stressed", "get my father to be proud".
_FEELING_TEXT = """
    stressed anxious worried guilty proud ashamed content fulfilled relaxed calm calmer happy
    happier unhappy lonely overwhelmed
"""
FEELINGS = frozenset(_FEELING_TEXT.split())
# A hedge leaves nothing to see done: "maybe", "something creative", "the best nurse I can be".
HEDGE = re.compile(
    r"\b(?:maybe|perhaps|possibly|probably|hopefully|kind of|sort of|not sure|or so"
    r"|something(?: \w+)?|somewhere|somehow|whatever|the best [\w ]{1,30}? i can(?: be| do)?"
    r"|as (?:much|well|good|far) as i can|(?:more|most) successful)\b"
)
# A wish to avoid names what not to be, never what will be there to see: "not be stuck".
AVOIDANCE = re.compile(
    r"^(?:not|never|no longer|stop being|avoid|quit being|stop feeling|escape)\b(?: \w+){0,3}"
    # A habit stopped by an unmeasured degree ("stop procrastinating so much", "quit checking my
    # phone all the time"), or a habit only the person can judge ("stop overthinking"); "quit
    # smoking" stays a thing others can see (issue 10, fourth round).
    r"|^(?:stop|quit|give up|cut down on|cut back on)\s+[a-z]+ing\b(?: \w+){0,4}? (?:so much"
    r"|as much|so often|as often|all the time|too much|anymore|any more)\b"
    r"|^(?:stop|quit|give up)\s+(?:procrastinating|overthinking|worrying|stressing|doubting"
    r"|second-guessing|comparing myself)\b(?: \w+){0,2}"
)


def hedged(what: str) -> str | None:
    """A hedge or a wish to avoid anywhere in the goal, even before its verb ("Perhaps run ...",
    "Never feel this tired again")."""
    lowered = what.lower()
    found = HEDGE.search(lowered) or AVOIDANCE.match(lowered)
    return found.group(0).strip() if found else None


def predicate_segments(predicate: str) -> list[str]:
    """Parts of a predicate joined by "and", "then", ... that each start a new action.

    "write and publish a cookbook" is one action on one thing; "write a novel and be on TV" two.
    """
    segments: list[str] = []
    for part in CHAIN_SPLIT.split(predicate):
        part = part.strip(" ,")
        inner, framed = strip_framing(part)
        starts_action = framed or is_verb(head_of(inner)) or head_of(part) == "also"
        if segments and starts_action and len(words(segments[-1])) > 1:
            segments.append(inner)
        elif segments:
            segments[-1] = f"{segments[-1]} and {part}"
        else:
            segments.append(part)
    return segments


def refers_back(segment: str, first: str = "") -> bool:
    """'... and read it aloud to my friend': the second action shows the first one done; so does
    an exam that proves a skill ("be fluent in Japanese and pass JLPT N2")."""
    tokens = set(words(segment))
    skill = bool(set(words(first)) & (ABILITY_STATES | {"learn", "master", "study"}))
    proof = head_of(segment) in PROOF_VERBS and bool(tokens & EVIDENCE_WORDS)
    return bool({"it", "them", "this", "these", "that", "the", "results"} & tokens) or (
        skill and proof
    )


PROOF_VERBS = frozenset({"pass", "sit", "get", "earn", "gain", "obtain", "achieve", "reach"})


def goals_in(predicate: str) -> list[str]:
    predicate = VAGUE_TAIL.sub("", predicate)
    segments = predicate_segments(predicate)
    kept = segments[:1]
    for segment in segments[1:]:
        if (
            len(segments) == 2
            and refers_back(segment, segments[0])
            and not segment.startswith("also")
        ):
            continue
        kept.append(segment)
    items = list_items(predicate)
    return items if len(items) > len(kept) else kept


def states_a_goal(unit: str) -> bool:
    """Whether a further sentence or line names another goal, not a reason or a feeling."""
    lowered = unit.lower()
    return bool(GOAL_LEAD.match(lowered)) or is_verb(head_of(lowered))


@dataclass(frozen=True)
class Reading:
    """A goal text taken apart once, for every check to look at."""

    text: str
    units: list[str]  # sentences, and lines or bullets, in order
    what: str  # the first of them, with any method clause lifted out
    how: str | None
    predicate: str  # `what` without its framing ("I want to ...")
    framed: bool

    @classmethod
    def of(cls, text: str) -> Reading:
        lines = [BULLET.sub("", line) for line in lines_of(text)]
        units = [unit for line in lines for unit in sentences_of(tidy(line))] or [tidy(text)]
        what, how = split_what_how(units[0])
        predicate, framed = strip_framing(what)
        return cls(text, units, what, how, predicate, framed)

    @property
    def is_list(self) -> bool:
        lines = lines_of(self.text)
        return len(lines) > 1 or any(BULLET.match(line) for line in lines)


def as_written(phrase: str, text: str) -> str:
    """The phrase with the person's own capitals: "learn Python", not "learn python"."""
    pattern = r"\W+".join(re.escape(word) for word in phrase.split())
    found = re.search(pattern, text, flags=re.IGNORECASE)
    return found.group() if found else phrase


def check_one_sentence(reading: Reading) -> GoalCheckResult:
    count = max(len(reading.units), len(lines_of(reading.text)))
    if count > 1:
        return fail(
            "one-sentence",
            f"This reads as {count} sentences; say the goal in one, "
            "and keep the rest for the later steps of your plan.",
        )
    return ok("one-sentence", "One sentence: easy to say out loud and to remember.")


def check_declarative(reading: Reading) -> GoalCheckResult:
    if is_question(reading.text):
        return fail(
            "declarative",
            'This is still a question; answer it with a sentence that starts "I will ..." '
            "and the goal appears.",
        )
    if reading.is_list:
        return fail(
            "declarative",
            "This is a list of goals under consideration; choose the one that matters most now.",
        )
    if len(list_items(reading.predicate)) > 1:
        return fail(
            "declarative", "This sets options side by side; choose the one that matters most now."
        )
    if is_theme(reading.predicate, reading.framed):
        return fail(
            "declarative",
            "This names a theme rather than a goal; say what you will have done, "
            'as in "I will ...".',
        )
    return ok("declarative", "A plain statement of what you will do: good.")


def check_observable(reading: Reading) -> GoalCheckResult:
    vague = vague_part(reading.predicate) or hedged(reading.what)
    if vague and (set(words(vague)) & REGARD_WORDS or any(p in vague for p in REGARD_PHRASES)):
        return fail(
            "observable",
            f'"{as_written(vague, reading.what)}" rests on how other people feel, which nobody '
            "can see done; name what you would do to earn it, something others could see.",
        )
    if vague:
        vague = as_written(vague, reading.what)
        return fail(
            "observable",
            f'"{vague}" is hard for anyone else to see; name the result that would show it, '
            "something finished, given, sent or signed.",
        )
    return ok("observable", "Someone else could see this done: that keeps it honest.")


def check_single_goal(reading: Reading) -> GoalCheckResult:
    goals = goals_in(reading.predicate)
    for unit in reading.units[1:]:
        if states_a_goal(unit):
            goals += goals_in(strip_framing(unit)[0])
    if len(goals) > 1:
        named = "; ".join(goal.strip(" .") for goal in goals)
        return fail(
            "single-goal",
            f"This holds {len(goals)} goals ({named}); keep the one you would most like to "
            "finish first and let the others wait their turn.",
        )
    return ok("single-goal", "One goal, not a chain of them: room to finish it.")


def check_what_not_how(reading: Reading) -> GoalCheckResult:
    # Rule G3: the how is one route among several; the goal should say only what.
    if reading.how:
        return fail(
            "what-not-how",
            f'"{reading.how}" is how you would get there, not what; try the goal without it, '
            f'"{reading.what}", and keep the how for your Strategy step.',
        )
    return ok("what-not-how", "It says what you want, not how: the how can change, the goal stays.")


CHECKS = (check_one_sentence, check_declarative, check_observable, check_single_goal)


def ok(check_id: str, message: str) -> GoalCheckResult:
    return {"id": check_id, "ok": True, "message": message}


def fail(check_id: str, message: str) -> GoalCheckResult:
    return {"id": check_id, "ok": False, "message": message}


def check_goal(text: str) -> GoalReport:
    """Each check with one plain sentence, pass or fail; `clear` when every check passes."""
    text = text[:MAX_LENGTH]
    if not tidy(text):
        message = "Write your goal as one sentence to check it."
        checks = [fail(check_id, message) for check_id in CHECK_IDS[:-1]]
        checks.append(ok("what-not-how", "Nothing to move yet."))
        return {"clear": False, "checks": checks, "how": None, "what": None}
    reading = Reading.of(text)
    checks = [check(reading) for check in (*CHECKS, check_what_not_how)]
    return {
        "clear": all(check["ok"] for check in checks),
        "checks": checks,
        "how": reading.how,
        "what": reading.what if reading.how else None,
    }
