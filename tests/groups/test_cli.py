"""`hedgerow group …` and `hedgerow round …`: the flags and JSON shapes issue 12 spells out."""

from __future__ import annotations

import io
import json

import pytest

from hedgerow.cli import main
from hedgerow.groups import assessment, services
from hedgerow.groups.models import GoalShare, Group, Invite, Membership, Round
from tests.groups.conftest import check_in, goal_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_creates_a_group_and_prints_an_invitation_link(capsys, coach, monkeypatch):
    monkeypatch.setenv("HEDGEROW_BASE_URL", "https://hedgerow.example.org/")

    status, out, _ = run(capsys, "group", "create", "Thursday circle")
    group = Group.objects.get()
    assert status == 0
    assert out.startswith(f"Started Thursday circle (group {group.pk}); you are its coach.")

    status, out, err = run(capsys, "group", "invite", "thursday circle")
    invite = Invite.objects.get()
    assert status == 0
    assert out == f"https://hedgerow.example.org/groups/join/{invite.token}/\n"
    assert "Works until 2026-12-09" in err


def test_it_joins_by_link_or_bare_token(capsys, group, coach_in, ben, cara):
    invite = services.create_invite(membership=coach_in)

    status, out, _ = run(
        capsys, "group", "join", f"http://x/groups/join/{invite.token}/", "--user", "ben"
    )
    assert status == 0
    assert out.startswith("You are in Thursday circle")
    assert run(capsys, "group", "join", invite.token, "--user", "cara")[0] == 0
    assert Membership.objects.filter(group=group).count() == 3


def test_it_says_when_a_link_no_longer_works(capsys, group, coach_in, ben):
    invite = services.revoke_invite(
        membership=coach_in, invite=services.create_invite(membership=coach_in)
    )

    status, _, err = run(capsys, "group", "join", invite.token, "--user", "ben")

    assert status == 2
    assert "expired or was withdrawn" in err


def test_it_shares_the_active_goal_and_stops(capsys, group, ben_in, ben):
    goal = goal_for(ben)

    status, out, _ = run(capsys, "group", "share", "--goal", "--user", "ben")
    assert status == 0
    assert "Thursday circle now sees “Publish my first novel.”" in out
    assert GoalShare.objects.get().goal == goal

    assert run(capsys, "group", "share", str(group.pk), "--stop", "--user", "ben")[0] == 0
    assert not GoalShare.objects.exists()


def test_it_prints_the_feed_as_json(capsys, group, ben_in, cara_in, ben, cara):
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    checkin = check_in(goal, 3, did="Outlined part two.")
    services.reply_to_checkin(membership=cara_in, checkin=checkin, kind="insight", text="Ah!")

    status, out, _ = run(capsys, "group", "feed", "Thursday circle", "--json", "--user", "cara")

    data = json.loads(out)
    assert status == 0
    assert data["group"] == {
        "id": group.pk,
        "name": "Thursday circle",
        "role": "member",
        "members": 3,
        "unread": 1,
    }
    item = data["items"][0]
    assert (item["kind"], item["week"], item["did"], item["new"]) == (
        "checkin",
        3,
        "Outlined part two.",
        True,
    )
    assert [(r["kind"], r["text"]) for r in item["replies"]] == [("insight", "Ah!")]
    assert item["reactions"] == {"cheer": 0, "with_you": 0, "keep_going": 0}


def test_it_prints_the_feed_for_people_and_marks_it_read(capsys, group, ben_in, cara_in, ben):
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    check_in(goal, 3, did="Outlined part two.")

    status, out, _ = run(capsys, "group", "feed", str(group.pk), "--user", "cara")

    assert status == 0
    assert "[new] ben, week 3 (2026-11-25): Outlined part two." in out
    cara_in.refresh_from_db()
    assert cara_in.last_seen_at is not None


