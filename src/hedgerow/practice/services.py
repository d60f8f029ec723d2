"""Reflection and practice: aspirations (A1), the action ratio (A2), the visibility log (V1) and
confidence through skills (C1). Pages and commands share these functions.

Verb-first, keyword-only functions; bad input raises `InvalidInput` with one sentence naming the
field; a write spanning rows is one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Avg, Count, F, Max
from django.utils import timezone
from django.utils.safestring import SafeString
from typing_extensions import TypedDict

from hedgerow.lib.charts import Series, line_chart
from hedgerow.lib.dates import day_text
from hedgerow.lib.errors import InvalidInput
from hedgerow.practice import access
from hedgerow.practice.models import (
    Accomplishment,
    ActionTarget,
    Aspiration,
    AspirationAtAge,
    AspirationRating,
    Impulse,
    Pitch,
    PracticeSession,
    Reflection,
)

OLDEST_BIRTH_YEAR = 1900
YOUNGEST_AGE = 10  # a birth year later than this many years ago is surely a typo
DEFAULT_TARGET = 0.5  # as ActionTarget.ratio's default
RATIO_WEEKS = 12
# Rule C1: people speak about 130-150 words a minute; an elevator pitch fits in about a minute.
SLOW_WPM, FAST_WPM = 130, 150
ELEVATOR_SECONDS = 60


# --- small checks ---------------------------------------------------------------------------------


def _required(value: str, field: str, *, max_length: int | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{field} is empty; a few words are enough.")
    return _limited(text, field, max_length)


def _limited(value: str, field: str, max_length: int | None) -> str:
    text = (value or "").strip()
    if max_length is not None and len(text) > max_length:
        raise InvalidInput(f"{field} is {len(text)} characters; keep it under {max_length}.")
    return text


def _score(value: int | None, field: str) -> int:
    if value is None or not 0 <= value <= 10:
        raise InvalidInput(f"{field} must be a whole number from 0 to 10.")
    return value


def _day(day: date | None, field: str) -> date:
    today = timezone.localdate()
    if day is None:
        return today
    if day > today:
        raise InvalidInput(f"{field} is in the future; note it once it has happened.")
    return day


# --- aspiration (A1) ------------------------------------------------------------------------------


def save_aspiration(*, owner, aspiration: str, strategy: str, birth_year: int | None) -> Aspiration:
    """The answers to "what do you aspire to?" and "what is your strategy?" (rule A1)."""
    this_year = timezone.localdate().year
    if birth_year is not None and not (OLDEST_BIRTH_YEAR <= birth_year <= this_year - YOUNGEST_AGE):
        raise InvalidInput(
            f"Birth year must be between {OLDEST_BIRTH_YEAR} and {this_year - YOUNGEST_AGE}."
        )
    row = access.aspiration_of(owner) or Aspiration(owner=owner)
    row.aspiration = aspiration.strip()
    row.strategy = strategy.strip()
    row.birth_year = birth_year
    if row.pk is None:
        row.save()
    else:
        row.save(update_fields=["aspiration", "strategy", "birth_year", "updated_at"])
    return row


def age_this_year(*, birth_year: int | None, today: date | None = None) -> int | None:
    """The age a person reaches this year; we ask only for the year, so a birthday may be ahead."""
    if birth_year is None:
        return None
    return (today or timezone.localdate()).year - birth_year


def ages_to_show(*, birth_year: int | None, today: date | None = None) -> list[int]:
    """The milestone ages (12, 24 … 72) a person has reached; later ones are still ahead."""
    age = age_this_year(birth_year=birth_year, today=today)
    if age is None:
        return []
    return [milestone for milestone in AspirationAtAge.AGES if milestone <= age]


@transaction.atomic
def save_aspirations_at_ages(*, owner, texts: dict[int, str]) -> None:
    """How the aspiration looked at each age; an emptied answer is removed (rule A1)."""
    aspiration = access.aspiration_of(owner)
    allowed = ages_to_show(birth_year=aspiration.birth_year if aspiration else None)
    for age, text in sorted(texts.items()):
        if age not in allowed:
            raise InvalidInput(f"At {age}: add a birth year that makes you at least {age} first.")
        answer = text.strip()
        if answer:
            AspirationAtAge.objects.update_or_create(
                owner=owner, age=age, defaults={"text": answer}
            )
        else:
            access.aspirations_at_age_of(owner).filter(age=age).delete()


def add_reflection(*, owner, period: str, text: str, on: date | None = None) -> Reflection:
    """What I have done in the last year, month, week, or today (rule A1)."""
    if period not in Reflection.Period.values:
        raise InvalidInput("Period must be year, month, week or today.")
    return Reflection.objects.create(
        owner=owner,
        period=period,
        text=_required(text, "What you have done"),
        written_on=_day(on, "The date"),
    )


def delete_reflection(*, reflection: Reflection) -> None:
    reflection.delete()


def latest_reflections(owner) -> dict[str, Reflection | None]:
    """The newest reflection for each period, in the order the questions are asked."""
    latest: dict[str, Reflection | None] = dict.fromkeys(Reflection.Period.values)
    for reflection in access.reflections_of(owner).order_by("-written_on", "-id"):
        if latest[reflection.period] is None:
            latest[reflection.period] = reflection
    return latest


def rate_aspiration(
    *,
    owner,
    clarity: int,
    strategy: int,
    focus: int,
    progress: int | None = None,
    on: date | None = None,
) -> AspirationRating:
    """Clarity, strategy and focus, the keys to an aspiration (rule A1); one rating per day, so
    rating again the same day revises it."""
    scores = {
        "clarity": _score(clarity, "Clarity"),
        "strategy": _score(strategy, "Strategy"),
        "focus": _score(focus, "Focus"),
        "progress": None if progress is None else _score(progress, "Progress"),
    }
    day = _day(on, "The date")
    rating, _ = AspirationRating.objects.update_or_create(
        owner=owner, rated_on=day, defaults=scores
    )
    return rating


def rating_chart(ratings: list[AspirationRating]) -> SafeString | None:
    if len(ratings) < 2:
        return None  # one point is not a line; the table below the form shows it
    return line_chart(
        caption="Clarity, strategy and focus over time, each from 0 to 10.",
        labels=[day_text(rating.rated_on) for rating in ratings],
        series=[
            Series("Clarity", [r.clarity for r in ratings], "series-1"),
            Series("Strategy", [r.strategy for r in ratings], "series-2"),
            Series("Focus", [r.focus for r in ratings], "series-3"),
        ],
        y_max=10,
        y_label="Rated on",
    )


# --- action ratio (A2) ----------------------------------------------------------------------------

DECIDED = (Impulse.Outcome.ACTED, Impulse.Outcome.NOT_ACTED, Impulse.Outcome.SUBSTITUTED)


class ImpulseJson(TypedDict):
    id: int
    text: str
    captured_at: str
    outcome: str
    substitute: str
    was_right: bool | None
    note: str


def impulse_json(impulse: Impulse) -> ImpulseJson:
    """An impulse as the CLI prints it and the API returns it."""
    return {
        "id": impulse.pk,
        "text": impulse.text,
        "captured_at": impulse.captured_at.isoformat(),
        "outcome": impulse.outcome,
        "substitute": impulse.substitute,
        "was_right": impulse.was_right,
        "note": impulse.note,
    }


def capture_impulse(*, owner, text: str) -> Impulse:
    """An impulse to act, noted in one step so it is not lost (rule A2)."""
    return Impulse.objects.create(
        owner=owner,
        text=_required(text, "The impulse", max_length=500),
        captured_at=timezone.now(),
    )


def settle_impulse(
    *,
    impulse: Impulse,
    outcome: str,
    substitute: str = "",
    was_right: bool | None = None,
    note: str = "",
) -> Impulse:
    """Say what became of an impulse: acted on, not acted on, or swapped for something safer.

    Rule A2: a safe substitute (a re-run, a drawer to tidy) is not acting, and counts as such.
    """
    if outcome not in DECIDED:
        raise InvalidInput("Outcome must be acted, not acted, or substituted.")
    if outcome == Impulse.Outcome.SUBSTITUTED:
        substitute = _required(substitute, "What you did instead", max_length=300)
    else:
        substitute = ""
    impulse.outcome = outcome
    impulse.substitute = substitute
    impulse.was_right = was_right
    impulse.note = note.strip()
    # The first decision dates it; a later look back only adds to it.
    impulse.decided_at = impulse.decided_at or timezone.now()
    impulse.save(update_fields=["outcome", "substitute", "was_right", "note", "decided_at"])
    return impulse


def action_ratio(*, acted: int, decided: int) -> float | None:
    """Acted on / decided; None when nothing is decided (no ratio rather than a made-up 0)."""
    return acted / decided if decided else None


class WeekRatioJson(TypedDict):
    week_start: str
    acted: int
    not_acted: int
    substituted: int
    open: int
    ratio: float | None


@dataclass(frozen=True)
class WeekRatio:
    """The impulses that came up in one week (Monday to Sunday) and what became of them."""

    start: date
    acted: int = 0
    not_acted: int = 0
    substituted: int = 0
    open: int = 0

    @property
    def decided(self) -> int:
        return self.acted + self.not_acted + self.substituted

    @property
    def ratio(self) -> float | None:
        return action_ratio(acted=self.acted, decided=self.decided)

    def as_json(self) -> WeekRatioJson:
        ratio = self.ratio
        return {
            "week_start": self.start.isoformat(),
            "acted": self.acted,
            "not_acted": self.not_acted,
            "substituted": self.substituted,
            "open": self.open,
            "ratio": None if ratio is None else round(ratio, 4),
        }


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_ratios(*, owner, weeks: int = RATIO_WEEKS, today: date | None = None) -> list[WeekRatio]:
    """The last `weeks` weeks, oldest first, the current week last. An impulse belongs to the
    week it was captured in; open ones are counted apart and leave the ratio alone until decided.
    """
    first = week_start(today or timezone.localdate()) - timedelta(weeks=weeks - 1)
    counts: dict[date, dict[str, int]] = {
        first + timedelta(weeks=i): dict.fromkeys(Impulse.Outcome.values(), 0) for i in range(weeks)
    }
    since = timezone.make_aware(datetime.combine(first, time.min))
    rows = access.impulses_of(owner).filter(captured_at__gte=since)
    for captured_at, outcome in rows.values_list("captured_at", "outcome"):
        bucket = counts.get(week_start(timezone.localtime(captured_at).date()))
        if bucket is not None:
            bucket[outcome] += 1
    return [
        WeekRatio(
            start=start,
            acted=c["acted"],
            not_acted=c["not_acted"],
            substituted=c["substituted"],
            open=c["open"],
        )
        for start, c in counts.items()
    ]


def overall_ratio(weeks: list[WeekRatio]) -> float | None:
    acted = sum(week.acted for week in weeks)
    return action_ratio(acted=acted, decided=sum(week.decided for week in weeks))


def target_ratio(owner) -> float:
    target = access.action_target_of(owner)
    return DEFAULT_TARGET if target is None else target.ratio


def set_action_target(*, owner, ratio: float) -> ActionTarget:
    """The share of impulses a person aims to act on (rule A2: raise the ratio)."""
    if not 0 <= ratio <= 1:
        raise InvalidInput("Target must be between 0% and 100%.")
    target, _ = ActionTarget.objects.update_or_create(owner=owner, defaults={"ratio": ratio})
    return target


def ratio_chart(weeks: list[WeekRatio], target: float) -> SafeString:
    def percent(value: float | None) -> float | None:
        return None if value is None else round(value * 100)

    return line_chart(
        caption=(
            "Share of decided impulses you acted on, week by week (Monday to Sunday), "
            "with your target as a dashed line. Weeks with nothing decided leave a gap."
        ),
        labels=[day_text(week.start) for week in weeks],
        series=[
            Series("Acted on (%)", [percent(week.ratio) for week in weeks], "series-1"),
            Series("Target (%)", [percent(target)] * len(weeks), "series-2", dashed=True),
        ],
        y_max=100,
        y_label="Week of",
    )


# --- visibility (V1) ------------------------------------------------------------------------------


def log_accomplishment(
    *,
    owner,
    what: str,
    impact: str = "",
    beneficiaries: str = "",
    who_should_know: str = "",
    on: date | None = None,
) -> Accomplishment:
    """Something done worth telling the people it matters to (rule V1)."""
    return Accomplishment.objects.create(
        owner=owner,
        what=_required(what, "What you did"),
        impact=impact.strip(),
        beneficiaries=_limited(beneficiaries, "Who benefited", 300),
        who_should_know=_limited(who_should_know, "Who should know", 300),
        happened_on=_day(on, "The date"),
    )


class AccomplishmentJson(TypedDict):
    id: int
    what: str
    impact: str
    benefited: str
    tell: str
    on: str


def accomplishment_json(done: Accomplishment) -> AccomplishmentJson:
    """An accomplishment as the CLI prints it and the API returns it."""
    return {
        "id": done.pk,
        "what": done.what,
        "impact": done.impact,
        "benefited": done.beneficiaries,
        "tell": done.who_should_know,
        "on": done.happened_on.isoformat(),
    }


def delete_accomplishment(*, accomplishment: Accomplishment) -> None:
    accomplishment.delete()


@dataclass(frozen=True)
class VisibilityUpdate:
    start: date
    end: date
    count: int
    markdown: str
    text: str
    tell: list[str]  # everyone the person noted should know, in first-mentioned order


def compose_update(*, owner, start: date, end: date) -> VisibilityUpdate:
    """A short update for a manager or team over a date range, in Markdown and plain text.

    Rule V1: telling people what you contribute is part of the work, so the tone is plain and
    factual, with an offer to say more - not a sales pitch.
    """
    if start > end:
        raise InvalidInput("The start date is after the end date; swap them round.")
    done = list(
        access.accomplishments_of(owner)
        .filter(happened_on__range=(start, end))
        .order_by("happened_on", "id")
    )
    title = f"What I've been working on, {describe_range(start, end)}"
    intro = "A short round-up of what moved forward, so you know where things stand."
    outro = "Happy to say more about any of these, or to hear what would help most next."
    items = [_update_item(a) for a in done]
    markdown = "\n".join(
        [f"## {title}", "", intro, "", *(f"- **{what}**{rest}" for what, rest in items), "", outro]
    )
    text = "\n".join(
        [title, "", intro, "", *(f"- {what}{rest}" for what, rest in items), "", outro]
    )
    return VisibilityUpdate(
        start=start,
        end=end,
        count=len(done),
        markdown=markdown + "\n",
        text=text + "\n",
        tell=_people_to_tell(done),
    )


def _update_item(accomplishment: Accomplishment) -> tuple[str, str]:
    day = accomplishment.happened_on
    rest = f" ({day.day} {day:%b})."
    if accomplishment.impact:
        rest += " " + _sentence(accomplishment.impact)
    if accomplishment.beneficiaries:
        rest += " " + _sentence(f"It helped {_mid_sentence(accomplishment.beneficiaries)}")
    return _one_line(accomplishment.what).rstrip(".!;:, "), rest


def _one_line(text: str) -> str:
    return " ".join(text.split())


DETERMINERS = frozenset(
    ["the", "a", "an", "our", "my", "your", "their", "his", "her", "its", "all", "every", "each"]
)


def _mid_sentence(text: str) -> str:
    """ "The scheduling team" reads "the scheduling team" inside a sentence; names stay as
    they are."""
    first, _, rest = _one_line(text).partition(" ")
    if first.lower() in DETERMINERS:
        first = first.lower()
    return f"{first} {rest}".strip()


def _sentence(text: str) -> str:
    line = _one_line(text)
    if not line:
        return ""
    line = line[0].upper() + line[1:]
    return line if line[-1] in ".!?" else line + "."


def _people_to_tell(done: list[Accomplishment]) -> list[str]:
    seen: dict[str, str] = {}
    for accomplishment in done:
        for name in accomplishment.who_should_know.split(","):
            name = name.strip()
            if name and name.casefold() not in seen:
                seen[name.casefold()] = name
    return list(seen.values())


def describe_range(start: date, end: date) -> str:
    """ "12 November 2026", "1 to 30 November 2026", "3 October to 30 November 2026"."""
    if start == end:
        return f"{end.day} {end:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


# --- confidence through skills (C1) ---------------------------------------------------------------


def log_practice(
    *,
    owner,
    skill: str,
    situation: str,
    before: int,
    after: int,
    preparation: str = "",
    notes: str = "",
    on: date | None = None,
) -> PracticeSession:
    """One time a person practised a skill, and how confident they felt before and after."""
    if skill not in PracticeSession.Skill.values():
        raise InvalidInput(
            "Skill must be one of: " + ", ".join(PracticeSession.Skill.values()) + "."
        )
    return PracticeSession.objects.create(
        owner=owner,
        skill=skill,
        situation=_required(situation, "The situation"),
        preparation=preparation.strip(),
        confidence_before=_score(before, "Confidence before"),
        confidence_after=_score(after, "Confidence after"),
        notes=notes.strip(),
        practised_on=_day(on, "The date"),
    )


class SkillSummaryJson(TypedDict):
    skill: str
    label: str
    sessions: int
    average_gain: float | None
    last_on: str | None


@dataclass(frozen=True)
class SkillSummary:
    skill: str
    label: str
    sessions: int
    average_gain: float | None  # confidence after minus before, on average
    last_on: date | None

    def as_json(self) -> SkillSummaryJson:
        gain = self.average_gain
        return {
            "skill": self.skill,
            "label": self.label,
            "sessions": self.sessions,
            "average_gain": None if gain is None else round(gain, 2),
            "last_on": self.last_on.isoformat() if self.last_on else None,
        }


def summarize_skills(owner) -> list[SkillSummary]:
    """Every skill in rule C1's order, practised or not yet."""
    rows: dict[str, Any] = {
        row["skill"]: row
        for row in access.practice_sessions_of(owner)
        .values("skill")
        .annotate(
            sessions=Count("id"),
            gain=Avg(F("confidence_after") - F("confidence_before")),
            last_on=Max("practised_on"),
        )
    }
    empty = {"sessions": 0, "gain": None, "last_on": None}
    return [
        SkillSummary(
            skill=skill.value,
            label=skill.label,
            sessions=rows.get(skill.value, empty)["sessions"],
            average_gain=rows.get(skill.value, empty)["gain"],
            last_on=rows.get(skill.value, empty)["last_on"],
        )
        for skill in PracticeSession.Skill
    ]


