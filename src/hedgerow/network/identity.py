"""Who is who: normalizing what identifies a person, and the one rule set (`Directory`) every
importer uses to decide that a record is someone already known."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Container, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Generic, NamedTuple, TypeVar
from urllib.parse import unquote, urlsplit

from nameparser import HumanName
from nameparser.config import CONSTANTS
from rapidfuzz import fuzz, process

_PROFILE_PATH = re.compile(r"^/(in|pub)/([^/?#]+)", re.IGNORECASE)


def normalize_linkedin_url(url: str | None) -> str:
    """The canonical https://www.linkedin.com/in/<slug> form, or "" when it is not a profile.

    Exports mix http/https, www./country subdomains, trailing slashes and escaped slugs.
    """
    if not url:
        return ""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # "https://[www…": an unclosed bracket reads as a broken IPv6 address
        return ""
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return ""
    match = _PROFILE_PATH.match(parts.path)
    if not match:
        return ""
    slug = unquote(match.group(2)).strip().lower()
    return f"https://www.linkedin.com/in/{slug}" if slug else ""


def normalize_email(email: str | None) -> str:
    text = (email or "").strip().strip("<>").lower()
    return text if "@" in text and " " not in text else ""


def normalize_name(text: str | None) -> str:
    """Case-, accent- and spacing-insensitive form of a name or company for exact matching."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", without_marks.casefold()).split())


@dataclass(frozen=True)
class NameParts:
    first: str
    last: str
    credentials: str

    @property
    def display(self) -> str:
        # Chinese, Japanese and Korean names are written family name first, without a space.
        if self.first and self.last and _is_cjk(self.first + self.last):
            return f"{self.last}{self.first}"
        return " ".join(part for part in (self.first, self.last) if part)


def _is_cjk(text: str) -> bool:
    if text.isascii():
        return False  # most names, and the quick answer for 30,000 of them
    return all(
        unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))
        for ch in text
        if not ch.isspace()
    )


def name_parts(first: str | None, last: str | None) -> NameParts:
    """Split credentials off a last name ("Ruiz, PhD", "Lee, MBA, PMP") using nameparser's list
    of known suffixes; a comma followed by anything else stays part of the name."""
    first = (first or "").strip()
    last = (last or "").strip()
    name, *pieces = last.split(",")
    if pieces and all(_is_credential(piece) for piece in pieces):
        credentials = ", ".join(piece.strip() for piece in pieces)
        return NameParts(first=first, last=name.strip(), credentials=credentials)
    return NameParts(first=first, last=last, credentials="")


def _is_credential(piece: str) -> bool:
    key = piece.strip().lower().replace(".", "")
    return bool(key) and (key in CONSTANTS.suffix_acronyms or key in CONSTANTS.suffix_not_acronyms)


def parse_full_name(full: str | None) -> NameParts:
    parsed = HumanName((full or "").strip())
    first = " ".join(p for p in (parsed.title, parsed.first, parsed.middle) if p).strip()
    if not parsed.first and not parsed.last:
        return NameParts(first=(full or "").strip(), last="", credentials="")
    return NameParts(first=first or parsed.first, last=parsed.last, credentials=parsed.suffix)


# --- Keys for matching -------------------------------------------------------------------------

# Courtesy titles people put before a name; the full list nameparser knows (800 words, "Dean" and
# "King" among them) would eat real names, so only these few go.
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame"})
# nameparser's credentials, as a plain set: its own set type is slow to ask, and names are many.
_CREDENTIALS = frozenset(
    str(word).lower().replace(".", "")
    for word in (*CONSTANTS.suffix_acronyms, *CONSTANTS.suffix_not_acronyms)
)


def name_key(name: str | None) -> str:
    """A person's name for matching: normalized, word order ignored ("Doe, John" is John Doe),
    without courtesy titles or credentials ("Dr. Ana Ruiz, PhD" is Ana Ruiz)."""
    words = normalize_name(name).split()
    kept = [
        word
        for position, word in enumerate(words)
        if not (position and word in _CREDENTIALS) and word not in _HONORIFICS
    ]
    return " ".join(sorted(kept or words))


