"""The demo person's goal and practice, ten weeks in: what `make run` shows on Goal and Practice.

Everything goes through the same services a person uses; only the dates are moved back afterwards,
because the services stamp "now" and the demo needs a past.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

WEEKS_IN = 9  # check-ins recorded so far; the demo is on day 6 of week 10, so one is due
SKIPPED_WEEK = 6  # one quiet week, which the streak forgives (rule G6)
PROGRESS = (1, 1, 2, 2, 3, 3, 4, 4, 4)
CONFIDENCE = (4, 5, 5, 4, 6, 6, 6, 7, 7)
WEEK_NOTES = (
    ("Wrote down why now, and asked two friends to hold me to it.", "Saying it out loud helps."),
    (
        "Listed ten product leads I already know.",
        "I know more people in health tech than I thought.",
    ),
    ("Coffee with a former colleague who moved to a clinic startup.", "They hire for judgement."),
    ("Started the product discovery course.", "Interviews are a skill I can practise."),
    ("Ran my first user interview at work.", "Listening beats pitching."),
    ("", ""),
    ("Mapped the hiring process at three companies.", "Two of them hire from consulting."),
    (
        "Presented a product proposal to my director.",
        "I undersell the work; say the outcome first.",
    ),
    ("Asked for a small team to pilot the idea.", "A yes was easier than I feared."),
)
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


def load_goal_demo(user: AbstractUser, *, today: date | None = None) -> None:
    """Give the demo person a goal ten weeks in and some practice; does nothing a second time."""
    from django.db import transaction
    from django.utils import timezone

    from hedgerow.goals.models import Goal

    if Goal.objects.filter(owner_id=user.pk).exists():
        return
    today = today or timezone.localdate()
    with transaction.atomic():
        _plan(user, today)
        _aspiration(user, today)
        _impulses(user, today)
        _visibility_and_skills(user, today)


def _plan(user: AbstractUser, today: date) -> None:
    from hedgerow.goals import services

    start = today - timedelta(weeks=WEEKS_IN, days=5)
    goal = services.start_goal(
        owner=user,
        sentence="I will lead a product team at a health-tech company by October 2027, "
        "by growing a pilot team at my current job first.",
        why_now="I have spent six years advising product teams; I want to run one, "
        "and the pilot at work is a real chance to start.",
        start_date=start,
    )
    services.revise_value(
        goal=goal,
        value="Clinics get tools their staff actually use, because I listen before I build.",
        value_for="Clinic staff, their patients, and the team I would lead.",
    )
    for text in ("But I have never managed a team of my own.", "but with two kids evenings vanish"):
        services.add_blocker(goal=goal, text=text)
    for kind, side, text in (
        ("obstacle", "inside", "I downplay my own results."),
        ("obstacle", "outside", "Few product roles in health tech near home."),
        ("enabler", "outside", "Former colleagues now work at health-tech companies."),
        ("enabler", "inside", "Years of interviewing clients about what they need."),
        ("blind_spot", "inside", "How hiring managers see a move from consulting."),
    ):
        services.add_recon_item(goal=goal, kind=kind, side=side, text=text)
    services.add_approach(goal=goal, text="Talk with two product leads in health tech a month.")
    services.add_approach(goal=goal, text="Take the product discovery course this winter.")
    for weeks, title, done in (
        (4, "Finish the product discovery course", True),
        (12, "Run the pilot with three people", False),
        (30, "Apply to five health-tech product roles", False),
    ):
        milestone = services.add_milestone(
            goal=goal, title=title, due_on=start + timedelta(weeks=weeks)
        )
        if done:
            services.mark_milestone(milestone=milestone, done=True)
    for text in ("Ask Priya how her team hires", "Draft the pilot's first month"):
        services.add_next_action(goal=goal, text=text)
    for week, (did, learned) in enumerate(WEEK_NOTES, start=1):
        if week == SKIPPED_WEEK:
            continue
        services.record_checkin(
            goal=goal,
            week=week,
            did=did,
            learned=learned,
            progress=PROGRESS[week - 1],
            confidence=CONFIDENCE[week - 1],
            today=start + timedelta(weeks=week - 1, days=6),
        )


def _aspiration(user: AbstractUser, today: date) -> None:
    from hedgerow.goals import practice

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

    from hedgerow.goals import practice
    from hedgerow.goals.models import Impulse

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
    from hedgerow.goals import practice

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
