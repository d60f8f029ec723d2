"""POST /api/v1/goals/check and /api/v1/goals/blocker: the CLI's shapes, behind the API's keys."""

from __future__ import annotations

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.goals.blockers import classify_blocker
from hedgerow.goals.sentence import check_goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def headers(owner):
    return {"Authorization": f"Bearer {create_api_token(owner=owner, name='script')[1]}"}


def post(client, path: str, body: dict, headers: dict):
    return client.post(path, body, content_type="application/json", headers=headers)


def test_it_checks_a_goal_like_the_cli(client, headers):
    text = "I want to write a novel and have it published and be on TV."

    response = post(client, "/api/v1/goals/check", {"text": text}, headers)

    assert response.status_code == 200
    assert response.json() == check_goal(text)
    assert response.json()["clear"] is False


def test_it_reads_a_blocker_like_the_cli(client, headers):
    text = "but it's too hard"

    response = post(client, "/api/v1/goals/blocker", {"text": text}, headers)

    assert response.status_code == 200
    assert response.json() == classify_blocker(text)
    assert response.json()["kind"] == "commitment"


@pytest.mark.parametrize("path", ["/api/v1/goals/check", "/api/v1/goals/blocker"])
def test_it_refuses_empty_text_naming_the_field(client, headers, path):
    response = post(client, path, {"text": "  "}, headers)

    assert response.status_code == 422
    assert response.json() == {"detail": "text is empty; a few words are enough.", "field": "text"}


@pytest.mark.parametrize("path", ["/api/v1/goals/check", "/api/v1/goals/blocker"])
def test_it_wants_the_text_field(client, headers, path):
    response = post(client, path, {"goal": "Run a marathon"}, headers)

    assert response.status_code == 422


@pytest.mark.parametrize("path", ["/api/v1/goals/check", "/api/v1/goals/blocker"])
def test_it_refuses_requests_without_a_key(client, owner, path):
    response = post(client, path, {"text": "Run a marathon"}, {})

    assert response.status_code == 401