def phone_key(raw: str | None) -> str:
    """The last nine digits of a phone number, or "" when it has fewer than seven.

    "+44 20 7946 0018" and "020 7946 0018" are the same phone. Like Android's loose comparison,
    the tail ignores country codes and trunk prefixes; a phone is only ever evidence next to a
    name, so two numbers sharing a tail by chance cannot merge two people on their own.
    """
    digits = "".join(ch for ch in raw or "" if ch.isdigit())
    return digits[-9:] if len(digits) >= 7 else ""


# --- The one rule set for "the same person" ----------------------------------------------------


class Traits(NamedTuple):
    """What one record says about who someone is; every text already normalized where a
    normalize_* function exists (URL, emails); names and companies as written."""

    name: str = ""
    url: str = ""  # normalize_linkedin_url
    emails: tuple[str, ...] = ()  # normalize_email
    phones: tuple[str, ...] = ()  # phone_key
    company: str = ""
    position: str = ""
    connected_on: date | None = None


P = TypeVar("P", bound=Hashable)


@dataclass(frozen=True)
class Match(Generic[P]):
    person: P
    sure: bool  # False: a doubt, for the review list
    how: str  # in plain words: "matched by email ana@x.org", or why it is a doubt
    score: float = 100.0


# A near name must be at least this alike (0-1, weighing distinctive words) to be a doubt.
NEAR_LIKENESS = 0.8
# With a shared phone, a name this alike (the family name, say) is a doubt too.
NEAR_LIKENESS_WITH_PHONE = 0.4
# Words this alike (rapidfuzz ratio, 0-100) count as the same word: "Jon" and "John".
SAME_WORD = 80
_CANDIDATES = 8  # near names rescored per record


