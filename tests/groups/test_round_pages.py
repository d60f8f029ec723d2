"""The Great Groups pages (rule T1): answering once, the heatmap and the three weakest elements,
and results that stay hidden until they protect everyone."""

from __future__ import annotations

import re

import pytest

from hedgerow.groups import assessment
from hedgerow.groups.models import Ballot, Round

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def signed_in(client, who):
    client.force_login(who)
    return client


def form_data(page: str, score: int = 4, comment: str = "") -> dict[str, str]:
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token, "the answer form carries the person's one-time token"
    data = {f"e{n}": str(score) for n in range(1, 16)}
    return data | {"token": token.group(1), "comment": comment}


@pytest.fixture
def rnd(coach_in):
    return assessment.open_round(membership=coach_in)


def answer_on_the_page(client, who, rnd, score=4, comment=""):
    client = signed_in(client, who)
    page = client.get(f"/groups/rounds/{rnd.pk}/").content.decode()
    return client.post(f"/groups/rounds/{rnd.pk}/answer/", form_data(page, score, comment))


def test_it_opens_a_round_for_the_coach(client, group, coach):
    response = signed_in(client, coach).post(f"/groups/{group.pk}/rounds/open/")

    rnd = Round.objects.get()
    assert response["Location"] == f"/groups/rounds/{rnd.pk}/"


def test_it_asks_the_fifteen_elements_as_labelled_choices(client, group, ben_in, ben, rnd):
    page = signed_in(client, ben).get(f"/groups/rounds/{rnd.pk}/").content.decode()

    assert page.count("<legend>") == 15
    assert "<legend>1. We share a clear, tangible outcome" in page
    assert page.count('type="radio"') == 75


def test_it_takes_an_answer_once(client, group, ben_in, ben, rnd):
    first = answer_on_the_page(client, ben, rnd)
    assert first.status_code == 302
    assert Ballot.objects.get(owner=ben).used

    page = client.get(f"/groups/rounds/{rnd.pk}/").content.decode()
    assert "your answer is in" in page
    assert 'name="token"' not in page  # no second form
    token = Ballot.objects.get(owner=ben).token
    data = {f"e{n}": "1" for n in range(1, 16)} | {"token": token, "comment": ""}
    again = client.post(f"/groups/rounds/{rnd.pk}/answer/", data, follow=True)
    assert "answered round 1 already" in again.content.decode()
    rnd.refresh_from_db()
    assert rnd.tallies["1"] == [0, 0, 0, 1, 0]


def test_it_names_the_elements_still_unrated(client, group, ben_in, ben, rnd):
    client = signed_in(client, ben)
    page = client.get(f"/groups/rounds/{rnd.pk}/").content.decode()
    data = form_data(page)
    del data["e9"]

    response = client.post(f"/groups/rounds/{rnd.pk}/answer/", data)

    assert response.status_code == 400
    assert "Element 9: choose 1 to 5." in response.content.decode()
    assert not Ballot.objects.filter(used=True).exists()


def test_it_shows_results_once_everyone_of_three_has_answered(
    client, group, coach, ben, cara, ben_in, cara_in, rnd
):
    answer_on_the_page(client, coach, rnd, 2, "We could use a clearer aim.")
    answer_on_the_page(client, ben, rnd, 3)
    page = client.get(f"/groups/rounds/{rnd.pk}/").content.decode()
    assert "heatmap" not in page
    assert "Results appear when the round closes" in page

    answer_on_the_page(client, cara, rnd, 4)
    page = client.get(f"/groups/rounds/{rnd.pk}/").content.decode()

    assert 'class="heatmap"' in page
    assert "Three to talk about" in page
    assert "We could use a clearer aim." in page
    assert page.count('<td class="num heat-') == 75
    assert "<strong>3.0</strong>" in page


def test_it_keeps_a_small_rounds_results_hidden(client, group, coach, coach_in, ben, ben_in, rnd):
    answer_on_the_page(client, coach, rnd, 5, "Private thought")
    answer_on_the_page(client, ben, rnd, 1)  # two of two: closed, below the threshold

    page = signed_in(client, coach).get(f"/groups/rounds/{rnd.pk}/").content.decode()

    assert "results need at least 3" in page
    assert "Private thought" not in page
    assert "heatmap" not in page


def test_it_tells_the_coach_what_closing_now_would_do(client, group, coach, ben_in, cara_in, rnd):
    page = signed_in(client, coach).get(f"/groups/rounds/{rnd.pk}/").content.decode()
    assert "If you close it now: No one answered; results need at least 3" in page

    response = client.post(f"/groups/rounds/{rnd.pk}/close/", follow=True)
    assert "Round 1 is closed. Its results stay hidden." in response.content.decode()


def test_it_shows_the_trend_across_rounds(
    client, group, coach, coach_in, ben, ben_in, cara, cara_in
):
    for score in (2, 4):
        rnd = assessment.open_round(membership=coach_in)
        for who in (coach, ben, cara):
            assessment.answer_round(
                rnd=rnd, person=who, ratings={str(n): score for n in range(1, 16)}
            )

    page = signed_in(client, ben).get(f"/groups/{group.pk}/rounds/").content.decode()

    assert '<figure class="chart line"' in page
    assert '<th scope="col">Round 2</th>' in page
    assert page.count("up 2.0") == 15
