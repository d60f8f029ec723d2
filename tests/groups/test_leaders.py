"""Leaders ask (rule L1): open questions, answers of three kinds, anonymous if chosen, votes and
the leader's decision."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from hedgerow.groups import leaders
from hedgerow.groups.models import Idea
from hedgerow.lib.errors import InvalidInput

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


@pytest.fixture
def question(coach_in):
    return leaders.ask_question(membership=coach_in, text="What slows our Thursday sessions?")


def test_it_lets_only_leads_ask(group, ben_in):
    with pytest.raises(PermissionDenied):
        leaders.ask_question(membership=ben_in, text="Why?")


def test_it_keeps_no_author_for_an_anonymous_answer(question, ben_in, cara_in):
    named = leaders.submit_idea(
        membership=ben_in, question=question, kind="issue", text="We start late."
    )
    hidden = leaders.submit_idea(
        membership=cara_in, question=question, kind="solution", text="Agenda first.", anonymous=True
    )

    assert named.owner == ben_in.owner
    assert hidden.owner is None
    assert not any(f.name.endswith("_at") for f in Idea._meta.get_fields())


def test_it_counts_votes_for_other_peoples_answers(question, ben_in, cara_in, coach_in):
    idea = leaders.submit_idea(membership=ben_in, question=question, kind="idea", text="Rotate.")
    with pytest.raises(InvalidInput, match="other people's answers"):
        leaders.toggle_vote(membership=ben_in, idea=idea)

    assert leaders.toggle_vote(membership=cara_in, idea=idea) is True
    assert leaders.toggle_vote(membership=coach_in, idea=idea) is True
    assert leaders.toggle_vote(membership=coach_in, idea=idea) is False

    assert [i.vote_count for i in leaders.ideas_for(question)] == [1]


def test_it_shows_the_leader_the_spread(question, ben_in, cara_in, coach_in):
    a = leaders.submit_idea(membership=ben_in, question=question, kind="issue", text="Late start.")
    leaders.submit_idea(membership=ben_in, question=question, kind="idea", text="Walk and talk.")
    leaders.submit_idea(
        membership=cara_in, question=question, kind="solution", text="Agenda.", anonymous=True
    )
    leaders.toggle_vote(membership=cara_in, idea=a)
    leaders.toggle_vote(membership=coach_in, idea=a)

    spread = leaders.spread_of(question)

    assert (spread.answers, spread.named_people, spread.anonymous) == (3, 1, 1)
    assert spread.by_kind == {"idea": 1, "issue": 1, "solution": 1}
    assert (spread.votes, spread.voters, spread.top_share) == (2, 2, 1.0)


def test_it_records_the_decision_and_closes_the_question(question, ben_in, coach_in):
    idea = leaders.submit_idea(membership=ben_in, question=question, kind="idea", text="Rotate.")
    with pytest.raises(PermissionDenied):
        leaders.record_decision(membership=ben_in, question=question, decision="x", why="y")

    leaders.record_decision(
        membership=coach_in,
        question=question,
        decision="We rotate who chairs.",
        why="Most votes, and it costs nothing to try.",
    )

    assert not question.is_open
    with pytest.raises(InvalidInput, match="takes no more answers"):
        leaders.submit_idea(membership=ben_in, question=question, kind="idea", text="More")
    with pytest.raises(InvalidInput, match="votes are closed"):
        leaders.toggle_vote(membership=coach_in, idea=idea)


def test_it_refuses_answers_for_another_groups_question(question, other_group, outsider):
    mallory_in = other_group.memberships.get(owner=outsider)
    with pytest.raises(InvalidInput, match="another group"):
        leaders.submit_idea(membership=mallory_in, question=question, kind="idea", text="Hi")
