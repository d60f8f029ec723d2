"""Deleting your own account: everything it owned goes, after the password; other people's
data stays; groups carry on (Great Groups answers stay anonymous and counted; a group's only
guide is succeeded by the member who joined first; a group with no one else is deleted)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from hedgerow.accounts import throttle
from hedgerow.accounts.models import ApiToken
from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.goals.models import CheckIn, Goal
from hedgerow.groups import assessment
from hedgerow.groups.elements import NUMBERS
from hedgerow.groups.models import Group, Membership, Round
from hedgerow.network.models import Contact, Interaction
from hedgerow.network.services import log_interaction
from hedgerow.practice import services as practice
from hedgerow.practice.models import Reflection
from tests.groups.conftest import START, check_in, goal_for, join, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def keep_things(who, make_contact) -> None:
    contact = make_contact(who, f"Friend of {who.username}")
    log_interaction(contact=contact, kind="call", text="Talked")
    check_in(goal_for(who, start=START), 2)
    practice.add_reflection(owner=who, period="week", text="A good week")
    create_api_token(owner=who, name="script")


def owns_nothing(who_id: int) -> bool:
    return not any(
        model.objects.filter(owner_id=who_id).exists()
        for model in (Contact, Interaction, Goal, CheckIn, Reflection, ApiToken)
    )


def test_it_deletes_your_account_after_your_password(client, owner, outsider, make_contact):
    keep_things(owner, make_contact)
    keep_things(outsider, make_contact)
    client.force_login(owner)
    assert "/accounts/settings/delete/" in client.get("/accounts/settings/").content.decode()
    page = client.get("/accounts/settings/delete/").content.decode()
    assert "Your Great Groups answers were never stored with your name" in page

    wrong = client.post("/accounts/settings/delete/", {"password": "not-it"})
    assert wrong.status_code == 400
    assert "That is not your password." in wrong.content.decode()
    assert Contact.objects.filter(owner=owner).exists()

    response = client.post("/accounts/settings/delete/", {"password": "password"})

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    assert owns_nothing(owner.pk)
    assert Contact.objects.filter(owner=outsider).count() == 1
    assert "everything in it are deleted" in client.get("/accounts/login/").content.decode()
    assert client.get("/").status_code == 302  # signed out


def test_it_pauses_password_guessing_on_the_delete_page(client, owner):
    client.force_login(owner)
    for _ in range(throttle.ACCOUNT_LIMIT):
        client.post("/accounts/settings/delete/", {"password": "guess"})

    paused = client.post("/accounts/settings/delete/", {"password": "password"})

    assert paused.status_code == 429
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_it_deletes_an_account_from_the_cli(capsys, owner, outsider, make_contact):
    keep_things(owner, make_contact)

    assert main(["user", "remove", "alice"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["user", "remove", "alice", "--yes"]) == 0
    assert "Deleted 'alice'" in capsys.readouterr().out

    assert owns_nothing(owner.pk)
    assert main(["user", "list"]) == 0
    assert capsys.readouterr().out == "mallory\n"


def test_it_deletes_your_account_through_the_api(client, owner, outsider, make_contact):
    keep_things(owner, make_contact)
    key = create_api_token(owner=owner, name="mine")[1]
    headers = {"Authorization": f"Bearer {key}"}

    wrong = client.delete(
        "/api/v1/account", {"password": "nope"}, content_type="application/json", headers=headers
    )
    assert wrong.status_code == 403
    assert wrong.json() == {"detail": "That is not your password.", "field": "password"}

    done = client.delete(
        "/api/v1/account",
        {"password": "password"},
        content_type="application/json",
        headers=headers,
    )

    assert done.status_code == 204
    assert owns_nothing(owner.pk)
    assert client.get("/api/v1/contacts", headers=headers).status_code == 401
    assert get_user_model().objects.filter(pk=outsider.pk).exists()


def ratings(score: int) -> dict[str, int]:
    return {str(number): score for number in NUMBERS}


def test_it_keeps_great_groups_answers_counted_and_the_group_guided(client, owner):
    coach = owner
    group = Group.objects.get(pk=_group(coach).pk)
    members = [join(group, person(name)) for name in ("ben", "cara", "dan")]
    rnd = assessment.open_round(membership=group.memberships.get(owner=coach))
    for who, score in ((coach, 5), *((m.owner, 3) for m in members)):
        assessment.answer_round(rnd=rnd, person=who, ratings=ratings(score))
    rnd.refresh_from_db()
    before = assessment.results_of(rnd)
    assert before["visible"] and before["responses"] == 4

    client.force_login(coach)
    client.post("/accounts/settings/delete/", {"password": "password"})

    rnd = Round.objects.get(pk=rnd.pk)
    after = assessment.results_of(rnd)
    assert after["responses"] == 4
    assert after["elements"] == before["elements"]
    assert rnd.opened_by_id is None
    assert len(assessment.respondents(rnd)) == 4
    # No trace of who the departed answer was.
    assert rnd.ballots.filter(owner__isnull=True).values_list("departed", flat=True).count() == 1
    # The member who joined first now guides the group.
    ben = group.memberships.get(owner__username="ben")
    assert ben.role == Membership.Role.FACILITATOR
    assert group.memberships.filter(role=Membership.Role.MEMBER).count() == 2


def test_it_deletes_a_group_left_with_no_one(owner, outsider):
    alone = _group(owner)
    theirs = _group(outsider)

    main(["user", "remove", "alice", "--yes"])

    assert not Group.objects.filter(pk=alone.pk).exists()
    assert Group.objects.filter(pk=theirs.pk).exists()


def _group(coach) -> Group:
    from hedgerow.groups import services

    return services.create_group(creator=coach, name=f"{coach.username}'s circle", start_date=START)
