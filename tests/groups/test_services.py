"""Groups, invitations, sharing and peer support (rule G5) through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from hedgerow.groups import access, feed, services
from hedgerow.groups.models import GoalShare, Group, Invite, Membership, Nudge, Reply
from hedgerow.lib.errors import InvalidInput
from tests.conftest import NOW
from tests.groups.conftest import START, check_in, goal_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def test_it_makes_the_creator_the_coach(coach):
    group = services.create_group(creator=coach, name="  Spring cohort ")

    assert group.name == "Spring cohort"
    assert list(group.memberships.values_list("owner__username", "role")) == [("alice", "coach")]
    assert group.results_threshold == 3


def test_it_refuses_a_group_without_a_name(coach):
    with pytest.raises(InvalidInput, match="name is empty"):
        services.create_group(creator=coach, name="   ")


def test_it_lets_a_coach_run_several_groups(coach):
    services.create_group(creator=coach, name="Cohort A")
    services.create_group(creator=coach, name="Cohort B")

    assert sorted(access.groups_of(coach).values_list("name", flat=True)) == [
        "Cohort A",
        "Cohort B",
    ]


def test_it_joins_by_link_once_and_counts_the_use(group, coach_in, ben):
    invite = services.create_invite(membership=coach_in)

    first = services.accept_invite(invite=access.usable_invite(invite.token), person=ben)
    again = services.accept_invite(invite=access.usable_invite(invite.token), person=ben)

    assert first.pk == again.pk
    assert first.role == "member"
    invite.refresh_from_db()
    assert invite.uses == 1


def test_it_gives_the_invited_role(group, coach_in, ben):
    invite = services.create_invite(membership=coach_in, role="facilitator")

    membership = services.accept_invite(invite=invite, person=ben)

    assert membership.leads


def test_it_refuses_expired_and_revoked_links(group, coach_in, ben, cara):
    old = services.create_invite(membership=coach_in, days=1)
    revoked = services.revoke_invite(
        membership=coach_in, invite=services.create_invite(membership=coach_in)
    )

    assert access.usable_invite(revoked.token) is None
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        assert access.usable_invite(old.token) is None
        with pytest.raises(InvalidInput, match="expired or was withdrawn"):
            services.accept_invite(invite=access.usable_invite(old.token), person=cara)
    assert not Membership.objects.filter(owner=cara).exists()


def test_it_lets_only_leads_invite(group, ben_in):
    before = Invite.objects.count()
    with pytest.raises(PermissionDenied):
        services.create_invite(membership=ben_in)
    assert Invite.objects.count() == before


def test_it_stops_sharing_when_a_member_leaves(group, ben_in, ben):
    services.share_goal(membership=ben_in, goal=goal_for(ben))

    services.leave_group(membership=ben_in)

    assert not GoalShare.objects.exists()
    assert not access.groups_of(ben).exists()


def test_it_lets_the_coach_remove_a_member_as_if_they_had_left(group, coach_in, ben_in, ben):
    services.share_goal(membership=ben_in, goal=goal_for(ben))
    services.nudge_member(membership=coach_in, member=ben_in)

    services.remove_member(membership=coach_in, member=ben_in)

    assert not GoalShare.objects.exists()
    assert not Nudge.objects.exists()
    assert not access.groups_of(ben).exists()
    assert list(group.memberships.values_list("role", flat=True)) == ["coach"]


def test_it_lets_only_a_lead_remove_and_never_themselves(group, coach_in, ben_in, cara_in):
    with pytest.raises(PermissionDenied):
        services.remove_member(membership=ben_in, member=cara_in)
    with pytest.raises(InvalidInput, match="leave it instead"):
        services.remove_member(membership=coach_in, member=coach_in)

    assert group.memberships.count() == 3


def test_it_keeps_the_only_coach_while_others_remain(group, coach_in, ben_in):
    with pytest.raises(InvalidInput, match="only coach or facilitator"):
        services.leave_group(membership=coach_in)

    services.set_role(membership=coach_in, member=ben_in, role="facilitator")
    services.leave_group(membership=coach_in)

    assert list(group.memberships.values_list("role", flat=True)) == ["facilitator"]


def test_it_removes_the_group_when_the_last_person_leaves(group, coach_in):
    services.leave_group(membership=coach_in)

    assert not Group.objects.exists()


def test_it_shares_only_your_own_goal(group, ben_in, cara):
    with pytest.raises(InvalidInput, match="only share your own goal"):
        services.share_goal(membership=ben_in, goal=goal_for(cara))


def test_it_shows_a_goals_checkins_only_while_it_is_shared(group, ben_in, ben):
    goal = goal_for(ben)
    checkin = check_in(goal, 1)
    assert not access.shared_checkins(group).exists()

    services.share_goal(membership=ben_in, goal=goal)
    assert list(access.shared_checkins(group)) == [checkin]

    assert services.stop_sharing(membership=ben_in) == 1
    assert not access.shared_checkins(group).exists()


def test_it_takes_replies_of_the_three_kinds_on_shared_checkins(group, ben_in, cara_in, ben):
    goal = goal_for(ben)
    checkin = check_in(goal, 1)
    with pytest.raises(InvalidInput, match="not shared"):
        services.reply_to_checkin(membership=cara_in, checkin=checkin, kind="insight", text="Hi")
    services.share_goal(membership=ben_in, goal=goal)

    for kind in ("encouragement", "insight", "suggestion"):
        services.reply_to_checkin(membership=cara_in, checkin=checkin, kind=kind, text=f"A {kind}")

    assert list(Reply.objects.values_list("kind", flat=True)) == [
        "encouragement",
        "insight",
        "suggestion",
    ]
    with pytest.raises(InvalidInput, match="encouragement, insight or suggestion"):
        services.reply_to_checkin(membership=cara_in, checkin=checkin, kind="praise", text="x")


def test_it_toggles_a_reaction(group, ben_in, cara_in, ben):
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    checkin = check_in(goal, 1)

    assert services.toggle_reaction(membership=cara_in, checkin=checkin, kind="cheer") is True
    item = feed.checkin_item(cara_in, checkin)
    assert item.reactions["cheer"] == 1
    assert item.mine == {"cheer"}
    assert services.toggle_reaction(membership=cara_in, checkin=checkin, kind="cheer") is False
    assert feed.checkin_item(cara_in, checkin).reactions["cheer"] == 0


def test_it_stamps_the_prompt_with_the_weeks_to_go(group, coach_in):
    prompt = services.post_prompt(membership=coach_in, text="What moved this week?")

    assert (prompt.week, prompt.weeks_to_go) == (3, 48)
    assert "Week 3, 48 weeks to go." in services.default_prompt(group, NOW.date())


def test_it_lets_only_leads_prompt(group, ben_in):
    with pytest.raises(PermissionDenied):
        services.post_prompt(membership=ben_in, text="Hello")


def test_it_nudges_a_member_once_a_week_at_most(group, coach_in, ben_in, ben):
    nudge = services.nudge_member(membership=coach_in, member=ben_in)

    assert nudge.recipient == ben
    assert nudge.text == services.NUDGE_TEXT
    with pytest.raises(InvalidInput, match="one is enough"):
        services.nudge_member(membership=coach_in, member=ben_in, text="Again?")
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        services.nudge_member(membership=coach_in, member=ben_in, text="Thinking of you.")
    assert Nudge.objects.count() == 2


def test_it_counts_what_is_new_since_a_member_last_looked(group, ben_in, cara_in, ben):
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    checkin = check_in(goal, 1)
    services.reply_to_checkin(membership=ben_in, checkin=checkin, kind="insight", text="Mine")

    assert feed.unread_count(cara_in) == 2  # ben's check-in and his own reply
    assert feed.unread_count(ben_in) == 0  # nothing by anyone else
    services.mark_seen(membership=cara_in)
    assert feed.unread_count(cara_in) == 0
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        services.reply_to_checkin(membership=ben_in, checkin=checkin, kind="insight", text="More")
    assert feed.unread_count(cara_in) == 1


def test_it_marks_items_by_others_as_new(group, ben_in, cara_in, ben):
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    check_in(goal, 1)

    assert [item.new for item in feed.feed_items(cara_in)] == [True]
    assert [item.new for item in feed.feed_items(ben_in)] == [False]


def test_it_tells_the_coach_who_checked_in_this_week_from_shared_goals_only(
    group, coach_in, ben_in, cara_in, ben, cara
):
    ben_goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=ben_goal)
    check_in(ben_goal, 3)
    cara_goal = goal_for(cara, start=START)  # not shared: nothing about it may show
    check_in(cara_goal, 3)

    rows = {row.name: row for row in feed.week_rows(group, NOW.date())}

    assert (rows["ben"].shared, rows["ben"].week, rows["ben"].checked_in) == (True, 3, True)
    assert (rows["cara"].shared, rows["cara"].week, rows["cara"].checked_in) == (False, None, False)


def test_it_only_raises_the_threshold(group, coach_in, ben_in):
    services.raise_threshold(membership=coach_in, threshold=5)

    with pytest.raises(InvalidInput, match="can only go up"):
        services.raise_threshold(membership=coach_in, threshold=4)
    with pytest.raises(PermissionDenied):
        services.raise_threshold(membership=ben_in, threshold=6)
    group.refresh_from_db()
    assert group.results_threshold == 5


def test_it_keeps_a_digest_address_and_frequency(ben):
    setting = services.save_digest_setting(person=ben, email="ben@example.org", frequency="daily")

    ben.refresh_from_db()
    assert (ben.email, setting.frequency) == ("ben@example.org", "daily")
    with pytest.raises(InvalidInput, match="does not look like one"):
        services.save_digest_setting(person=ben, email="ben at home", frequency="weekly")
    with pytest.raises(InvalidInput, match="give one, or choose never"):
        services.save_digest_setting(person=ben, email="", frequency="weekly")


def test_it_starts_the_group_on_the_day_it_is_made(coach):
    group = services.create_group(creator=coach, name="New")

    assert group.start_date == NOW.date()
