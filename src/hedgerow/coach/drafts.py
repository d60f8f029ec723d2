"""First drafts of a note, written from what Hedgerow knows and nothing more.

A draft is a starting point the person makes their own. Every phrasing is ours; each one keeps to
the method for its occasion (N1/N2 acknowledgement, N4 invitation, N5 warm reply, N8 keep in
touch). Whatever we do not know stays a visible placeholder in square brackets, which the coach
flags until the person fills it in: a draft never invents a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.accounts.models import Position
from hedgerow.coach.checks import Report, check_note
from hedgerow.network.models import Contact, Interaction, Update
from hedgerow.network.suggest import SharedHistory, shared_history
from hedgerow.vocabulary import Occasion

OCCASIONS = Occasion.values()
PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\]")
# Words that open a short summary of a post ("Posted about remote onboarding").
POST_OPENINGS = re.compile(
    r"^(posted|wrote|shared|commented|published)( a post| an article| a link)?"
    r"( about| on)?\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SharedEmployer:
    """A company on the owner's own history (Positions.csv) that the contact works or worked at."""

    company: str
    owner_years: str  # "2018-2021", "since 2022" or "" when the owner's dates are unknown
    together_now: bool  # both there today: the owner's position there has not ended


@dataclass(frozen=True)
class LastConversation:
    on: date
    kind: str
    subject: str


@dataclass(frozen=True)
class Facts:
    """What a draft may rely on. Anything missing here becomes a placeholder."""

    first_name: str
    company: str
    title: str
    update: Update | None = None
    shared: SharedEmployer | None = None
    last: LastConversation | None = None
    # Rule N10: a thread or meeting from the owner's mail and calendar, for an invitation (N4).
    history: SharedHistory | None = None


@dataclass(frozen=True)
class Draft:
    occasion: str
    contact: Contact
    text: str
    about: str  # what the note answers: the `about` the coach checks it against
    names: list[str] = field(default_factory=list)  # proper nouns the spell-checker must accept
    shift: int = 0  # 0 is this contact's usual phrasing; "another phrasing" adds one
    phrasings: int = 1

    @property
    def placeholders(self) -> list[str]:
        return placeholders_in(self.text)