# --- "who I am and what I do" (C1) ----------------------------------------------------------------


def assemble_pitch(*, who_i_am: str, what_i_do: str, for_whom: str, proof: str, ask: str) -> str:
    """A first draft from the parts, each part continuing the words the form puts before it:
    "I'm …", "I …", "for …", "One example: …", "I'd love to talk about …". The person edits it."""
    sentences = []
    who, what, whom = _part(who_i_am), _part(what_i_do), _part(for_whom)
    if who:
        sentences.append(_sentence(who if _speaks_for_itself(who) else f"I'm {who}"))
    if whom and not whom.lower().startswith("for "):
        whom = f"for {whom}"
    if what:
        lead = what if _speaks_for_itself(what) else f"I {what}"
        sentences.append(_sentence(f"{lead} {whom}" if whom else lead))
    elif whom:
        sentences.append(_sentence(f"My work is {whom}"))
    if proof := _part(proof):
        sentences.append(f"One example: {_sentence(proof)}")
    if ask := _part(ask):
        sentences.append(
            _sentence(ask if _speaks_for_itself(ask) else f"I'd love to talk about {ask}")
        )
    return " ".join(sentences)


def _part(text: str) -> str:
    return _one_line(text).rstrip(".!?;:, ")


def _speaks_for_itself(text: str) -> bool:
    """A part the person already wrote as a whole sentence ("I'm a designer", "My work …")."""
    first = text.split(maxsplit=1)[0].lower().replace("\u2019", "'") if text else ""
    return first in {"i", "i'm", "im", "my", "we", "we're", "i've", "i'd"}


