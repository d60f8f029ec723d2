"""The demo person's practice (rules A1, A2, V1, C1): what `make run` shows on Practice.

Everything goes through the same services a person uses; only the dates are moved back afterwards,
because the services stamp "now" and the demo needs a past.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

IMPULSES = (
    ("Ask to lead the Tuesday planning meeting", "acted", ""),
    ("Write to the speaker from the health-tech meetup", "acted", ""),
    ("Sign up for the public speaking workshop", "substituted", "Re-read old slides instead"),
    ("Offer to mentor the new analyst", "acted", ""),
    ("Propose the pilot in the all-hands", "not_acted", ""),
    ("Call Priya about the opening at her company", "acted", ""),
    ("Post my notes from the product course", "substituted", "Tidied my reading list"),
    ("Ask my director for feedback on the proposal", "acted", ""),
    ("Volunteer to demo the prototype", "acted", ""),
    ("Reply to the recruiter with questions", "not_acted", ""),
    ("Book a practice interview with Sam", "acted", ""),
    ("Share the pilot results with the wider team", "open", ""),
)


def load_practice_demo(user: AbstractUser, *, today: date | None = None) -> None:
    """Give the demo person some practice; does nothing a second time."""
    from django.db import transaction
    from django.utils import timezone

    from hedgerow.practice.models import Aspiration

    if Aspiration.objects.filter(owner_id=user.pk).exists():
        return
    today = today or timezone.localdate()
    with transaction.atomic():
        _aspiration(user, today)
        _impulses(user, today)
        _visibility_and_skills(user, today)


def _aspiration(user: AbstractUser, today: date) -> None:
    from hedgerow.practice import services as practice

    practice.save_aspiration(
        owner=user,
        aspiration="To build calm, useful tools for people who care for others.",
        strategy="Grow from advising teams to leading one, in health care.",
        birth_year=today.year - 38,
    )
    practice.save_aspirations_at_ages(
        owner=user,
        texts={
            12: "To be a vet, or an inventor.",
            24: "To be taken seriously at work.",
            36: "To make things, not only recommend them.",
        },
    )
    for period, text in (
        ("year", "Changed teams twice and learned what I like: building with people."),
        ("month", "Proposed a pilot and got a yes."),
        ("week", "Practised two interviews."),
    ):
        practice.add_reflection(owner=user, period=period, text=text, on=today)
    for months_ago, clarity, strategy, focus in ((5, 4, 3, 3), (3, 6, 4, 5), (1, 7, 6, 6)):
        practice.rate_aspiration(
            owner=user,
            clarity=clarity,
            strategy=strategy,
            focus=focus,
            on=today - timedelta(days=30 * months_ago),
        )


def _impulses(user: AbstractUser, today: date) -> None:
    from django.utils import timezone

    from hedgerow.practice import services as practice
    from hedgerow.practice.models import Impulse

    practice.set_action_target(owner=user, ratio=0.6)
    for index, (text, outcome, substitute) in enumerate(IMPULSES):
        impulse = practice.capture_impulse(owner=user, text=text)
        if outcome != "open":
            practice.settle_impulse(impulse=impulse, outcome=outcome, substitute=substitute)
        # Spread over the last eight weeks, oldest first, so the weekly ratio has a trend.
        day = today - timedelta(days=5 * (len(IMPULSES) - 1 - index))
        moment = timezone.make_aware(datetime.combine(day, time(10)))
        decided = moment + timedelta(days=1) if outcome != "open" else None
        Impulse.objects.filter(pk=impulse.pk).update(captured_at=moment, decided_at=decided)


def _visibility_and_skills(user: AbstractUser, today: date) -> None:
    from hedgerow.practice import services as practice

    for days_ago, what, impact, benefited, tell in (
        (
            20,
            "Ran five user interviews for the scheduling tool",
            "Found the two steps nurses skip",
            "The scheduling team",
            "My director",
        ),
        (
            9,
            "Wrote the pilot proposal",
            "Approved for a three-person pilot",
            "Our clinic clients",
            "My director, the product guild",
        ),
        (
            3,
            "Mentored the new analyst through her first client workshop",
            "She ran the second one alone",
            "The analyst and the client",
            "Her manager",
        ),
    ):
        practice.log_accomplishment(
            owner=user,
            what=what,
            impact=impact,
            beneficiaries=benefited,
            who_should_know=tell,
            on=today - timedelta(days=days_ago),
        )
    for days_ago, skill, situation, before, after in (
        (30, "interview", "Mock interview with Sam for a product lead role", 3, 5),
        (16, "introduction", "Introduced myself at the health-tech meetup", 4, 6),
        (5, "public_speaking", "Presented the pilot proposal to twelve people", 4, 7),
    ):
        practice.log_practice(
            owner=user,
            skill=skill,
            situation=situation,
            before=before,
            after=after,
            on=today - timedelta(days=days_ago),
        )
    # Each part continues the words the pitch builder puts before it ("I'm …", "I …", …).
    practice.save_pitch(
        owner=user,
        audience="Health-tech meetups",
        who_i_am="a consultant who has spent six years inside product teams",
        what_i_do="help health-tech teams find out what clinic staff really need",
        proof="five interviews last month showed which two steps nurses skip",
        ask="how your team decides what to build next",
    )