def placeholders_in(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


# --- what Hedgerow knows -------------------------------------------------------------------------


def gather_facts(*, contact: Contact, update: Update | None = None) -> Facts:
    first = contact.first_name.strip() or (contact.name.split() or [""])[0]
    company, title = contact.company.strip(), contact.position.strip()
    if update is not None and update.kind == Update.Kind.NEW_POSITION:
        new = (update.detail or {}).get("new") or {}
        company = str(new.get("company") or "").strip() or company
        title = str(new.get("position") or "").strip() or title
    return Facts(
        first_name=first,
        company=company,
        title=title,
        update=update,
        shared=shared_employer(contact=contact, update=update),
        last=last_conversation(contact=contact),
        history=shared_history(contact),
    )


def _same_company(a: str, b: str) -> bool:
    def key(name: str) -> str:
        return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()

    return bool(key(a)) and key(a) == key(b)


def shared_employer(*, contact: Contact, update: Update | None = None) -> SharedEmployer | None:
    """Rule N10: an employer in the owner's own history that the contact is or was at."""
    companies = [contact.company]
    if update is not None and update.kind == Update.Kind.NEW_POSITION:
        detail = update.detail or {}
        companies += [str((detail.get(k) or {}).get("company") or "") for k in ("new", "old")]
    positions = Position.objects.filter(owner_id=contact.owner_id).order_by("-started_on")
    for position in positions:
        if any(_same_company(position.company, company) for company in companies):
            return SharedEmployer(
                company=position.company,
                owner_years=_years(position.started_on, position.finished_on),
                together_now=position.finished_on is None
                and _same_company(position.company, contact.company),
            )
    return None


def _years(started: date | None, finished: date | None) -> str:
    if started is None:
        return ""
    if finished is None:
        return f"since {started.year}"
    if finished.year == started.year:
        return str(started.year)
    return f"{started.year}-{finished.year}"


def last_conversation(*, contact: Contact) -> LastConversation | None:
    last = (
        contact.interactions.exclude(kind=Interaction.Kind.NOTE)
        .order_by("-occurred_at")
        .only("occurred_at", "kind", "subject")
        .first()
    )
    if last is None:
        return None
    return LastConversation(
        on=timezone.localdate(last.occurred_at), kind=last.kind, subject=last.subject.strip()
    )


def open_update(contact: Contact) -> Update | None:
    """The update an acknowledgement answers: the newest one not yet acknowledged (rule N1)."""
    updates = contact.updates.order_by("-detected_on", "-id")
    return updates.filter(acknowledged_on__isnull=True).first() or updates.first()


# --- pieces of sentences -------------------------------------------------------------------------


def _role(facts: Facts) -> str:
    """'your new role as Head of Design at Lumen', as far as we know it."""
    if facts.title and facts.company:
        return f"your new role as {facts.title} at {facts.company}"
    if facts.company:
        return f"your move to {facts.company}"
    if facts.title:
        return f"your new role as {facts.title}"
    return "your new role ([their new role])"


def _post_topic(summary: str) -> str:
    topic = POST_OPENINGS.sub("", summary.strip()).rstrip(".")
    return topic if topic else "[what they shared]"


def _shared_memory(facts: Facts) -> str:
    """A concrete shared experience (rule N4). We may know the employer, never the project."""
    if facts.history is not None:  # the evidence from mail and calendar says what it was
        return facts.history.phrase
    if facts.shared is None:
        return "[something we worked on or experienced together]"
    if facts.shared.together_now:
        return f"[something we worked on together at {facts.shared.company}]"
    return f"our time at {facts.shared.company} ([something we worked on together])"


CONVERSATION_WORDS: dict[str, str] = {"call": "call", "meeting": "meeting", "email": "emails"}


def _since_we_spoke(facts: Facts) -> str:
    last = facts.last
    if last is None:
        return "since [when you were last in touch]"
    when = f"{last.on:%B}" if last.on.year == timezone.localdate().year else f"{last.on:%B %Y}"
    kind = CONVERSATION_WORDS.get(last.kind, "messages")
    subject = f" about {last.subject}" if last.subject else ""
    return f"since our {kind}{subject} in {when}"


def _at_company(facts: Facts) -> str:
    return f" at {facts.company}" if facts.company else ""


# --- the phrasings, one list per occasion ---------------------------------------------------------

Phrasing = Callable[[Facts], str]


def _acknowledge(facts: Facts) -> list[Phrasing]:
    update = facts.update
    if update is not None and update.kind == Update.Kind.POST:
        topic = _post_topic(update.summary)
        return [
            lambda f: (
                f"Hi {f.first_name}, I enjoyed your post about {topic}. "
                "[What stayed with you from it] made me think. "
                "What got you interested in it?"
            ),
            lambda f: (
                f"{f.first_name}, thank you for sharing your thoughts on {topic}. "
                "[The point that caught your eye] rang true for me. "
                "I'd love to hear how it plays out in your work."
            ),
            lambda f: (
                f"Hi {f.first_name}, your post about {topic} caught my eye, especially "
                "[the part you liked]. Are you working on this yourself at the moment?"
            ),
        ]
    if update is not None and update.kind == Update.Kind.PROFILE_CHANGE:
        change = update.summary.strip().rstrip(".")
        return [
            lambda f: (
                f"Hi {f.first_name}, I noticed your profile update ({change}). "
                "[What caught your eye about it]. What are you focusing on these days?"
            ),
            lambda f: (
                f"{f.first_name}, I saw your update: {change}. "
                "It sounds like an interesting change. How is it going for you?"
            ),
        ]
    return [
        lambda f: (
            f"Hi {f.first_name}, congratulations on {_role(f)}! "
            "What drew you to it, and what are you most looking forward to?"
        ),
        lambda f: (
            f"Congratulations, {f.first_name}! I saw the news about {_role(f)}. "
            "How are the first weeks going? I'd love to hear what you're working on."
        ),
        lambda f: (
            f"{f.first_name}, what lovely news about {_role(f)}. "
            "I hope you're enjoying it. What does a good week there look like for you?"
        ),
    ]


def _invite(facts: Facts) -> list[Phrasing]:
    # Rule N4: (a) something concrete we shared and (b) what they do now and how they enjoy it.
    # Kept under 200 characters with their placeholders, LinkedIn's limit on free accounts.
    return [
        lambda f: (
            f"Hi {f.first_name}, I still think of {_shared_memory(f)}. "
            "What are you working on now, and how are you enjoying it?"
        ),
        lambda f: (
            f"{f.first_name}, {_shared_memory(f)} came to mind the other day. "
            "I'd love to reconnect. What's keeping you busy these days?"
        ),
        lambda f: (
            f"Hello {f.first_name}! Remembering {_shared_memory(f)}, I wondered "
            "how you are. What are you doing now, and are you enjoying it?"
        ),
    ]


def _reply_warmly(facts: Facts) -> list[Phrasing]:
    # Rule N5: short and warm, proposing to catch up in person or by email.
    return [
        lambda f: (
            f"Thanks for connecting, {f.first_name}! It would be lovely to catch up. "
            "Would you be up for a coffee or a short call soon, or email if that's easier?"
        ),
        lambda f: (
            f"{f.first_name}, I'm so glad we're connected. I'd love to hear how things are "
            f"going{_at_company(f)}. Could we catch up over coffee, or by email if you prefer?"
        ),
        lambda f: (
            f"Thank you for accepting, {f.first_name}. How about a quick call or a coffee "
            "sometime soon? I'd really like to hear what you're working on."
        ),
    ]


def _keep_in_touch(facts: Facts) -> list[Phrasing]:
    # Rule N8: a light hello to a core contact, about them, with a question.
    return [
        lambda f: (
            f"Hi {f.first_name}, you came to mind today. It's been a while "
            f"{_since_we_spoke(f)}. How are things going{_at_company(f)}? "
            "I'd love to hear what you're working on."
        ),
        lambda f: (
            f"{f.first_name}, I hope you're well! A lot must have happened "
            f"{_since_we_spoke(f)}. What are you most excited about at the moment?"
        ),
        lambda f: (
            f"Hello {f.first_name}, I was thinking of [something you remember about them] "
            f"and wondered how you are. What's keeping you busy{_at_company(f)} these days?"
        ),
    ]


PHRASINGS: dict[str, Callable[[Facts], list[Phrasing]]] = {
    "acknowledgement": _acknowledge,
    "invitation": _invite,
    "follow-up": _reply_warmly,
    "keep-in-touch": _keep_in_touch,
}


def _about(occasion: str, facts: Facts) -> str:
    """The update or shared experience the coach's "specific" check looks for."""
    if occasion == "acknowledgement" and facts.update is not None:
        if facts.update.kind == Update.Kind.NEW_POSITION:
            return " at ".join(part for part in (facts.title, facts.company) if part)
        return facts.update.summary
    if occasion == "invitation" and facts.history is not None:
        return facts.history.subject
    if occasion == "invitation" and facts.shared is not None:
        return facts.shared.company
    if occasion == "keep-in-touch" and facts.last is not None and facts.last.subject:
        return facts.last.subject
    return ""


def _names(contact: Contact, facts: Facts) -> list[str]:
    """Proper nouns from the context, so the spell-checker does not flag them."""
    texts = [contact.name, contact.first_name, contact.last_name, facts.company, facts.title]
    if facts.shared is not None:
        texts.append(facts.shared.company)
    if facts.history is not None:
        texts.append(facts.history.subject)
    words = {w for text in texts for w in re.findall(r"[^\W\d_][\w'-]*", text or "")}
    return sorted(words)


@dataclass(frozen=True)
class CheckContext:
    """What the coach reads a note to this contact against: their name, what the note answers,
    and the proper nouns spelling must accept. The composer, the CLI and the API share it."""

    to: str
    about: str
    names: list[str]


def _facts_for(contact: Contact, occasion: str, update: Update | None) -> Facts:
    if occasion not in OCCASIONS:
        raise ValueError(f"occasion must be one of {', '.join(OCCASIONS)}")
    if occasion == "acknowledgement" and update is None:
        update = open_update(contact)
    return gather_facts(contact=contact, update=update)


def check_context(*, contact: Contact, occasion: str, update: Update | None = None) -> CheckContext:
    """The context for checking a note, without writing a draft (the live check's every call)."""
    facts = _facts_for(contact, occasion, update)
    return CheckContext(
        to=contact.name, about=_about(occasion, facts), names=_names(contact, facts)
    )


def write_draft(
    *, contact: Contact, occasion: str, update: Update | None = None, shift: int = 0
) -> Draft:
    """A first draft for the occasion. `shift` 0 picks this contact's usual one; each step
    after that is "another phrasing", so two people rarely get the very same words."""
    facts = _facts_for(contact, occasion, update)
    choices = PHRASINGS[occasion](facts)
    index = (contact.pk + shift) % len(choices)
    return Draft(
        occasion=occasion,
        contact=contact,
        text=choices[index](facts),
        about=_about(occasion, facts),
        names=_names(contact, facts),
        shift=shift,
        phrasings=len(choices),
    )


# --- the shape `hedgerow draft --json` and GET /api/v1/coach/draft share ------------------------


class DraftContact(TypedDict):
    id: int
    name: str


class DraftJson(TypedDict):
    occasion: str
    contact: DraftContact
    text: str
    placeholders: list[str]
    check: Report


def draft_as_json(draft: Draft) -> DraftJson:
    """The draft with the coach's first read of it, as scripts receive it."""
    contact = draft.contact
    return {
        "occasion": draft.occasion,
        "contact": {"id": contact.pk, "name": contact.name},
        "text": draft.text,
        "placeholders": draft.placeholders,
        "check": check_note(
            draft.text, draft.occasion, to=contact.name, about=draft.about, names=draft.names
        ),
    }