@dataclass(frozen=True)
class SpokenLength:
    words: int
    seconds: int  # at the middle of the range, rounded to five seconds
    shortest: int  # at a brisk 150 words a minute
    longest: int  # at an unhurried 130 words a minute

    @property
    def too_long(self) -> bool:
        return self.seconds > ELEVATOR_SECONDS

    @property
    def label(self) -> str:
        if self.words == 0:
            return "nothing to say yet"
        if self.seconds < 10:
            return "a few seconds"
        minutes, seconds = divmod(self.seconds, 60)
        if not minutes:
            return f"about {seconds} seconds"
        whole = f"{minutes} minute{'s' if minutes > 1 else ''}"
        return f"about {whole}" + (f" {seconds} seconds" if seconds else "")


def spoken_length(text: str) -> SpokenLength:
    """How long the text takes to say aloud, at 130-150 words a minute (rule C1)."""
    words = len(re.findall(r"\S+", text))
    middle = words * 60 / ((SLOW_WPM + FAST_WPM) / 2)
    return SpokenLength(
        words=words,
        seconds=int(5 * round(middle / 5)),
        shortest=round(words * 60 / FAST_WPM),
        longest=round(words * 60 / SLOW_WPM),
    )


PITCH_PARTS = ("who_i_am", "what_i_do", "for_whom", "proof", "ask")


