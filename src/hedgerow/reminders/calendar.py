"""The calendar feed: what Hedgerow would remind you of, as all-day events any calendar can
subscribe to (Google, Apple, Outlook read an .ics address and refresh it every few hours).

- **Notes due.** Today's queue (rule N6: a few people, not a backlog), each person on today with
  every reason they are there; and each core contact on the day they next fall due (rule N8).
  One event per person (UID `note-<contact>`), so when they move, the calendar moves them.
- **Check-ins** (rule G6): each plan week still open, from the day its check-in opens to the
  week's last day (UID `checkin-<goal>-<week>`); a week checked in leaves the calendar.

Dates only, no times: a reminder to write to someone is for a day, not a meeting.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vDuration

from hedgerow.goals.access import active_goal_of
from hedgerow.goals.models import PLAN_WEEKS
from hedgerow.goals.weeks import DUE_FROM_DAY, plan_week, week_last_day, weeks_to_go
from hedgerow.lib.dates import day_text
from hedgerow.network.access import contacts_of
from hedgerow.network.models import Interaction
from hedgerow.network.suggest import weekly_suggestion
from hedgerow.today.queue import build_queue

AHEAD = timedelta(days=90)  # core contacts due within this long are on the calendar
REFRESH = timedelta(hours=6)


def absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def uid(kind: str, *parts: int) -> str:
    host = settings.BASE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "hedgerow"
    return f"{kind}-{'-'.join(str(p) for p in parts)}@{host}"


def calendar_for(owner: User, *, today: date | None = None, now: datetime | None = None) -> bytes:
    today = today or timezone.localdate()
    now = now or timezone.now()
    feed = Calendar()
    feed.add("prodid", "-//Hedgerow//Reminders//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", "Hedgerow")
    feed.add("x-wr-caldesc", "A few people to write to, and your weekly goal check-in.")
    feed.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))
    for event in [*note_events(owner, today), *checkin_events(owner, today)]:
        event.add("dtstamp", now)
        feed.add_component(event)
    return feed.to_ical()


def all_day(summary: str, start: date, *, end: date | None = None, key: str, url: str) -> Event:
    event = Event()
    event.add("uid", key)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end or start + timedelta(days=1))  # all-day: the end is the day after
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    event.add("url", url)
    return event


def note_events(owner: User, today: date) -> list[Event]:
    events = []
    queue = build_queue(owner, today, suggestion=weekly_suggestion(owner, today))
    today_url = absolute(reverse("today:today"))
    queued = set()
    for person in queue.people:
        queued.add(person.contact["id"])
        event = all_day(
            f"Write to {person.contact['name']}",
            today,
            key=uid("note", person.contact["id"]),
            url=absolute(person.write_url),
        )
        reasons = "\n".join(f"- {reason.summary}" for reason in person.reasons)
        event.add("description", f"{reasons}\n\nA few warm lines are plenty. {today_url}")
        events.append(event)
    events += coming_due(owner, today, leave_out=queued)
    return events


def coming_due(owner: User, today: date, *, leave_out: set[int]) -> list[Event]:
    """Rule N8: each core contact on the day they next fall due, within the next months."""
    latest = Interaction.objects.filter(contact=OuterRef("pk")).order_by("-occurred_at")
    core = (
        contacts_of(owner)
        .filter(is_core=True)
        .exclude(pk__in=leave_out)
        .annotate(last_at=Subquery(latest.values("occurred_at")[:1]))
        .order_by("pk")
    )
    events = []
    for contact in core:
        last_on = timezone.localdate(contact.last_at) if contact.last_at else None
        due_on = contact.next_due_on(last_on)
        if due_on is None:
            continue
        if contact.due_snoozed_until and contact.due_snoozed_until > due_on:
            due_on = contact.due_snoozed_until
        if not today < due_on <= today + AHEAD:
            continue  # due already: Today's queue brings them, a few at a time
        event = all_day(
            f"Time to catch up with {contact.name}",
            due_on,
            key=uid("note", contact.pk),
            url=absolute(reverse("network:contact", args=[contact.pk])),
        )
        since = f"last in touch {day_text(last_on)}" if last_on else "nothing logged yet"
        event.add(
            "description",
            f"You wanted to be in touch every {contact.cadence_days} days; {since}. "
            "Something small and real is enough: a question, a link, a congratulation.",
        )
        events.append(event)
    return events


def checkin_events(owner: User, today: date) -> list[Event]:
    """Rule G6: the weekly check-ins still ahead, from the day each opens to the week's end."""
    goal = active_goal_of(owner)
    if goal is None or goal.start_date is None:
        return []
    start = goal.start_date
    recorded = set(goal.checkins.values_list("week", flat=True))
    url = absolute(reverse("goals:checkin"))
    events = []
    for week in range(max(plan_week(start, today), 1), PLAN_WEEKS + 1):
        if week in recorded:
            continue
        opens = start + timedelta(days=7 * (week - 1) + DUE_FROM_DAY - 1)
        last = week_last_day(start, week)
        if last < today:
            continue
        event = all_day(
            f"Goal check-in, week {week} of {PLAN_WEEKS}",
            opens,
            end=last + timedelta(days=1),
            key=uid("checkin", goal.pk, week),
            url=url,
        )
        left = weeks_to_go(start, opens)
        event.add(
            "description",
            f"A few lines on the week: what you did, what you learned, what comes next. "
            f"{left} week{'s' if left != 1 else ''} to go, counting this one. {url}",
        )
        events.append(event)
    return events