class Directory(Generic[P]):
    """People known so far and how to find one of them from a record's traits.

    Rules, strongest first (issue 2 §5 and issue 9):
    1. LinkedIn profile URL: the same URL is the same person; two different URLs are two people,
       however alike the rest.
    2. Email: a shared email is the same person.
    3. Name (accents, case, word order, titles and credentials aside), then what else both
       records say. Namesakes are told apart by company, position and connected-on date: a
       candidate whose connected-on date differs is someone else; one that agrees on all of
       them, or the only one left, is the same person; when several remain, it is ambiguous and
       the record is kept apart (or, with doubts=True, becomes a doubt).
    4. With doubts=True only: a near name is a doubt when its distinctive words match (shared
       filler such as a common first name weighs little), unless both records have emails and
       none is shared. A shared phone makes a less alike name a doubt too.

    `traits_of(person)` must give a person's current traits; call `rekey` after a person's URL,
    emails, phones or name change, so they are found by the new ones.
    """

    def __init__(self, traits_of: Callable[[P], Traits]) -> None:
        self.traits_of = traits_of
        self.by_url: dict[str, P] = {}
        self.by_email: dict[str, P] = {}
        self.people: list[P] = []
        self._keyed: dict[P, Traits] = {}  # the traits each person is indexed under
        self._by_name: dict[str, list[P]] | None = None  # built on first use
        self._by_phone: dict[str, list[P]] | None = None
        self._fuzzy: _NearNames[P] | None = None

    # --- knowing people ---

    def add(self, person: P) -> P:
        traits = self.traits_of(person)
        self.people.append(person)
        self._index(person, traits)
        return person

    def rekey(self, person: P) -> None:
        """Index the person under their current traits (a URL adopted, an email added)."""
        old = self._keyed.get(person)
        if old is not None:
            self._unindex(person, old)
        self._index(person, self.traits_of(person))

    def _index(self, person: P, traits: Traits) -> None:
        self._keyed[person] = traits
        if traits.url:
            self.by_url.setdefault(traits.url, person)
        for email in traits.emails:
            self.by_email.setdefault(email, person)
        if self._by_name is not None:
            self._name_index(person, traits)
        if self._by_phone is not None:
            for phone in traits.phones:
                self._by_phone.setdefault(phone, []).append(person)

    def _name_index(self, person: P, traits: Traits) -> None:
        assert self._by_name is not None
        key = name_key(traits.name)
        if key:
            self._by_name.setdefault(key, []).append(person)
            if self._fuzzy is not None:
                self._fuzzy.add(key, person)

    def _unindex(self, person: P, traits: Traits) -> None:
        if traits.url and self.by_url.get(traits.url) is person:
            del self.by_url[traits.url]
        for email in traits.emails:
            if self.by_email.get(email) is person:
                del self.by_email[email]
        if self._by_name is not None:
            _remove(self._by_name, name_key(traits.name), person)
            if self._fuzzy is not None:
                self._fuzzy.remove(name_key(traits.name), person)
        if self._by_phone is not None:
            for phone in traits.phones:
                _remove(self._by_phone, phone, person)

    def named(self, name: str) -> list[P]:
        """Everyone whose name is the same as this one (accents, case, order, titles aside)."""
        if self._by_name is None:
            # Built only when needed (a LinkedIn export with URLs never needs it).
            self._by_name = {}
            for person in self.people:
                self._name_index(person, self._keyed[person])
        return self._by_name.get(name_key(name), [])

    def with_phone(self, phone: str) -> list[P]:
        if self._by_phone is None:
            self._by_phone = {}
            for person in self.people:
                for each in self._keyed[person].phones:
                    self._by_phone.setdefault(each, []).append(person)
        return self._by_phone.get(phone, [])

    # --- finding someone ---

    def find(
        self, record: Traits, *, doubts: bool = False, taken: Container[P] = ()
    ) -> Match[P] | None:
        """The person this record is, a doubt (only with doubts=True), or None for someone new.

        `taken`: people already claimed by other records of the same file, who cannot be this
        one too (two rows of one Connections.csv are two connections).
        """
        if record.url:
            person = self.by_url.get(record.url)
            if person is not None and person not in taken:
                return Match(person, True, "matched by LinkedIn profile")
        for email in record.emails:
            person = self.by_email.get(email)
            if person is not None and person not in taken and not self._conflict(record, person):
                return Match(person, True, f"matched by email {email}")
        if not record.name:
            return None
        namesakes = [
            p for p in self.named(record.name) if p not in taken and not self._conflict(record, p)
        ]
        if namesakes:
            return self._among_namesakes(record, namesakes, doubts)
        return self._near(record, taken) if doubts else None

    def _conflict(self, record: Traits, person: P) -> bool:
        theirs = self.traits_of(person)
        if record.url and theirs.url and record.url != theirs.url:
            return True  # two different profiles are two different people
        return bool(record.connected_on and theirs.connected_on) and (
            record.connected_on != theirs.connected_on  # two different connections
        )

    def _among_namesakes(self, record: Traits, namesakes: list[P], doubts: bool) -> Match[P] | None:
        people = [(p, self.traits_of(p)) for p in namesakes]
        same = [p for p, t in people if _agree(record, t)]
        if len(same) == 1 or (same and not doubts):
            # Several that agree on everything are indistinguishable: any one will do, and
            # `taken` gives each such row of a file its own.
            return Match(same[0], True, _agreement_words(record))
        if same:
            where = f" at {record.company}" if record.company else " without a company"
            reason = f"{len(same)} contacts are named {record.name}{where}; which one is this?"
            return Match(same[0], False, reason)
        dated = [p for p, t in people if record.connected_on and t.connected_on]
        if len(dated) == 1:  # the same connection, who changed jobs since
            return Match(dated[0], True, "matched by name and date connected")
        if not doubts:
            if len(people) > 1:
                return None  # ambiguous: kept apart rather than merged with the wrong namesake
            return Match(people[0][0], True, "matched by name")
        # Someone of the same name with an address of their own is someone else.
        open_question = [(p, t) for p, t in people if not _emails_disjoint(record, t)]
        if not open_question:
            return None
        person, theirs = open_question[0]
        return Match(person, False, _company_differs(record, theirs))

    def _near(self, record: Traits, taken: Container[P]) -> Match[P] | None:
        key = name_key(record.name)
        if not key:
            return None
        if self._fuzzy is None:
            self.named("")  # builds the name index, which the near names grow from
            self._fuzzy = _NearNames()
            assert self._by_name is not None
            for name, people in self._by_name.items():
                for person in people:
                    self._fuzzy.add(name, person)
        phones = set(record.phones)
        best: tuple[float, P, Traits] | None = None
        for their_key, person in self._fuzzy.candidates(key):
            if person in taken or self._conflict(record, person):
                continue
            theirs = self.traits_of(person)
            if _emails_disjoint(record, theirs):
                continue  # both have addresses and none is shared: two people
            same_phone = bool(phones & set(theirs.phones))
            likeness = self._fuzzy.likeness(key, their_key, allowed_extra=2 if same_phone else 1)
            needed = NEAR_LIKENESS_WITH_PHONE if same_phone else NEAR_LIKENESS
            if likeness >= needed and (best is None or likeness > best[0]):
                best = (likeness, person, theirs)
        if best is None:
            return self._by_phone_and_name(record, key, taken)
        likeness, person, theirs = best
        reason = f"The name is close to {theirs.name} ({likeness:.0%} alike)."
        if phones & set(theirs.phones):
            reason = f"The name is close to {theirs.name} and the phone is the same."
        return Match(person, False, reason, score=round(100 * likeness, 1))

    def _by_phone_and_name(self, record: Traits, key: str, taken: Container[P]) -> Match[P] | None:
        """A shared phone and a name that shares a distinctive word: worth asking."""
        for phone in record.phones:
            for person in self.with_phone(phone):
                if person in taken or self._conflict(record, person):
                    continue
                theirs = self.traits_of(person)
                assert self._fuzzy is not None
                likeness = self._fuzzy.likeness(key, name_key(theirs.name), allowed_extra=2)
                if likeness >= NEAR_LIKENESS_WITH_PHONE:
                    reason = f"The phone is the same as {theirs.name}'s."
                    return Match(person, False, reason, score=70.0)
        return None