def save_pitch(
    *,
    owner,
    pitch: Pitch | None = None,
    audience: str = "",
    who_i_am: str = "",
    what_i_do: str = "",
    for_whom: str = "",
    proof: str = "",
    ask: str = "",
    text: str = "",
) -> Pitch:
    """Keep a pitch; with no text of its own yet, the draft assembled from its parts."""
    parts = {
        "who_i_am": who_i_am.strip(),
        "what_i_do": what_i_do.strip(),
        "for_whom": for_whom.strip(),
        "proof": proof.strip(),
        "ask": ask.strip(),
    }
    spoken = text.strip() or assemble_pitch(**parts)
    if not spoken:
        raise InvalidInput("The pitch is empty; fill in at least who you are or what you do.")
    row = pitch or Pitch(owner=owner)
    row.audience = _limited(audience, "Who it is for", 200)
    for name, value in parts.items():
        setattr(row, name, value)
    row.text = spoken
    if row.pk is None:
        row.save()
    else:
        row.save(update_fields=["audience", *PITCH_PARTS, "text", "updated_at"])
    return row


def delete_pitch(*, pitch: Pitch) -> None:
    pitch.delete()


# --- JSON shapes the CLI prints and the API returns (C1) ------------------------------------------


class SpokenLengthJson(TypedDict):
    words: int
    seconds: int
    shortest: int
    longest: int
    label: str
    too_long: bool


