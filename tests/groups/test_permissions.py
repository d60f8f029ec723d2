"""The permissions matrix: who reaches what, through pages, the API, the CLI's JSON and exports.

Four people. Alice coaches Thursday circle; Ben is in it and shares his goal; Cara is in it and
shares nothing; Mallory coaches a group of her own. Each keeps private things (a contact with
notes, a logged conversation, blockers, reconnaissance, an unshared goal's check-ins, practice
reflections), each marked SECRET-<name>. No group surface may show anyone's secrets, the coach's
included, and no one reaches a group they are not in.
"""

from __future__ import annotations

import json

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.goals import services as goal_services
from hedgerow.groups import assessment, leaders, services
from hedgerow.network.models import Contact
from hedgerow.network.services import log_interaction
from hedgerow.practice import services as practice
from tests.groups.conftest import START, check_in, goal_for, join

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
PEOPLE = ("alice", "ben", "cara", "mallory")


def keep_secrets(who, *, share_with=None) -> None:
    tag = f"SECRET-{who.username}"
    contact = Contact.objects.create(
        owner=who, name=f"{tag}-contact", first_name=tag, notes=f"{tag}-contact-note"
    )
    log_interaction(contact=contact, kind="note", text=f"{tag}-conversation")
    goal = goal_for(who, sentence=f"Finish the {who.username} project.", start=START)
    goal_services.add_blocker(goal=goal, text=f"but {tag}-blocker")
    goal_services.add_recon_item(goal=goal, kind="obstacle", side="inside", text=f"{tag}-recon")
    practice.add_reflection(owner=who, period="week", text=f"{tag}-reflection")
    if share_with is not None:
        services.share_goal(membership=share_with, goal=goal)
        check_in(goal, 3, did=f"Shared-{who.username}-checkin")
    else:
        check_in(goal, 3, did=f"{tag}-checkin")


@pytest.fixture
def world(group, coach, ben, cara, outsider, other_group):
    ben_in = join(group, ben)
    join(group, cara)
    coach_in = group.memberships.get(owner=coach)
    mallory_in = other_group.memberships.get(owner=outsider)
    keep_secrets(coach)
    keep_secrets(ben, share_with=ben_in)
    keep_secrets(cara)
    keep_secrets(outsider, share_with=mallory_in)
    leaders.ask_question(membership=coach_in, text="Circle question?")
    leaders.ask_question(membership=mallory_in, text="Mallory's question?")
    rounds = {}
    for membership, others in ((coach_in, (ben, cara)), (mallory_in, ())):
        rnd = assessment.open_round(membership=membership)
        for who in (membership.owner, *others):
            assessment.answer_round(rnd=rnd, person=who, ratings={str(n): 3 for n in range(1, 16)})
        rounds[membership.group_id] = rnd
    people = {p.username: p for p in (coach, ben, cara, outsider)}
    return {"people": people, "groups": {"circle": group, "mallory": other_group}, "rounds": rounds}


def secrets_of_others(viewer: str) -> list[str]:
    """Everything no group surface may show this viewer: everyone's private things, their own
    included (group pages never echo private data back), and Mallory's group to the others."""
    hidden = [f"SECRET-{name}" for name in PEOPLE]
    if viewer != "mallory":
        hidden += ["Shared-mallory-checkin", "Mallory's question?"]
    else:
        hidden += ["Shared-ben-checkin", "Circle question?"]
    return hidden


def group_pages(group, rnd, question) -> list[tuple[str, str]]:
    return [
        ("/groups/{g}/", "member"),
        ("/groups/{g}/members/", "member"),
        ("/groups/{g}/rounds/", "member"),
        ("/groups/{g}/questions/", "member"),
        ("/groups/{g}/leave/", "member"),
        ("/groups/{g}/settings/", "lead"),
        (f"/groups/rounds/{rnd.pk}/", "member"),
        (f"/groups/questions/{question.pk}/", "member"),
    ]


def expected_status(viewer, group, need) -> int:
    membership = group.memberships.filter(owner=viewer).first()
    if membership is None:
        return 404
    if need == "lead" and not membership.leads:
        return 403
    return 200


def test_it_shows_each_page_only_to_its_members_and_no_ones_secrets(client, world):
    for viewer in PEOPLE:
        assert_pages(client, world, viewer)


