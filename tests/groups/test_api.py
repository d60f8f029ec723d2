"""/api/v1/ for groups: the paths and shapes issue 12 spells out, with bearer keys."""

from __future__ import annotations

import json

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.groups import services
from hedgerow.groups.models import Group, Membership, Round
from tests.groups.conftest import check_in, goal_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def bearer(who) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(owner=who, name='script')[1]}"}


def post(client, url, who, body=None):
    return client.post(
        url, json.dumps(body) if body is not None else "", "application/json", **bearer(who)
    )


def ratings(score=3):
    return {str(n): score for n in range(1, 16)}


def test_it_runs_the_whole_round_through_the_api(client, coach, ben, cara):
    created = post(client, "/api/v1/groups", coach, {"name": "Thursday circle"})
    assert created.status_code == 201
    group_id = created.json()["id"]
    invite = post(client, f"/api/v1/groups/{group_id}/invites", coach)
    assert invite.status_code == 201
    token, url = invite.json()["token"], invite.json()["url"]
    assert url == f"http://testserver/groups/join/{token}/"
    for who in (ben, cara):
        joined = post(client, f"/api/v1/invites/{token}/accept", who)
        assert joined.status_code == 200
        assert joined.json()["group"]["id"] == group_id

    opened = post(client, f"/api/v1/groups/{group_id}/rounds", coach)
    assert opened.status_code == 201
    round_id = opened.json()["id"]
    first = post(client, f"/api/v1/rounds/{round_id}/responses", ben, {"ratings": ratings(4)})
    again = post(client, f"/api/v1/rounds/{round_id}/responses", ben, {"ratings": ratings(1)})
    assert (first.status_code, again.status_code) == (201, 409)
    assert "answered round 1 already" in again.json()["detail"]

    below = client.get(f"/api/v1/rounds/{round_id}/results", **bearer(coach)).json()
    assert (below["responses"], below["visible"], below["elements"]) == (1, False, [])

    post(client, f"/api/v1/rounds/{round_id}/responses", cara, {"ratings": ratings(2)})
    post(
        client,
        f"/api/v1/rounds/{round_id}/responses",
        coach,
        {"ratings": ratings(3), "comment": "Hi"},
    )
    shown = client.get(f"/api/v1/rounds/{round_id}/results", **bearer(ben)).json()
    assert (shown["responses"], shown["visible"]) == (3, True)
    assert shown["elements"][0] == {
        "number": 1,
        "title": "A clear outcome",
        "mean": 3.0,
        "distribution": {"1": 0, "2": 1, "3": 1, "4": 1, "5": 0},
    }
    assert len(shown["elements"]) == 15
    assert shown["comments"] == ["Hi"]


def test_it_names_a_bad_rating(client, group, coach_in, ben_in, ben):
    rnd = post(client, f"/api/v1/groups/{group.pk}/rounds", coach_in.owner).json()

    response = post(
        client, f"/api/v1/rounds/{rnd['id']}/responses", ben, {"ratings": ratings() | {"4": 9}}
    )

    assert response.status_code == 422
    assert response.json() == {"detail": "ratings.4 must be at most 5.", "field": "ratings.4"}


def test_it_refuses_lead_actions_to_members_and_hides_other_groups(
    client, group, ben_in, ben, outsider
):
    assert post(client, f"/api/v1/groups/{group.pk}/rounds", ben).status_code == 403
    assert post(client, f"/api/v1/groups/{group.pk}/invites", ben).status_code == 403
    assert post(client, f"/api/v1/groups/{group.pk}/rounds", outsider).status_code == 404
    feed = client.get(f"/api/v1/groups/{group.pk}/feed", **bearer(outsider))
    assert feed.status_code == 404
    assert not Round.objects.exists()


def test_it_says_when_an_invitation_no_longer_works(client, group, coach_in, ben):
    invite = services.revoke_invite(
        membership=coach_in, invite=services.create_invite(membership=coach_in)
    )

    response = post(client, f"/api/v1/invites/{invite.token}/accept", ben)

    assert response.status_code == 409
    assert "expired or was withdrawn" in response.json()["detail"]
    assert not Membership.objects.filter(owner=ben).exists()


def test_it_shares_a_goal_and_shows_it_in_the_feed(client, group, ben_in, cara_in, ben, cara):
    goal = goal_for(ben)
    check_in(goal, 3, did="Outlined part two.")

    shared = client.put(f"/api/v1/groups/{group.pk}/share", "", "application/json", **bearer(ben))
    assert shared.json() == {"group_id": group.pk, "goal_id": goal.pk, "sentence": goal.sentence}

    feed = client.get(f"/api/v1/groups/{group.pk}/feed", **bearer(cara)).json()
    assert feed["group"]["name"] == "Thursday circle"
    item = feed["items"][0]
    assert (item["kind"], item["did"], item["author"]["name"], item["new"]) == (
        "checkin",
        "Outlined part two.",
        "ben",
        True,
    )
    reply = post(
        client,
        f"/api/v1/groups/{group.pk}/checkins/{item['id']}/replies",
        cara,
        {"kind": "encouragement", "text": "Onward!"},
    )
    assert reply.status_code == 201
    assert reply.json()["kind"] == "encouragement"

    stopped = client.delete(f"/api/v1/groups/{group.pk}/share", **bearer(ben))
    assert stopped.status_code == 204
    assert client.get(f"/api/v1/groups/{group.pk}/feed", **bearer(cara)).json()["items"] == []


def test_it_lists_your_groups(client, group, ben_in, ben, other_group):
    listed = client.get("/api/v1/groups", **bearer(ben)).json()

    assert [(g["name"], g["role"], g["members"]) for g in listed] == [
        ("Thursday circle", "member", 2)
    ]
    assert Group.objects.count() == 2


def test_it_lists_members_and_lets_the_coach_remove_one(client, group, coach, ben_in, cara_in):
    listed = client.get(f"/api/v1/groups/{group.pk}/members", **bearer(cara_in.owner))
    assert [row["person"]["name"] for row in listed.json()] == ["alice", "ben", "cara"]

    refused = client.delete(
        f"/api/v1/groups/{group.pk}/members/{ben_in.pk}", **bearer(cara_in.owner)
    )
    removed = client.delete(f"/api/v1/groups/{group.pk}/members/{ben_in.pk}", **bearer(coach))
    again = client.delete(f"/api/v1/groups/{group.pk}/members/{ben_in.pk}", **bearer(coach))

    assert (refused.status_code, removed.status_code, again.status_code) == (403, 204, 404)
    assert group.memberships.count() == 2
