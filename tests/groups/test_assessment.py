"""The Great Groups assessment (rule T1): one answer each, totals only, results only when they
protect everyone, and never a way to single one person out, not even by comparing rounds."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models

from hedgerow.groups import assessment, services
from hedgerow.groups.assessment import AlreadyAnswered
from hedgerow.groups.models import Ballot, Round
from hedgerow.lib.errors import InvalidInput
from tests.conftest import NOW
from tests.groups.conftest import join, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def ratings(score: int = 3, **overrides: int) -> dict[str, int]:
    """Fifteen scores; overrides as e_4=5 set element 4."""
    given = {str(n): score for n in range(1, 16)}
    given |= {key.removeprefix("e_"): value for key, value in overrides.items()}
    return given


@pytest.fixture
def team(group, coach_in):
    """The coach and five members: six people who may answer."""
    return [coach_in] + [join(group, person(name)) for name in ("dan", "eve", "fay", "gus", "hal")]


def answer(rnd, membership, given=None, comment=""):
    return assessment.answer_round(
        rnd=rnd, person=membership.owner, ratings=given or ratings(), comment=comment
    )


def test_it_takes_one_answer_each(group, coach_in, ben_in):
    rnd = assessment.open_round(membership=coach_in)

    assert answer(rnd, ben_in) == 1
    with pytest.raises(AlreadyAnswered, match="answered round 1 already"):
        answer(rnd, ben_in, ratings(5))
    rnd.refresh_from_db()
    assert rnd.tallies["1"] == [0, 0, 1, 0, 0]  # the second answer changed nothing


def test_it_refuses_a_token_that_is_not_the_persons(group, coach_in, ben_in, cara_in):
    rnd = assessment.open_round(membership=coach_in)
    caras = assessment.ballot_for(rnd=rnd, person=cara_in.owner)

    with pytest.raises(InvalidInput, match="belongs to someone else"):
        assessment.answer_round(rnd=rnd, person=ben_in.owner, ratings=ratings(), token=caras.token)
    assert not Ballot.objects.filter(used=True).exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({k: v for k, v in ratings().items() if k != "7"}, "missing 7"),
        (ratings(e_3=6), "element 3 needs a whole number from 1 to 5"),
        (ratings(e_3=0), "element 3 needs"),
        (ratings() | {"2": True}, "element 2 needs"),
        (ratings() | {"16": 3}, "no element 16"),
        (ratings() | {"x": 3}, "'x' is not an element number"),
    ],
)
def test_it_names_the_rating_it_cannot_use(group, coach_in, ben_in, given, message):
    rnd = assessment.open_round(membership=coach_in)

    with pytest.raises(InvalidInput, match=message):
        answer(rnd, ben_in, given)
    assert not Ballot.objects.filter(used=True).exists()


def test_it_lets_only_leads_open_and_close_rounds(group, coach_in, ben_in):
    with pytest.raises(PermissionDenied):
        assessment.open_round(membership=ben_in)
    rnd = assessment.open_round(membership=coach_in)
    with pytest.raises(PermissionDenied):
        assessment.close_round(membership=ben_in, rnd=rnd)
    with pytest.raises(InvalidInput, match="still open"):
        assessment.open_round(membership=coach_in)


def test_it_refuses_outsiders_and_closed_rounds(group, coach_in, ben_in, outsider):
    rnd = assessment.open_round(membership=coach_in)
    with pytest.raises(PermissionDenied):
        assessment.answer_round(rnd=rnd, person=outsider, ratings=ratings())
    assessment.close_round(membership=coach_in, rnd=rnd)
    with pytest.raises(InvalidInput, match="closed"):
        answer(rnd, ben_in)


# --- nothing links an answer to a person ----------------------------------------------------------


def test_it_keeps_no_field_that_could_tie_an_answer_to_a_person():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for field in Ballot._meta.get_fields():
        assert not isinstance(field, models.DateTimeField | models.DateField | models.JSONField)
    answer_fields = {"tallies", "comments"}
    for model in apps.get_app_config("groups").get_models():
        names = {f.name for f in model._meta.get_fields()}
        if names & answer_fields:
            assert model is Round
    people = [
        f.name for f in Round._meta.get_fields() if f.is_relation and f.related_model is user_model
    ]
    assert people == ["opened_by"]  # who opened it, never who answered


def test_it_stores_the_same_round_whatever_order_people_answer_in(group, team):
    """Two rounds, the same answers in opposite orders: the stored rows cannot tell them apart,
    so nothing in the database says who answered what, or when."""
    coach_in = team[0]
    given = [ratings(n % 5 + 1, e_1=(n + 2) % 5 + 1) for n in range(len(team))]
    comments = [f"Comment {n}" for n in range(len(team))]
    stored = []
    for order in (range(len(team)), reversed(range(len(team)))):
        rnd = assessment.open_round(membership=coach_in)
        for index in order:
            answer(rnd, team[index], given[index], comments[index])
        rnd.refresh_from_db()
        ballots = sorted(Ballot.objects.filter(round=rnd).values_list("owner_id", "used"))
        stored.append((rnd.tallies, sorted(rnd.comments), ballots, rnd.closed_at is not None))
    assert stored[0] == stored[1]


# --- when results show ----------------------------------------------------------------------------


def test_it_shows_results_once_three_have_answered_and_everyone_is_in(
    group, coach_in, ben_in, cara_in
):
    rnd = assessment.open_round(membership=coach_in)
    answer(rnd, coach_in, ratings(4, e_2=1), "We know where we are going.")
    answer(rnd, ben_in, ratings(5, e_2=2), "Mornings are noisy.")
    assert assessment.results_of(rnd)["visible"] is False

    answer(rnd, cara_in, ratings(3, e_2=2))  # everyone has answered: the round closes

    rnd.refresh_from_db()
    results = assessment.results_of(rnd)
    assert (rnd.is_open, results["visible"], results["responses"]) == (False, True, 3)
    first, second = results["elements"][0], results["elements"][1]
    assert (first["number"], first["mean"]) == (1, 4.0)
    assert first["distribution"] == {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}
    assert (second["mean"], second["distribution"]["2"]) == (1.67, 2)
    assert results["comments"] == ["Mornings are noisy.", "We know where we are going."]
    assert [w["number"] for w in results["weakest"]] == [2, 1, 3]
    assert results["weakest"][0]["prompt"].endswith("?")


def test_it_shows_nothing_below_the_threshold(group, coach_in, ben_in):
    rnd = assessment.open_round(membership=coach_in)
    answer(rnd, coach_in, comment="Only two of us.")
    answer(rnd, ben_in)  # both members answered: the round closes with two answers

    results = assessment.results_of(Round.objects.get(pk=rnd.pk))

    assert (results["visible"], results["responses"]) == (False, 2)
    assert results["elements"] == results["comments"] == results["weakest"] == []
    assert "results need at least 3" in results["why_hidden"]


def test_it_shows_nothing_while_the_round_is_open(group, team):
    """Watching the totals change as one more person answers would show that person's answer,
    so an open round shows only how many have answered."""
    coach_in = team[0]
    rnd = assessment.open_round(membership=coach_in)
    for membership in team[:3]:
        answer(rnd, membership)
    at_three = assessment.results_of(rnd)
    answer(rnd, team[3], ratings(1), "Something only I would say.")
    at_four = assessment.results_of(rnd)

    assert (at_three["responses"], at_four["responses"]) == (3, 4)
    for results in (at_three, at_four):
        assert (results["visible"], results["elements"], results["comments"]) == (False, [], [])
    assert "appear when the round closes" in at_four["why_hidden"]


def test_it_holds_back_a_round_that_differs_from_another_by_one_respondent(group, team):
    """Round 1: four people. Round 2: the same four, answering exactly as before, and one more.
    The difference between the two rounds' totals would be that one person's answer, so round 2
    stays hidden and nothing anyone can see tells what the fifth person said."""
    coach_in = team[0]
    same = [ratings(4, e_5=2), ratings(3), ratings(5, e_9=1), ratings(2)]
    first = assessment.open_round(membership=coach_in)
    for membership, given in zip(team[:4], same, strict=True):
        answer(first, membership, given)
    first = assessment.close_round(membership=coach_in, rnd=first)
    second = assessment.open_round(membership=coach_in)
    for membership, given in zip(team[:4], same, strict=True):
        answer(second, membership, given)
    answer(second, team[4], ratings(1, e_15=5), "Only the fifth person wrote this.")
    second = assessment.close_round(membership=coach_in, rnd=second)

    shown_first, shown_second = assessment.results_of(first), assessment.results_of(second)
    assert shown_first["visible"] is True
    assert (shown_second["visible"], shown_second["responses"]) == (False, 5)
    assert shown_second["elements"] == shown_second["comments"] == []
    assert "differ from round 1's by only one person" in shown_second["why_hidden"]
    trend = assessment.trends_of(group)
    assert [row["number"] for row in trend] == [1]  # the held round adds nothing to the trend


def test_it_holds_back_a_round_missing_one_respondent_of_an_earlier_one(group, team):
    coach_in = team[0]
    first = assessment.open_round(membership=coach_in)
    for membership in team[:4]:
        answer(first, membership)
    assessment.close_round(membership=coach_in, rnd=first)
    second = assessment.open_round(membership=coach_in)
    for membership in team[:3]:
        answer(second, membership)

    second = assessment.close_round(membership=coach_in, rnd=second)

    assert assessment.results_of(second)["visible"] is False


@pytest.mark.parametrize(("first_size", "second_size"), [(4, 4), (3, 6)])
def test_it_shows_rounds_with_the_same_people_or_enough_difference(
    group, team, first_size, second_size
):
    coach_in = team[0]
    for size in (first_size, second_size):
        rnd = assessment.open_round(membership=coach_in)
        for membership in team[:size]:
            answer(rnd, membership)
        if rnd.ballots.filter(used=True).count() < len(team):
            assessment.close_round(membership=coach_in, rnd=rnd)

    assert [row["number"] for row in assessment.trends_of(group)] == [1, 2]


def test_it_hides_old_results_when_the_group_raises_its_threshold(group, team):
    coach_in = team[0]
    rnd = assessment.open_round(membership=coach_in)
    for membership in team[:3]:
        answer(rnd, membership)
    rnd = assessment.close_round(membership=coach_in, rnd=rnd)
    assert assessment.results_of(rnd)["visible"] is True

    services.raise_threshold(membership=coach_in, threshold=4)

    results = assessment.results_of(Round.objects.get(pk=rnd.pk))
    assert (results["visible"], results["elements"]) == (False, [])
    assert "raised its threshold to 4" in results["why_hidden"]


def test_it_follows_each_element_across_rounds(group, team):
    coach_in = team[0]
    with time_machine.travel(NOW - timedelta(days=30), tick=False):
        first = assessment.open_round(membership=coach_in)
        for membership in team:
            answer(first, membership, ratings(2, e_1=4))
    second = assessment.open_round(membership=coach_in)
    for membership in team:
        answer(second, membership, ratings(3, e_1=5))

    trend = assessment.trends_of(group)

    assert [(row["number"], row["responses"]) for row in trend] == [(1, 6), (2, 6)]
    assert (trend[0]["means"]["1"], trend[1]["means"]["1"]) == (4.0, 5.0)
    assert (trend[0]["overall"], trend[1]["overall"]) == (2.13, 3.13)
    assert trend[0]["closed_on"] == "2026-10-26"