def assert_pages(client, world, viewer):
    who = world["people"][viewer]
    client.force_login(who)
    for group in world["groups"].values():
        rnd = world["rounds"][group.pk]
        question = group.questions.get()
        for path, need in group_pages(group, rnd, question):
            url = path.format(g=group.pk)
            response = client.get(url)
            assert response.status_code == expected_status(who, group, need), (viewer, url)
            if response.status_code == 200:
                page = response.content.decode()
                for secret in secrets_of_others(viewer):
                    assert secret not in page, (viewer, url, secret)
    index = client.get("/groups/").content.decode()
    for secret in secrets_of_others(viewer):
        assert secret not in index


def test_it_answers_the_api_only_for_members_and_no_ones_secrets(client, world):
    for viewer in PEOPLE:
        assert_api(client, world, viewer)


def assert_api(client, world, viewer):
    who = world["people"][viewer]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(owner=who, name='t')[1]}"}
    for group in world["groups"].values():
        rnd = world["rounds"][group.pk]
        member = expected_status(who, group, "member")
        for url in (f"/api/v1/groups/{group.pk}/feed", f"/api/v1/rounds/{rnd.pk}/results"):
            response = client.get(url, **auth)
            assert response.status_code == member, (viewer, url)
            for secret in secrets_of_others(viewer):
                assert secret not in response.content.decode(), (viewer, url, secret)
        opened = client.post(f"/api/v1/groups/{group.pk}/rounds", **auth)
        lead = expected_status(who, group, "lead")
        assert opened.status_code == (201 if lead == 200 else lead), viewer
    listed = client.get("/api/v1/groups", **auth).content.decode()
    for secret in secrets_of_others(viewer):
        assert secret not in listed


def test_it_prints_only_your_groups_in_the_cli_and_no_ones_secrets(capsys, world):
    for viewer in PEOPLE:
        assert_cli(capsys, world, viewer)


def assert_cli(capsys, world, viewer):
    for group in world["groups"].values():
        status = main(["group", "feed", str(group.pk), "--json", "--user", viewer])
        out, _ = capsys.readouterr()
        if expected_status(world["people"][viewer], group, "member") == 404:
            assert (status, out) == (1, "")
            continue
        assert status == 0
        for secret in secrets_of_others(viewer):
            assert secret not in out, (viewer, secret)
        json.loads(out)


def test_it_lets_the_coach_see_ben_share_and_nothing_of_cara(client, world):
    client.force_login(world["people"]["alice"])
    page = client.get(f"/groups/{world['groups']['circle'].pk}/").content.decode()

    assert "Shared-ben-checkin" in page
    assert "Finish the ben project." in page  # the shared goal's sentence
    assert "Finish the cara project." not in page  # cara shares nothing
    assert "shares no goal here" in page


def test_it_exports_only_your_own_plan(client, capsys, world):
    for viewer in PEOPLE:
        client.force_login(world["people"][viewer])
        exported = client.get("/goal/export/").content.decode()
        main(["goal", "export", "--user", viewer])
        printed = capsys.readouterr().out
        for name in PEOPLE:
            for text in (exported, printed):
                assert (f"SECRET-{name}" in text) is (name == viewer), (viewer, name)


def test_it_never_shows_one_persons_answers_to_the_coach_or_an_admin(client, world):
    """Even when the coach also administers this Hedgerow: still only totals."""
    from hedgerow.accounts.services import set_admin

    coach = world["people"]["alice"]
    set_admin(person=coach, admin=True)
    client.force_login(coach)
    rnd = world["rounds"][world["groups"]["circle"].pk]

    assert client.get("/admin/groups/round/").status_code == 404
    assert client.get("/admin/groups/ballot/").status_code == 404
    page = client.get(f"/groups/rounds/{rnd.pk}/").content.decode()
    for name in ("ben", "cara"):
        assert name not in page.split('class="heatmap"')[1]


def test_it_keeps_a_left_members_checkins_out_of_the_group(client, world):
    circle = world["groups"]["circle"]
    ben = world["people"]["ben"]
    services.leave_group(membership=circle.memberships.get(owner=ben))

    client.force_login(world["people"]["cara"])
    assert "Shared-ben-checkin" not in client.get(f"/groups/{circle.pk}/").content.decode()
