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
from hedgerow.lib import text as lib_text
from hedgerow.network.access import contacts_of
from hedgerow.network.models import Contact

WEIGHTS = {"company": 3.0, "position": 2.0, "notes": 1.0}
CORE_BONUS = 0.5
MIN_WORD = 3
MAX_WORDS = 12
CANDIDATES = 400  # contacts scored in Python after the database narrowed them down

# Words that say nothing about a reconnaissance item, beyond the shared function words.
_PLAN_WORD_TEXT = """
    enough thing things time good better best new many every still keep going goal goals plan
    year years week weeks month months day days people person someone something nobody anyone
    everyone help see sees seen seem look looks move moves feel feels think know like lot make
    may need needs want way
"""
PLAN_WORDS = frozenset(_PLAN_WORD_TEXT.split())
STOPWORDS = lib_text.STOPWORDS | PLAN_WORDS


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


PREFIX_FROM = 5  # shorter stems match whole words only, so "see" never finds "Seed"


def _found(stem: str, value: str) -> str | None:
    """The word of `value` in the stem's family, lower-cased, or None. Long stems also start
    longer words ("health" finds "Healthcare"); short ones only their own family."""
    for word in lib_text.words_of(value):
        found = lib_text.stem(word)
        if found == stem or (len(stem) >= PREFIX_FROM and found.startswith(stem)):
            return re.sub(r"['\u2019]s$", "", word.lower())  # "Lumen's" is about Lumen
    return None


def suggest_contacts(*, owner, item: ReconItem, limit: int = 5) -> list[Suggestion]:
    """Up to `limit` of the owner's contacts, best first, not counting those already linked."""
    words = keywords(item.text)
    stems = sorted({lib_text.stem(word) for word in words})
    if not stems:
        return []
    wanted = Q()
    for prefix in {lib_text.common_prefix(word) or word for word in words}:
        for name in WEIGHTS:
            wanted |= Q(**{f"{name}__icontains": prefix})
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
        hits = [hit for stem in stems if value and (hit := _found(stem, value))]
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
    stems = sorted({lib_text.stem(word) for word in keywords(item.text)})
    reasons = {}
    for contact in item.contacts.all():
        suggestion = explain(contact, stems)
        reasons[contact.pk] = suggestion.reason if suggestion else "linked by you"
    return reasons
