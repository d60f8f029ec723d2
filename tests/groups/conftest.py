"""Named people for group tests: a coach (alice, the `owner` fixture), two members (ben, cara)
and an outsider (mallory) who belongs to a group of her own."""

from __future__ import annotations

from datetime import date

import pytest

from hedgerow.accounts.services import add_person
from hedgerow.goals import services as goal_services
from hedgerow.groups import services
from hedgerow.groups.models import Membership

START = date(2026, 11, 9)  # conftest.NOW (Wednesday 25 November 2026) is in week 3


def person(name: str):
    user = add_person(username=name)
    user.set_password("password")
    user.save()
    return user


@pytest.fixture
def coach(owner):
    return owner


@pytest.fixture
def ben(db):
    return person("ben")


@pytest.fixture
def cara(db):
    return person("cara")


@pytest.fixture
def group(coach):
    return services.create_group(creator=coach, name="Thursday circle", start_date=START)


def join(group, who, role=Membership.Role.MEMBER) -> Membership:
    lead = group.memberships.get(role=Membership.Role.COACH)
    invite = services.create_invite(membership=lead, role=role)
    return services.accept_invite(invite=invite, person=who)


@pytest.fixture
def ben_in(group, ben):
    return join(group, ben)


@pytest.fixture
def cara_in(group, cara):
    return join(group, cara)


@pytest.fixture
def coach_in(group, coach):
    return group.memberships.get(owner=coach)


@pytest.fixture
def other_group(outsider):
    return services.create_group(creator=outsider, name="Mallory's team")


def goal_for(who, sentence="Publish my first novel.", start=START):
    return goal_services.start_goal(owner=who, sentence=sentence, start_date=start)


def check_in(goal, week, did="Wrote three mornings.", progress=2, confidence=6, today=None):
    return goal_services.record_checkin(
        goal=goal, week=week, did=did, progress=progress, confidence=confidence, today=today
    ).checkin
