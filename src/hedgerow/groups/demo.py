"""The demo person's groups: what `make run` shows under Groups.

Two groups of made-up people. In the Fifty-week circle, coached by Robin, the demo person shares
their goal with four peers: check-ins, replies, the coach's weekly prompts, a gentle nudge, a closed
Great Groups round with results and an open one still waiting for the demo person's answer. In the
Product guild the demo person leads: a question with answers, some without a name, and votes.

Everything goes through the same services a person uses; only the dates are moved back afterwards,
because the services stamp "now" and the demo needs a past.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

# Made-up peers: (username, first name, last name, goal, check-in lines)
PEERS = (
    (
        "priya",
        "Priya",
        "Nair",
        "I will give a talk at a regional design conference by June.",
        (
            "Picked three conferences and read their calls for talks.",
            "Wrote a first outline: three stories from the clinic project.",
            "Asked Sam to listen to a five-minute version.",
            "Submitted the proposal to Northern Design Days.",
            "Recorded myself and cut the intro in half.",
            "Heard back: shortlisted!",
            "Ran the talk for my team at lunch.",
            "Reworked the ending after their questions.",
            "Practised twice with a timer; 18 minutes.",
        ),
    ),
    (
        "sam",
        "Sam",
        "Okafor",
        "I will move from support into a junior developer role at my company.",
        (
            "Told my manager what I want; she did not laugh.",
            "Finished the first module of the Python course.",
            "Fixed a typo bug in the help centre, my first merged change.",
            "Paired with Lena on a small ticket.",
            "",
            "Wrote tests for the export page.",
            "Asked for a real ticket in the next sprint.",
            "Shipped the filter on the tickets list.",
            "Talked to HR about what the move needs on paper.",
        ),
    ),
    (
        "lena",
        "Lena",
        "Vogel",
        "I will finish and send my first short story to three magazines.",
        (
            "Wrote 300 words, all bad, all mine.",
            "Found the story's ending on a walk.",
            "First draft done: 4,200 words.",
            "",
            "",
            "Cut 1,000 words; it is better.",
            "Read it aloud to my sister.",
            "Made a list of seven magazines that take stories like it.",
            "Sent it to the first magazine.",
        ),
    ),
)
COACH = ("robin", "Robin", "Mensah")
GUILD = (("tomas", "Tomás", "Ruiz"),)
PROMPTS = (
    "What did you do this week toward your goal? One line is plenty; the group is glad to hear it.",
    "Halfway through the quarter: what surprised you most so far?",
    "Name one thing that got in the way this week, and one person who could help with it.",
)
REPLIES = (
    ("priya", "encouragement", "A pilot team is a real step. Well done for asking!"),
    ("sam", "insight", "When I asked for a ticket, saying the outcome first helped me too."),
    ("robin", "suggestion", "Could you write down what the pilot should prove by week 20?"),
)
# Round 1's answers: a group that knows its aim but fights bureaucracy and distractions.
ROUND_ONE = (
    (5, 4, 4, 4, 5, 4, 4, 3, 2, 4, 2, 4, 4, 5, 4),
    (4, 3, 4, 3, 4, 4, 3, 3, 1, 3, 2, 3, 4, 4, 4),
    (5, 4, 5, 4, 5, 3, 4, 4, 2, 4, 3, 4, 3, 5, 5),
    (4, 4, 3, 4, 4, 4, 4, 2, 2, 3, 1, 3, 4, 4, 4),
    (4, 3, 4, 4, 5, 4, 3, 3, 3, 4, 2, 4, 5, 4, 4),
)
ROUND_ONE_COMMENTS = (
    "Thursday evenings are hard with work; an earlier slot would help.",
    "I like that we cheer small steps.",
    "Too many tools: can we keep everything in one place?",
)
GUILD_IDEAS = (
    ("tomas", "issue", "Reviews wait days because nobody owns them.", False),
    ("priya", "solution", "A rotating reviewer of the week.", False),
    ("sam", "idea", "Pair on reviews for the first month.", True),
    ("tomas", "solution", "Keep pull requests under 300 lines.", True),
)


def load_group_demo(user: AbstractUser, *, today: date | None = None) -> None:
    """Give the demo person two groups full of life; does nothing a second time."""
    from django.db import transaction
    from django.utils import timezone

    from hedgerow.groups.models import Membership

    if Membership.objects.filter(owner_id=user.pk).exists():
        return
    today = today or timezone.localdate()
    with transaction.atomic():
        _circle(user, today)
        _guild(user, today)


def _person(username: str, first: str, last: str) -> Any:
    from django.contrib.auth import get_user_model

    from hedgerow.accounts.services import add_person

    existing = get_user_model().objects.filter(username=username).first()
    if existing is not None:
        return existing
    person = add_person(username=username)
    # Made up, never signing in: inactive, so the CLI still acts for the demo person alone.
    person.first_name, person.last_name, person.is_active = first, last, False
    person.save(update_fields=["first_name", "last_name", "is_active"])
    return person


def _at(day: date, hour: int = 19) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time(hour)))


def _circle(user: Any, today: date) -> None:
    from hedgerow.goals.access import active_goal_of
    from hedgerow.groups import services
    from hedgerow.groups.models import Membership, Nudge

    start = _week_one(user, today)
    coach = _person(*COACH)
    group = services.create_group(
        creator=coach,
        name="Fifty-week circle",
        purpose="Five people, five big goals, one year. We meet on Thursdays and cheer each other.",
        start_date=start,
    )
    lead = group.memberships.get(owner=coach)
    members = {"demo": _join(lead, user)}
    goal = active_goal_of(user)
    if goal is not None:
        services.share_goal(membership=members["demo"], goal=goal)
        _backdate_checkins(goal, start)
    for username, first, last, sentence, lines in PEERS:
        peer = _person(username, first, last)
        members[username] = _join(lead, peer)
        _peer_goal(members[username], sentence, lines, start, today)
    _replies(members | {"robin": lead}, goal)
    _prompts(lead, start, today)
    _rounds(lead, [lead, *members.values()], user, today)
    members["demo"].last_seen_at = _at(today - timedelta(days=3))
    members["demo"].save(update_fields=["last_seen_at"])
    nudge = services.nudge_member(
        membership=lead,
        member=members["demo"],
        text="Thinking of you this week. How did the pilot conversation go? A line is plenty.",
    )
    Nudge.objects.filter(pk=nudge.pk).update(created_at=_at(today - timedelta(days=1), 9))
    Membership.objects.filter(pk=lead.pk).update(joined_at=_at(start - timedelta(days=7)))


def _week_one(user: AbstractUser, today: date) -> date:
    from hedgerow.goals.access import active_goal_of

    goal = active_goal_of(user)
    if goal is not None and goal.start_date is not None:
        return goal.start_date
    return today - timedelta(weeks=9, days=5)


def _join(lead: Any, person: Any) -> Any:
    from hedgerow.groups import services

    return services.accept_invite(invite=services.create_invite(membership=lead), person=person)


def _peer_goal(membership: Any, sentence: str, lines: tuple[str, ...], start: date, today: date):
    from hedgerow.goals import services as goal_services
    from hedgerow.groups import services

    goal = goal_services.start_goal(owner=membership.owner, sentence=sentence, start_date=start)
    services.share_goal(membership=membership, goal=goal)
    for week, did in enumerate(lines, start=1):
        day = start + timedelta(weeks=week - 1, days=5)
        if not did or day > today:
            continue
        goal_services.record_checkin(
            goal=goal,
            week=week,
            did=did,
            progress=min(10, week // 2 + 1),
            confidence=min(10, 4 + week // 3),
            today=day,
        )
    _backdate_checkins(goal, start)


def _backdate_checkins(goal: Any, start: date) -> None:
    from hedgerow.goals.models import CheckIn

    for checkin in goal.checkins.all():
        moment = _at(start + timedelta(weeks=checkin.week - 1, days=5))
        CheckIn.objects.filter(pk=checkin.pk).update(created_at=moment, updated_at=moment)


def _replies(members: dict[str, Any], goal: Any) -> None:
    from hedgerow.groups import services
    from hedgerow.groups.models import Reply

    if goal is None or not goal.checkins.exists():
        return
    latest = goal.checkins.order_by("-week").first()
    for hours, (username, kind, text) in enumerate(REPLIES, start=1):
        reply = services.reply_to_checkin(
            membership=members[username], checkin=latest, kind=kind, text=text
        )
        moment = latest.created_at + timedelta(hours=2 * hours)
        Reply.objects.filter(pk=reply.pk).update(created_at=moment)
    for username, kind in (("priya", "cheer"), ("lena", "with_you"), ("sam", "cheer")):
        services.toggle_reaction(membership=members[username], checkin=latest, kind=kind)
    priya = services.shared_goal(members["priya"])
    shortlisted = priya.checkins.filter(week=6).first() if priya else None
    if shortlisted is not None:
        services.reply_to_checkin(
            membership=members["demo"],
            checkin=shortlisted,
            kind="encouragement",
            text="Shortlisted! That is wonderful news.",
        )


def _prompts(lead: Any, start: date, today: date) -> None:
    from hedgerow.groups import services
    from hedgerow.groups.models import Prompt

    for weeks_ago, text in zip((2, 1, 0), PROMPTS, strict=True):
        day = today - timedelta(weeks=weeks_ago, days=2)
        prompt = services.post_prompt(membership=lead, text=text, today=day)
        Prompt.objects.filter(pk=prompt.pk).update(created_at=_at(day, 8))


def _rounds(lead: Any, everyone: list[Any], user: AbstractUser, today: date) -> None:
    """Round 1, five weeks ago, with results; round 2 open, everyone in but the demo person."""
    from hedgerow.groups import assessment
    from hedgerow.groups.models import Round

    first = assessment.open_round(membership=lead)
    comments = dict(enumerate(ROUND_ONE_COMMENTS))
    for index, (membership, scores) in enumerate(zip(everyone, ROUND_ONE, strict=True)):
        assessment.answer_round(
            rnd=first,
            person=membership.owner,
            ratings={str(n): s for n, s in enumerate(scores, start=1)},
            comment=comments.get(index, ""),
        )
    opened = _at(today - timedelta(weeks=5), 18)
    Round.objects.filter(pk=first.pk).update(opened_at=opened, closed_at=opened + timedelta(days=4))
    second = assessment.open_round(membership=lead)
    for membership, scores in zip(everyone, ROUND_ONE, strict=True):
        if membership.owner_id == user.pk:
            continue  # the demo person's answer is still to come, and closes the round
        better = [min(5, s + (1 if n in (9, 11) else 0)) for n, s in enumerate(scores, start=1)]
        assessment.answer_round(
            rnd=second,
            person=membership.owner,
            ratings={str(n): s for n, s in enumerate(better, start=1)},
        )
    Round.objects.filter(pk=second.pk).update(opened_at=_at(today - timedelta(days=2), 18))


def _guild(user: Any, today: date) -> None:
    from hedgerow.groups import leaders, services
    from hedgerow.groups.models import Question

    group = services.create_group(
        creator=user,
        name="Product guild",
        purpose="Product people from three teams, learning from each other once a month.",
    )
    lead = group.memberships.get(owner=user)
    members = {"tomas": _join(lead, _person(*GUILD[0]))}
    for username in ("priya", "sam"):
        members[username] = _join(lead, _person(username, "", ""))
    question = leaders.ask_question(
        membership=lead, text="What slows our code reviews down, and what would you try first?"
    )
    Question.objects.filter(pk=question.pk).update(created_at=_at(today - timedelta(days=6), 10))
    ideas = [
        leaders.submit_idea(
            membership=members[who], question=question, kind=kind, text=text, anonymous=anonymous
        )
        for who, kind, text, anonymous in GUILD_IDEAS
    ]
    for voter, idea in (("priya", 0), ("sam", 0), ("tomas", 1), ("sam", 1), ("priya", 3)):
        if ideas[idea].owner_id != members[voter].owner_id:
            leaders.toggle_vote(membership=members[voter], idea=ideas[idea])
    leaders.toggle_vote(membership=lead, idea=ideas[1])
