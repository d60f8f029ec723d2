"""The group pages through Django's test client: starting a group, joining by link, the feed with
its replies and reactions, the coach's week, members and invitations, and the digest settings."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hedgerow.groups import services
from hedgerow.groups.models import GoalShare, Group, Invite, Membership, Nudge, Prompt, Reply
from tests.conftest import NOW
from tests.groups.conftest import check_in, goal_for, join, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def as_coach(client, coach):
    client.force_login(coach)
    return client


def signed_in(client, who):
    client.force_login(who)
    return client


@pytest.fixture
def ben_shares(ben_in, ben):
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    return check_in(goal, 3, did="Sent two pitches to agents.", progress=3, confidence=7)


def test_it_starts_a_group_with_you_as_coach(as_coach, coach):
    response = as_coach.post("/groups/", {"name": "Spring cohort", "purpose": ""})

    group = Group.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/groups/{group.pk}/members/"
    assert group.memberships.get().role == "coach"


def test_it_names_the_missing_group_name(as_coach):
    response = as_coach.post("/groups/", {"name": ""})

    assert response.status_code == 400
    assert "Name: give the group a name" in response.content.decode()
    assert not Group.objects.exists()


def test_it_lists_your_groups_with_what_is_new(client, group, cara_in, cara, ben_shares):
    page = signed_in(client, cara).get("/groups/").content.decode()

    assert "Thursday circle" in page
    assert "1 new" in page


def test_it_makes_and_withdraws_invitation_links(as_coach, group):
    response = as_coach.post(f"/groups/{group.pk}/invites/", {"role": "member", "days": "7"})
    invite = Invite.objects.get()
    assert response.status_code == 302
    page = as_coach.get(f"/groups/{group.pk}/members/").content.decode()
    assert f"http://testserver/groups/join/{invite.token}/" in page

    as_coach.post(f"/groups/{group.pk}/invites/{invite.pk}/revoke/")

    invite.refresh_from_db()
    assert invite.revoked_at is not None
    assert invite.token not in as_coach.get(f"/groups/{group.pk}/members/").content.decode()


def test_it_joins_by_link_after_a_look_at_the_group(client, group, coach_in, ben):
    invite = services.create_invite(membership=coach_in)
    client = signed_in(client, ben)

    page = client.get(f"/groups/join/{invite.token}/").content.decode()
    assert "alice invites you to join as member" in page
    response = client.post(f"/groups/join/{invite.token}/")

    assert response["Location"] == f"/groups/{group.pk}/"
    assert Membership.objects.filter(owner=ben, group=group).exists()


def test_it_sends_people_to_sign_in_before_joining(client, group, coach_in):
    invite = services.create_invite(membership=coach_in)

    response = client.get(f"/groups/join/{invite.token}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/groups/join/")


def test_it_says_plainly_when_a_link_has_expired(client, group, coach_in, ben):
    invite = services.create_invite(membership=coach_in, days=1)
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        response = signed_in(client, ben).post(f"/groups/join/{invite.token}/")

    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()
    assert not Membership.objects.filter(owner=ben).exists()


def test_it_shows_shared_checkins_in_the_feed(client, group, cara_in, cara, ben_shares):
    page = signed_in(client, cara).get(f"/groups/{group.pk}/").content.decode()

    assert "Sent two pitches to agents." in page
    assert "Goal: Publish my first novel." in page
    assert 'class="badge">New' in page


def test_it_marks_the_feed_read_once_seen(client, group, cara_in, cara, ben_shares):
    client = signed_in(client, cara)
    client.get(f"/groups/{group.pk}/")
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        page = client.get(f"/groups/{group.pk}/").content.decode()

    assert 'class="badge">New' not in page


def test_it_shares_and_stops_sharing_the_active_goal(client, group, ben_in, ben):
    goal = goal_for(ben)
    client = signed_in(client, ben)

    client.post(f"/groups/{group.pk}/share/", {"share": "goal"})
    assert GoalShare.objects.get().goal == goal
    client.post(f"/groups/{group.pk}/share/", {"share": "stop"})
    assert not GoalShare.objects.exists()


def test_it_posts_a_reply_and_answers_htmx_with_the_responses(
    client, group, cara_in, cara, ben_shares
):
    url = f"/groups/{group.pk}/checkins/{ben_shares.pk}/reply/"
    data = {"kind": "encouragement", "text": "Brave!"}

    response = signed_in(client, cara).post(url, data, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<div class="responses" id="responses-{ben_shares.pk}">')
    assert "Brave!" in html
    assert "Your reply is posted." in html
    assert Reply.objects.get().kind == "encouragement"


def test_it_posts_a_reply_without_javascript(client, group, cara_in, cara, ben_shares):
    url = f"/groups/{group.pk}/checkins/{ben_shares.pk}/reply/"
    data = {"kind": "suggestion", "text": "Try Q"}

    response = signed_in(client, cara).post(url, data)

    assert response["Location"] == f"/groups/{group.pk}/#checkin-{ben_shares.pk}"
    assert Reply.objects.get().text == "Try Q"


def test_it_keeps_an_empty_reply_in_its_box_with_the_reason(
    client, group, cara_in, cara, ben_shares
):
    url = f"/groups/{group.pk}/checkins/{ben_shares.pk}/reply/"
    data = {"kind": "insight", "text": " "}

    html = signed_in(client, cara).post(url, data, **HTMX).content.decode()

    assert "Your reply: a few words are enough." in html
    assert '<details class="inline-form reply-box" open>' in html
    assert not Reply.objects.exists()


def test_it_toggles_a_reaction_with_htmx(client, group, cara_in, cara, ben_shares):
    url = f"/groups/{group.pk}/checkins/{ben_shares.pk}/react/"
    client = signed_in(client, cara)

    html = client.post(url, {"kind": "cheer"}, **HTMX).content.decode()
    assert 'aria-pressed="true">Well done <span class="count">1</span>' in html
    html = client.post(url, {"kind": "cheer"}, **HTMX).content.decode()
    assert 'aria-pressed="true"' not in html


def test_it_removes_only_your_own_reply(client, group, cara_in, ben_in, cara, ben, ben_shares):
    reply = services.reply_to_checkin(
        membership=cara_in, checkin=ben_shares, kind="insight", text="Mine"
    )

    assert (
        signed_in(client, ben).post(f"/groups/{group.pk}/replies/{reply.pk}/delete/").status_code
        == 404
    )
    signed_in(client, cara).post(f"/groups/{group.pk}/replies/{reply.pk}/delete/")
    assert not Reply.objects.exists()


def test_it_shows_the_coach_this_weeks_checkins_and_sends_a_nudge(
    as_coach, group, ben_shares, cara_in, cara
):
    goal_for(cara)  # not shared: the coach sees only that nothing is shared
    page = as_coach.get(f"/groups/{group.pk}/").content.decode()

    assert "checked in for week 3" in page
    assert "shares no goal here" in page
    assert "Week 3, 47 weeks to go" not in page  # the group started on 9 November: 48 to go
    assert "Week 3, 48 weeks to go" in page

    as_coach.post(f"/groups/{group.pk}/nudge/{cara_in.pk}/", {"text": ""})
    assert Nudge.objects.get().recipient == cara


def test_it_shows_a_nudge_to_its_recipient_until_noted(client, group, coach_in, cara_in, cara):
    nudge = services.nudge_member(membership=coach_in, member=cara_in, text="Thinking of you.")
    client = signed_in(client, cara)

    assert "Thinking of you." in client.get(f"/groups/{group.pk}/").content.decode()
    client.post(f"/groups/{group.pk}/nudges/{nudge.pk}/seen/")
    assert "Thinking of you." not in client.get(f"/groups/{group.pk}/").content.decode()


def test_it_posts_the_coachs_prompt(as_coach, group):
    as_coach.post(f"/groups/{group.pk}/prompt/", {"text": "One thing you are proud of?"})

    assert Prompt.objects.get().text == "One thing you are proud of?"
    assert "One thing you are proud of?" in as_coach.get(f"/groups/{group.pk}/").content.decode()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/groups/{g}/prompt/"),
        ("post", "/groups/{g}/invites/"),
        ("get", "/groups/{g}/settings/"),
        ("post", "/groups/{g}/settings/threshold/"),
        ("post", "/groups/{g}/rounds/open/"),
        ("post", "/groups/{g}/questions/"),
        ("post", "/groups/{g}/members/{m}/remove/"),
    ],
)
def test_it_keeps_lead_actions_from_members(client, group, ben_in, ben, method, path):
    response = getattr(signed_in(client, ben), method)(path.format(g=group.pk, m=ben_in.pk))

    assert response.status_code == 403


def test_it_leaves_a_group_and_stops_sharing(client, group, ben_in, ben, ben_shares):
    client = signed_in(client, ben)
    assert (
        "Your goal stops being shared" in client.get(f"/groups/{group.pk}/leave/").content.decode()
    )

    response = client.post(f"/groups/{group.pk}/leave/")

    assert response["Location"] == "/groups/"
    assert not GoalShare.objects.exists()
    assert client.get(f"/groups/{group.pk}/").status_code == 404


def test_it_lets_the_coach_remove_a_member(as_coach, group, ben_in, ben_shares):
    page = as_coach.get(f"/groups/{group.pk}/members/").content.decode()
    assert f"/groups/{group.pk}/members/{ben_in.pk}/remove/" in page

    response = as_coach.post(f"/groups/{group.pk}/members/{ben_in.pk}/remove/", follow=True)

    assert "ben is no longer in Thursday circle." in response.content.decode()
    assert not group.memberships.filter(pk=ben_in.pk).exists()
    assert not GoalShare.objects.exists()


def test_it_makes_a_member_a_facilitator(as_coach, group, ben_in):
    as_coach.post(f"/groups/{group.pk}/members/{ben_in.pk}/role/", {"role": "facilitator"})

    ben_in.refresh_from_db()
    assert ben_in.role == "facilitator"


def test_it_saves_the_group_settings_and_raises_the_threshold(as_coach, group):
    as_coach.post(
        f"/groups/{group.pk}/settings/",
        {"name": "Thursday circle", "purpose": "Writers", "start_date": ""},
    )
    as_coach.post(f"/groups/{group.pk}/settings/threshold/", {"threshold": "5"})
    response = as_coach.post(
        f"/groups/{group.pk}/settings/threshold/", {"threshold": "4"}, follow=True
    )

    group.refresh_from_db()
    assert (group.purpose, group.start_date, group.results_threshold) == ("Writers", None, 5)
    assert "The threshold can only go up" in response.content.decode()


def test_it_saves_the_digest_settings(client, ben):
    client = signed_in(client, ben)
    response = client.post("/groups/digest/", {"email": "ben@example.org", "frequency": "daily"})
    assert response.status_code == 302
    ben.refresh_from_db()
    assert ben.email == "ben@example.org"

    response = client.post("/groups/digest/", {"email": "", "frequency": "weekly"})
    assert response.status_code == 400
    assert "Email address: give one, or choose never." in response.content.decode()


def test_it_pages_a_long_feed(client, group, ben_in, cara_in, ben, cara, coach_in):
    for day in range(25):
        with time_machine.travel(NOW - timedelta(days=25 - day), tick=False):
            services.post_prompt(membership=coach_in, text=f"Prompt number {day}.")
    client = signed_in(client, cara)

    first = client.get(f"/groups/{group.pk}/").content.decode()
    assert first.count('class="card prompt"') == 20
    assert "Prompt number 24." in first and "Prompt number 4." not in first
    older = re.search(r'href="\?before=([^"]+)">Show older', first).group(1)
    second = client.get(f"/groups/{group.pk}/?before={older}").content.decode()
    assert second.count('class="card prompt"') == 5
    assert "Prompt number 4." in second and "Show older" not in second


def test_it_builds_the_coachs_feed_in_as_many_queries_for_eight_members_as_for_two(
    as_coach, group, coach_in
):
    def queries_for_feed() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert as_coach.get(f"/groups/{group.pk}/").status_code == 200
        return len(captured)

    def add_member(name: str) -> None:
        membership = join(group, person(name))
        goal = goal_for(membership.owner)
        services.share_goal(membership=membership, goal=goal)
        checkin = check_in(goal, 3)
        services.reply_to_checkin(
            membership=coach_in, checkin=checkin, kind="encouragement", text="Well done"
        )
        services.toggle_reaction(membership=coach_in, checkin=checkin, kind="cheer")

    for name in ("m1", "m2"):
        add_member(name)
    few = queries_for_feed()
    for name in ("m3", "m4", "m5", "m6", "m7", "m8"):
        add_member(name)

    assert queries_for_feed() == few


def test_it_counts_what_is_new_beside_groups_in_the_menu(client, group, cara_in, cara, ben_shares):
    client = signed_in(client, cara)
    badge = '<span class="badge">1<span class="visually-hidden"> new</span></span>'

    assert badge in client.get("/goal/").content.decode()
    feed = client.get(f"/groups/{group.pk}/").content.decode()
    assert 'class="badge">New' in feed  # the item itself is still marked on this visit
    assert badge not in feed
    assert badge not in client.get("/goal/").content.decode()