def spoken_length_json(length: SpokenLength) -> SpokenLengthJson:
    return {
        "words": length.words,
        "seconds": length.seconds,
        "shortest": length.shortest,
        "longest": length.longest,
        "label": length.label,
        "too_long": length.too_long,
    }


class PitchJson(TypedDict):
    id: int
    audience: str
    who: str
    what: str
    for_whom: str
    proof: str
    ask: str
    text: str
    spoken: SpokenLengthJson
    updated_at: str


def pitch_json(pitch: Pitch) -> PitchJson:
    """A saved pitch, its parts named as `hedgerow practice pitch` names its flags."""
    return {
        "id": pitch.pk,
        "audience": pitch.audience,
        "who": pitch.who_i_am,
        "what": pitch.what_i_do,
        "for_whom": pitch.for_whom,
        "proof": pitch.proof,
        "ask": pitch.ask,
        "text": pitch.text,
        "spoken": spoken_length_json(spoken_length(pitch.text)),
        "updated_at": pitch.updated_at.isoformat(),
    }


class PracticeSessionJson(TypedDict):
    id: int
    skill: str
    on: str
    before: int
    after: int
    gain: int


def practice_session_json(session: PracticeSession) -> PracticeSessionJson:
    """A practice session, its skill named as `hedgerow practice log --skill` names it."""
    return {
        "id": session.pk,
        "skill": session.skill.replace("_", "-"),
        "on": session.practised_on.isoformat(),
        "before": session.confidence_before,
        "after": session.confidence_after,
        "gain": session.confidence_after - session.confidence_before,
    }
