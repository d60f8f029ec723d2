"""The demo's groups: a circle with shared check-ins, a nudge and rounds, and a guild the demo
person leads, all through the real services."""

from __future__ import annotations

from datetime import date

import pytest

from hedgerow.goals.demo import load_goal_demo
from hedgerow.groups import access, assessment, feed
from hedgerow.groups.demo import load_group_demo
from hedgerow.groups.models import Membership

pytestmark = pytest.mark.usefixtures("fixed_clock")
TODAY = date(2026, 11, 25)


def test_it_puts_the_demo_person_in_a_lively_circle_and_a_guild_they_lead(owner):
    load_goal_demo(owner, today=TODAY)
    load_group_demo(owner, today=TODAY)

    circle, guild = (m for m in access.memberships_of(owner).order_by("group__name"))
    assert (circle.group.name, circle.role, guild.group.name, guild.role) == (
        "Fifty-week circle",
        "member",
        "Product guild",
        "coach",
    )
    kinds = {item.kind for item in feed.feed_items(circle)}
    assert kinds == {"checkin", "prompt", "round"}
    assert feed.unread_count(circle) > 0
    assert access.nudges_for(owner).filter(seen_at__isnull=True).count() == 1
    first, second = circle.group.rounds.order_by("number")
    assert assessment.results_of(first)["visible"] is True
    assert (second.is_open, assessment.results_of(second)["responses"]) == (True, 4)
    assert guild.group.questions.get().ideas.filter(owner__isnull=True).count() == 2


def test_it_closes_the_open_round_with_results_when_the_demo_person_answers(owner):
    load_goal_demo(owner, today=TODAY)
    load_group_demo(owner, today=TODAY)
    second = access.rounds_of(owner).get(group__name="Fifty-week circle", number=2)

    assessment.answer_round(rnd=second, person=owner, ratings={str(n): 4 for n in range(1, 16)})

    second.refresh_from_db()
    assert (second.is_open, assessment.results_of(second)["visible"]) == (False, True)
    assert len(assessment.trends_of(second.group)) == 2


def test_it_changes_nothing_the_second_time(owner):
    load_group_demo(owner, today=TODAY)
    load_group_demo(owner, today=TODAY)

    assert Membership.objects.filter(owner=owner).count() == 2
