"""Leaders ask (rule L1) on the pages: asking, answering with or without a name, voting, and the
leader's decision with the spread of answers."""

from __future__ import annotations

import pytest

from hedgerow.groups import leaders
from hedgerow.groups.models import Idea, Question, Vote

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def signed_in(client, who):
    client.force_login(who)
    return client


@pytest.fixture
def question(coach_in):
    return leaders.ask_question(membership=coach_in, text="What slows our sessions down?")


def test_it_asks_the_group_a_question(client, group, coach):
    response = signed_in(client, coach).post(
        f"/groups/{group.pk}/questions/", {"text": "What should we stop doing?"}
    )

    question = Question.objects.get()
    assert response["Location"] == f"/groups/questions/{question.pk}/"


def test_it_posts_an_answer_without_a_name(client, group, ben_in, ben, question):
    client = signed_in(client, ben)
    client.post(
        f"/groups/questions/{question.pk}/answers/",
        {"kind": "issue", "text": "We start twenty minutes late.", "anonymous": "on"},
    )

    idea = Idea.objects.get()
    assert (idea.owner, idea.kind) == (None, "issue")
    page = client.get(f"/groups/questions/{question.pk}/").content.decode()
    assert "Without a name" in page
    assert "ben" not in page.split('id="answers"')[1].split("Your answer")[0]


def test_it_votes_for_someone_elses_answer(client, group, ben_in, cara_in, cara, question):
    idea = leaders.submit_idea(membership=ben_in, question=question, kind="idea", text="Rotate.")

    signed_in(client, cara).post(f"/groups/ideas/{idea.pk}/vote/")

    assert Vote.objects.get().owner == cara
    page = client.get(f"/groups/questions/{question.pk}/").content.decode()
    assert 'aria-pressed="true">Voted' in page
    assert "1 vote" in page


def test_it_records_the_leaders_decision(client, group, coach, ben_in, question):
    leaders.submit_idea(membership=ben_in, question=question, kind="solution", text="Agenda first")
    client = signed_in(client, coach)

    client.post(
        f"/groups/questions/{question.pk}/decide/",
        {"decision": "We send the agenda the day before.", "why": "It had the most votes."},
    )

    page = client.get(f"/groups/questions/{question.pk}/").content.decode()
    assert "We send the agenda the day before." in page
    assert "Your answer</h3>" not in page  # closed to new answers


def test_it_keeps_the_decision_to_leads(client, group, ben_in, ben, question):
    response = signed_in(client, ben).post(
        f"/groups/questions/{question.pk}/decide/", {"decision": "Mine", "why": "Because"}
    )

    assert response.status_code == 403