def test_it_opens_a_round_and_asks_the_fifteen_elements_one_by_one(
    capsys, monkeypatch, group, coach_in, ben_in
):
    status, out, _ = run(capsys, "round", "open", "Thursday circle", "--user", "alice")
    rnd = Round.objects.get()
    assert status == 0
    assert out.strip().endswith(f"hedgerow round answer {rnd.pk}")
    answers = ["4"] * 6 + ["seven", "5"] + ["3"] * 8 + ["Good energy."]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))

    status, out, _ = run(capsys, "round", "answer", str(rnd.pk), "--user", "ben")

    assert status == 0
    assert " 7/15  Our leader keeps us focused without micro-managing." in out
    assert "Please type a number from 1 to 5" in out
    assert "Thank you. Your answer is in round 1's totals with no name on it; 1 answered" in out
    rnd.refresh_from_db()
    assert rnd.tallies["7"] == [0, 0, 0, 0, 1]
    assert rnd.comments == ["Good energy."]


def test_it_stops_without_sending_when_input_ends(capsys, monkeypatch, group, coach_in, ben_in):
    rnd = assessment.open_round(membership=coach_in)
    monkeypatch.setattr("sys.stdin", io.StringIO("4\n4\n"))

    status, _, err = run(capsys, "round", "answer", str(rnd.pk), "--user", "ben")

    assert status == 2
    assert "nothing was sent" in err
    assert not rnd.ballots.filter(used=True).exists()


def test_it_refuses_a_second_answer(capsys, group, coach_in, ben_in):
    rnd = assessment.open_round(membership=coach_in)
    given = ",".join(["3"] * 15)
    assert (
        run(
            capsys,
            "round",
            "answer",
            str(rnd.pk),
            "--ratings",
            given,
            "--comment",
            "",
            "--user",
            "ben",
        )[0]
        == 0
    )

    status, _, err = run(
        capsys, "round", "answer", str(rnd.pk), "--ratings", given, "--user", "ben"
    )

    assert status == 2
    assert "answered round 1 already" in err


def test_it_prints_results_only_once_they_protect_everyone(
    capsys, group, coach_in, ben_in, cara_in
):
    rnd = assessment.open_round(membership=coach_in)
    for who, score in (("alice", "2"), ("ben", "4")):
        run(
            capsys,
            "round",
            "answer",
            str(rnd.pk),
            "--ratings",
            ",".join([score] * 15),
            "--comment",
            "",
            "--user",
            who,
        )

    status, out, _ = run(capsys, "round", "results", str(rnd.pk), "--json", "--user", "ben")
    hidden = json.loads(out)
    assert (status, hidden["responses"], hidden["visible"], hidden["elements"]) == (0, 2, False, [])

    run(
        capsys,
        "round",
        "answer",
        str(rnd.pk),
        "--ratings",
        ",".join(["3"] * 15),
        "--comment",
        "Fine",
        "--user",
        "cara",
    )
    status, out, _ = run(capsys, "round", "results", str(rnd.pk), "--user", "ben")

    assert status == 0
    assert "round 1: 3 answered" in out
    assert " 1. A clear outcome" in out and "3.0" in out
    assert "Three to talk about:" in out
    assert "  • Fine" in out


def test_it_lists_your_groups(capsys, group, ben_in, other_group):
    status, out, _ = run(capsys, "group", "list", "--user", "ben")

    assert status == 0
    assert out == f"{group.pk}  Thursday circle  (member, 2 members)\n"


def test_it_names_a_group_you_are_not_in(capsys, other_group, ben):
    status, _, err = run(capsys, "group", "feed", "Mallory's team", "--user", "ben")

    assert status == 1
    assert 'You are in no group "Mallory\'s team"' in err


def test_it_lists_members_and_removes_one(capsys, group, coach_in, ben_in, cara_in):
    status, out, _ = run(capsys, "group", "members", str(group.pk), "--json", "--user", "ben")
    assert status == 0
    assert [row["role"] for row in json.loads(out)] == ["coach", "member", "member"]

    status, out, _ = run(capsys, "group", "remove", "Thursday circle", "ben", "--user", "alice")
    assert (status, out) == (0, "ben is no longer in Thursday circle.\n")
    assert group.memberships.count() == 2

    status, _, err = run(capsys, "group", "remove", "Thursday circle", "ben", "--user", "alice")
    assert status == 1
    assert "Nobody called 'ben'" in err
