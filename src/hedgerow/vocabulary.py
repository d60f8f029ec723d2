"""The words Hedgerow's models, CLI and API share: one list of each, said once.

Plain Python (no Django), so building the `hedgerow` parser stays fast and every face of the app
offers exactly the values the models store. Each member carries the label people read.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Term(StrEnum):
    """A stored value with the label people read: `Skill.INTERVIEW.label` is "Interviews"."""

    label: str

    def __new__(cls, value: str, label: str) -> Any:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs, as Django's fields and forms take them."""
        return [(member.value, member.label) for member in cls]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @classmethod
    def label_of(cls, value: str) -> str:
        return cls._value2member_map_[value].label  # type: ignore[attr-defined]

    @property
    def option(self) -> str:
        """How the CLI spells it: kebab-case ("new-position")."""
        return self.value.replace("_", "-")


class InteractionKind(Term):
    MESSAGE = "message", "Message"
    EMAIL = "email", "Email"
    CALL = "call", "Call"
    MEETING = "meeting", "Meeting"
    NOTE = "note", "Note"


class UpdateKind(Term):
    """Rule N1: the kinds of update that are a reason to write."""

    NEW_POSITION = "new_position", "New position"
    PROFILE_CHANGE = "profile_change", "Profile change"
    POST = "post", "Post, comment or shared link"


class AgendaKind(Term):
    """The Today items a person can settle or set aside (rules N1, N5, N8)."""

    UPDATE = "update", "An update worth a note"
    FOLLOW_UP = "follow-up", "A warm reply after an acceptance"
    DUE = "due", "A core contact due a note"


class Answer(Term):
    """What a person does about someone on Today's queue: one way to say each thing (N1, N5, N8).
    Writing itself is the composer's; these record what happened without it."""

    WROTE = "wrote", "I already wrote"
    NOT_NOW = "not-now", "Not now"
    SKIP = "skip", "Skip"


class NotNow(Term):
    """When someone set aside with "Not now" comes back to Today."""

    TOMORROW = "tomorrow", "Tomorrow"
    NEXT_WEEK = "next-week", "Next week"
    NEXT_MONTH = "next-month", "Next month"


class Occasion(Term):
    """What a note is for: the coach drafts and checks each differently (rules N2-N5, N8)."""

    ACKNOWLEDGEMENT = "acknowledgement", "An update worth a note"
    INVITATION = "invitation", "An invitation"
    FOLLOW_UP = "follow-up", "A warm reply to an acceptance"
    KEEP_IN_TOUCH = "keep-in-touch", "Keeping in touch"


class Skill(Term):
    """Rule C1: the skills that confidence comes from."""

    INTERVIEW = "interview", "Interviews"
    INTRODUCTION = "introduction", "Saying who I am and what I do"
    COLD_CALL = "cold_call", "Cold calls"
    DIFFICULT_CONVERSATION = "difficult_conversation", "Difficult conversations"
    PUBLIC_SPEAKING = "public_speaking", "Speaking in public"


class ImpulseOutcome(Term):
    """Rule A2: what became of an impulse to act; a safe substitute is not acting."""

    OPEN = "open", "Not decided yet"
    ACTED = "acted", "Acted on it"
    NOT_ACTED = "not_acted", "Did not act"
    SUBSTITUTED = "substituted", "Did something safer instead"


# A Today reason and the note that answers it (rules N1, N5, N8).
OCCASION_FOR_AGENDA: dict[str, Occasion] = {
    AgendaKind.UPDATE: Occasion.ACKNOWLEDGEMENT,
    AgendaKind.FOLLOW_UP: Occasion.FOLLOW_UP,
    AgendaKind.DUE: Occasion.KEEP_IN_TOUCH,
}


class ImportSource(Term):
    LINKEDIN = "linkedin", "LinkedIn data export"
    VCARD = "vcard", "vCard file"
    GOOGLE_CSV = "google-csv", "Google Contacts CSV"
    MBOX = "mbox", "Mail (mbox)"
    ICS = "ics", "Calendar (.ics)"


def from_option(term: type[Term], option: str) -> Term:
    """The member the CLI's kebab-case spelling names ("new-position" -> NEW_POSITION)."""
    return next(member for member in term if member.option == option)
