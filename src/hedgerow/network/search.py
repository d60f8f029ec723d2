"""What a search for contacts looks for: a bounded number of words of bounded length.

Every face (the contacts page, `hedgerow contacts QUERY`, `GET /api/v1/contacts?q=`) searches
through here, so a pasted paragraph or a thousand words costs one query of at most MAX_TERMS
conditions, never a join per word, and the person is told which words were searched.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from hedgerow.network.identity import normalize_linkedin_url
from hedgerow.network.models import Contact, ContactEmail

MAX_TERMS = 8  # nobody's name, company and email together need more words than this
MAX_TERM_LENGTH = 64  # longer than any word of a name, a company or an email address
# Only this much of the text is read at all: enough for MAX_TERMS words of full length.
MAX_QUERY_LENGTH = (MAX_TERM_LENGTH + 1) * MAX_TERMS * 2


@dataclass(frozen=True)
class Terms:
    text: str  # the query as searched: the words kept, joined by one space
    words: tuple[str, ...]
    note: str  # what was left out, in one sentence; "" when every word was searched

    def __bool__(self) -> bool:
        return bool(self.words)


def terms_of(query: str) -> Terms:
    """The words a query searches for. Characters that mean something to LIKE or a regular
    expression (`%`, `_`, `[`, `\\`, `.*`) are ordinary letters here: Django escapes them."""
    cleaned = query[:MAX_QUERY_LENGTH].replace("\x00", " ")
    read = cleaned.split()
    words = [word[:MAX_TERM_LENGTH] for word in read[:MAX_TERMS]]
    notes = []
    if len(read) > MAX_TERMS or len(query) > MAX_QUERY_LENGTH:
        notes.append(f"Searched for the first {MAX_TERMS} words.")
    if any(len(word) > MAX_TERM_LENGTH for word in read[:MAX_TERMS]):
        notes.append(f"Each word is searched for by its first {MAX_TERM_LENGTH} letters.")
    return Terms(text=" ".join(words), words=tuple(words), note=" ".join(notes))


def matching_every_word(
    found: QuerySet[Contact], owner, terms: Terms, *, company: bool
) -> QuerySet[Contact]:
    """Contacts where every word is in the name, an email (or the company, when `company`).

    Emails are matched through a subquery, not a join, so no row repeats and no DISTINCT is
    needed; with at most MAX_TERMS words the query stays small whatever was typed."""
    for word in terms.words:
        emails = ContactEmail.objects.filter(owner_id=owner.pk, email__icontains=word)
        wanted = Q(name__icontains=word) | Q(pk__in=emails.values("contact_id"))
        if company:
            wanted |= Q(company__icontains=word)
        found = found.filter(wanted)
    return found


def profile_url(text: str) -> str:
    """The LinkedIn profile a query names, or "" (text like `https://[` is not a URL at all)."""
    try:
        return normalize_linkedin_url(text)
    except ValueError:
        return ""