def _agree(record: Traits, theirs: Traits) -> bool:
    """The same company, position and connected-on date, as far as the record says them."""
    if normalize_name(record.company) != normalize_name(theirs.company):
        return False
    if record.position and normalize_name(record.position) != normalize_name(theirs.position):
        return False
    return record.connected_on is None or record.connected_on == theirs.connected_on


def _agreement_words(record: Traits) -> str:
    if record.connected_on:
        return "matched by name, company, position and date connected"
    return "matched by name and company"


def _emails_disjoint(record: Traits, theirs: Traits) -> bool:
    return bool(record.emails and theirs.emails) and not set(record.emails) & set(theirs.emails)


def _company_differs(record: Traits, theirs: Traits) -> str:
    ours = theirs.company
    if record.company and ours:
        differs = f"the card says “{record.company}”, the contact “{ours}”"
    elif record.company:
        differs = f"the card says “{record.company}”, the contact has no company"
    else:
        differs = f"the card has no company, the contact is at “{ours}”"
    return f"Same name as {theirs.name}, but {differs}."


def _remove(index: dict[str, list[P]], key: str, person: P) -> None:
    people = index.get(key)
    if people and person in people:
        people.remove(person)
        if not people:
            del index[key]


class _NearNames(Generic[P]):
    """Name keys for near matching, and how much each word tells people apart.

    A word shared by many names (a common first name, "de", "al") says little; a rare family
    name says a lot: each word weighs its inverse document frequency among the names known.
    Candidates are found through the record's most distinctive words and words alike to them,
    never by comparing against everyone.
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.people: list[P] = []
        self.gone: set[int] = set()
        self.words: dict[str, list[int]] = {}
        self.by_length: dict[int, list[str]] = {}
        self._weights: dict[str, float] = {}

    def add(self, key: str, person: P) -> None:
        self._weights.clear()
        index = len(self.keys)
        self.keys.append(key)
        self.people.append(person)
        for word in set(key.split()):
            holders = self.words.get(word)
            if holders is None:
                holders = self.words[word] = []
                self.by_length.setdefault(len(word), []).append(word)
            holders.append(index)

    def remove(self, key: str, person: P) -> None:
        for index in self.words.get(key.split()[0], []) if key else []:
            if self.keys[index] == key and self.people[index] is person:
                self.gone.add(index)
                return

    def weight(self, word: str) -> float:
        found = self._weights.get(word)
        if found is None:
            holders = len(self.words.get(word, ()))
            found = self._weights[word] = math.log((len(self.keys) + 1) / (holders + 1)) + 1.0
        return found

    def candidates(self, key: str) -> list[tuple[str, P]]:
        """People sharing one of the record's two most distinctive words (or a word alike to
        it), the few whose whole names come closest first."""
        words = sorted(set(key.split()), key=self.weight, reverse=True)[:2]
        found: set[int] = set()
        for word in words:
            for alike in self.alike_words(word):
                found.update(self.words.get(alike, ()))
        indexes = [i for i in sorted(found) if i not in self.gone]
        closest = process.extract(
            key,
            [self.keys[i] for i in indexes],
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=70,
            limit=_CANDIDATES,
        )
        return [(self.keys[indexes[at]], self.people[indexes[at]]) for _k, _s, at in closest]

    def alike_words(self, word: str) -> list[str]:
        """The word and the known words at least SAME_WORD alike (typos, one letter more)."""
        if len(word) < 3:
            return [word]
        # ratio() is at most 200·min(a, b) / (a + b): only similar lengths can reach the bar.
        low = math.ceil(len(word) * SAME_WORD / (200 - SAME_WORD))
        high = math.floor(len(word) * (200 - SAME_WORD) / SAME_WORD)
        alike = [word]
        for length in range(low, high + 1):
            vocabulary = self.by_length.get(length)
            if vocabulary:
                hits = process.extract(
                    word, vocabulary, scorer=fuzz.ratio, score_cutoff=SAME_WORD, limit=None
                )
                alike.extend(hit for hit, _score, _index in hits if hit != word)
        return alike

    def likeness(self, a: str, b: str, allowed_extra: int = 1) -> float:
        """0-1: the weight of the words both names share (alike words and initials count as
        shared, each word once) over the weight of all their words; 0 when more than
        `allowed_extra` words, particles aside, have no match (another family name is someone
        else)."""
        ours, theirs = a.split(), b.split()
        if not ours or not theirs:
            return 0.0
        pairs = _pair_words(ours, theirs)
        matched_theirs = {j for _i, j, _alike in pairs}
        matched_ours = {i for i, _j, _alike in pairs}
        unmatched = [w for i, w in enumerate(ours) if i not in matched_ours] + [
            w for j, w in enumerate(theirs) if j not in matched_theirs
        ]
        if sum(1 for w in unmatched if w not in _PARTICLES) > allowed_extra:
            return 0.0
        weight = self.weight
        shared = sum((weight(ours[i]) + weight(theirs[j])) * alike for i, j, alike in pairs)
        total = sum(map(weight, ours)) + sum(map(weight, theirs))
        return shared / total if total else 0.0


# Words inside names that say nothing of who someone is.
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "do",
        "di",
        "du",
        "das",
        "dos",
        "del",
        "della",
        "der",
        "den",
        "la",
        "el",
        "al",
        "bin",
        "bint",
        "ibn",
        "van",
        "von",
        "y",
        "e",
    }
)


def _pair_words(ours: list[str], theirs: list[str]) -> list[tuple[int, int, float]]:
    """Each word of one name paired with at most one word of the other, best matches first."""
    scored = sorted(
        (
            (alike, i, j)
            for i, word in enumerate(ours)
            for j, other in enumerate(theirs)
            if (alike := _word_alike(word, other))
        ),
        reverse=True,
    )
    pairs: list[tuple[int, int, float]] = []
    used_ours: set[int] = set()
    used_theirs: set[int] = set()
    for alike, i, j in scored:
        if i not in used_ours and j not in used_theirs:
            used_ours.add(i)
            used_theirs.add(j)
            pairs.append((i, j, alike))
    return pairs


def _word_alike(word: str, other: str) -> float:
    if word == other:
        return 1.0
    if len(word) == 1 or len(other) == 1:  # an initial: "J" and "John"
        return 0.5 if word[0] == other[0] else 0.0
    score = fuzz.ratio(word, other)
    return score / 100 if score >= SAME_WORD else 0.0
