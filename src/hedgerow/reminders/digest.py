"""The weekly digest: on the day a person chose, one email with the day's queue (rule N6), where
the week's goal check-in stands (rule G6) and what is new in their groups (rule G5).

`send_weekly_digests` is what `hedgerow digest send` runs from a daily timer. A person's digest
goes on their day, or on the first run after it that week if a run was missed; each week's is
claimed by a row (`DigestSent`, one per person per week) before it is sent, so a second run the
same week, or two runs at once, send nothing more; a failed send gives the claim back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from hedgerow.goals.access import active_goal_of
from hedgerow.goals.models import PLAN_WEEKS
from hedgerow.goals.weeks import PlanStatus, plan_status
from hedgerow.groups.digest import GroupNews, digest_for
from hedgerow.lib.dates import day_text
from hedgerow.network.suggest import weekly_suggestion
from hedgerow.reminders import emails
from hedgerow.reminders.models import DigestSent, ReminderSetting
from hedgerow.today.queue import Person, build_queue

logger = logging.getLogger(__name__)
GROUP_WINDOW = timedelta(days=7)


@dataclass
class WeeklyDigest:
    person: User
    today: date
    queue: list[Person]
    more: int  # people waiting beyond the queue
    checkin: str  # where the week's check-in stands, in a sentence; "" without a goal
    plan: PlanStatus | None
    groups: list[GroupNews]

    def __bool__(self) -> bool:
        return bool(self.queue or self.checkin or self.groups)

    @property
    def subject(self) -> str:
        parts = []
        if self.queue:
            count = len(self.queue)
            parts.append(f"{count} {'person' if count == 1 else 'people'} to write to")
        if self.plan and self.checkin:
            parts.append(f"week {min(self.plan['week'], PLAN_WEEKS)} of your goal")
        if self.groups:
            parts.append("news from your group" + ("s" if len(self.groups) > 1 else ""))
        return "Your week in Hedgerow: " + ", ".join(parts)


def checkin_sentence(status: PlanStatus, today: date) -> str:
    """Rule G6, as a countdown that never nags (rule N7): done, due, or when it opens."""
    week, to_go, start = status["week"], status["weeks_to_go"], status["start_date"]
    if start is None or week > PLAN_WEEKS:
        return ""
    if week == 0:
        return f"Your fifty weeks start on {day_text(start)}."
    done = any(row["week"] == week for row in status["checkins"])
    left = f"{to_go} week{'s' if to_go != 1 else ''} to go, counting this one"
    streak = status["streak"]
    kept = f" That is {streak} weeks in a row." if streak > 1 else ""
    if done:
        return f"Week {week} of {PLAN_WEEKS}: checked in. Well done.{kept} ({left}.)"
    due = status["checkin_due"]
    if due is not None:
        until = day_text(due["due_on"])
        return f"Week {week} of {PLAN_WEEKS}: your check-in is open until {until} ({left}).{kept}"
    opens = status["next_checkin_on"]
    when = f"opens on {day_text(opens)}" if opens else "is coming"
    return f"Week {week} of {PLAN_WEEKS}: your check-in {when} ({left}).{kept}"


def weekly_digest_for(person: User, *, now: datetime) -> WeeklyDigest:
    today = timezone.localdate(now)
    queue = build_queue(person, today, suggestion=weekly_suggestion(person, today))
    goal = active_goal_of(person)
    plan = plan_status(goal, today) if goal is not None else None
    news = digest_for(person, now - GROUP_WINDOW)
    return WeeklyDigest(
        person=person,
        today=today,
        queue=queue.people,
        more=queue.more,
        checkin=checkin_sentence(plan, today) if plan else "",
        plan=plan,
        groups=news.groups if news else [],
    )


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class Outcome:
    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    previews: list[WeeklyDigest] = field(default_factory=list)  # --dry-run: what would go


def is_due(setting: ReminderSetting, today: date) -> bool:
    """On the person's day, or later the same week when a run was missed."""
    return setting.digest_weekday is not None and today.weekday() >= setting.digest_weekday


def send_weekly_digests(*, now: datetime | None = None, dry_run: bool = False) -> Outcome:
    now = now or timezone.now()
    today = timezone.localdate(now)
    week = monday_of(today)
    outcome = Outcome()
    sent_this_week = DigestSent.objects.filter(week=week).values("owner_id")
    settings = (
        ReminderSetting.objects.filter(digest_weekday__isnull=False, owner__is_active=True)
        .exclude(owner__email="")
        .exclude(owner_id__in=sent_this_week)
        .select_related("owner")
        .order_by("pk")
    )
    for setting in settings:
        if not is_due(setting, today):
            continue
        digest = weekly_digest_for(setting.owner, now=now)
        if not digest:
            continue  # nothing to say this week: no email
        if dry_run:
            outcome.previews.append(digest)
            continue
        process_one_digest(digest=digest, week=week, now=now, outcome=outcome)
    return outcome


def process_one_digest(
    *, digest: WeeklyDigest, week: date, now: datetime, outcome: Outcome
) -> None:
    """Claim the person's week, send, and give the week back if sending fails."""
    claim, created = DigestSent.objects.get_or_create(
        owner_id=digest.person.pk, week=week, defaults={"sent_at": now}
    )
    if not created:
        return  # another run sent it a moment ago
    address = digest.person.email
    try:
        emails.send_weekly_digest(digest)
    except Exception as error:  # any mail failure: the next run tries again
        claim.delete()
        logger.warning("Weekly digest to %s failed: %s", address, error)
        outcome.failed.append((address, str(error)))
    else:
        outcome.sent.append(address)
