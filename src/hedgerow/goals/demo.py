"""The demo person's goal, ten weeks in: what `make run` shows on Goal.

Everything goes through the same services a person uses; only the dates are moved back afterwards,
because the services stamp "now" and the demo needs a past.
"""

from __future__ import annotations

from datetime import date, timedelta
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


def load_goal_demo(user: AbstractUser, *, today: date | None = None) -> None:
    """Give the demo person a goal ten weeks in; does nothing a second time."""
    from django.db import transaction
    from django.utils import timezone

    from hedgerow.goals.models import Goal

    if Goal.objects.filter(owner_id=user.pk).exists():
        return
    today = today or timezone.localdate()
    with transaction.atomic():
        _plan(user, today)


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
    services.adopt_goal_what(goal=goal)  # the demo person took the what-only sentence (G3)
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
