"""People in the person's own network who could help with a reconnaissance item (rules G4, N9).

Matching is plain and explainable: the item's meaningful words are looked for at the start of
words in each contact's company, position and notes. A company match weighs most (they are
inside the place the item is about), then the position (they do that kind of work), then the
person's own notes. Core contacts get a small nudge: asking for help is easier where the
relationship is already warm (rule N9). Every suggestion says why it was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from hedgerow.goals.models import ReconItem
from hedgerow.network.access import contacts_of
from hedgerow.network.models import Contact

WEIGHTS = {"company": 3.0, "position": 2.0, "notes": 1.0}
CORE_BONUS = 0.5
MIN_WORD = 3
MAX_WORDS = 12
CANDIDATES = 400  # contacts scored in Python after the database narrowed them down

_STOPWORD_TEXT = """
    about above after again against all also and any are because been before being below
    between both but can cannot could did does doing don down during each few for from get
    got had has have having her here hers him his how into its just know like lot make may
    more most much must need needs not now off once only other our out over own same she
    should some such than that the their them then there these they this those through too
    under until very want was way were what when where which while who whom why will with
    without would you your yours i'm i've don't can't won't isn't enough really thing things
    time good better best new many every still keep going goal goals plan year years week
    weeks month months day days people person someone something nobody anyone everyone help
    see sees seen seem look looks move moves feel feels think
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass
class Suggestion:
    contact: Contact
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def keywords(text: str) -> list[str]:
    """The item's words worth matching: lower-case, no stop words, first ones first."""
    seen: list[str] = []
    text = text.lower().replace("\u2019", "'")
    for word in re.findall(r"[a-z0-9][a-z0-9+#.'-]*[a-z0-9+#]|[a-z0-9]", text):
        word = re.sub(r"'s$", "", word).strip("'.-")  # "Acme's" is about Acme
        if len(word) < MIN_WORD or word in STOPWORDS or word in seen:
            continue
        seen.append(word)
    return seen[:MAX_WORDS]


def _stem(word: str) -> str:
    """A crude singular so "designers" finds "Designer" and "classes" finds "class"."""
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


PREFIX_FROM = 5  # shorter stems match whole words only, so "see" never finds "Seed"


def _found(stem: str, text: str) -> bool:
    """The stem at the start of a word: long stems also start longer words ("health" finds
    "Healthcare"); short ones only themselves, give or take a plural."""
    ending = "" if len(stem) >= PREFIX_FROM else r"(?:s|es)?(?![a-z0-9])"
    return re.search(rf"(?<![a-z0-9]){re.escape(stem)}{ending}", text.lower()) is not None


def suggest_contacts(*, owner, item: ReconItem, limit: int = 5) -> list[Suggestion]:
    """Up to `limit` of the owner's contacts, best first, not counting those already linked."""
    stems = sorted({_stem(word) for word in keywords(item.text)})
    if not stems:
        return []
    wanted = Q()
    for stem in stems:
        for name in WEIGHTS:
            wanted |= Q(**{f"{name}__icontains": stem})
    linked = item.contacts.values_list("pk", flat=True)
    candidates = contacts_of(owner).filter(wanted).exclude(pk__in=linked).order_by("name", "id")
    suggestions = []
    for contact in candidates[:CANDIDATES]:
        suggestion = explain(contact, stems)
        if suggestion is not None:
            suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.contact.name, s.contact.pk))
    return suggestions[:limit]


def explain(contact: Contact, stems: list[str]) -> Suggestion | None:
    """Score one contact against the item's word stems, with a reason for each match."""
    suggestion = Suggestion(contact=contact, score=0.0)
    for name, weight in WEIGHTS.items():
        value: str = getattr(contact, name)
        hits = [stem for stem in stems if value and _found(stem, value)]
        if not hits:
            continue
        suggestion.score += weight * len(hits)
        suggestion.reasons.append(_reason(name, value, hits))
    if not suggestion.reasons:
        return None
    if contact.is_core:
        suggestion.score += CORE_BONUS
        suggestion.reasons.append("a core contact, already close")
    return suggestion


def _reason(name: str, value: str, hits: list[str]) -> str:
    words = ", ".join(f"“{hit}”" for hit in hits)
    if name == "company":
        return f"works at {value} ({words})"
    if name == "position":
        return f"is {value} ({words})"
    return f"your notes on them mention {words}"


def explain_linked(item: ReconItem) -> dict[int, str]:
    """Why each contact already linked to the item fits it, where the words still match."""
    stems = sorted({_stem(word) for word in keywords(item.text)})
    reasons = {}
    for contact in item.contacts.all():
        suggestion = explain(contact, stems)
        reasons[contact.pk] = suggestion.reason if suggestion else "linked by you"
    return reasons
