"""/api/v1/goals/: the plan, where the fifty weeks stand and the check-ins, as the CLI has them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.goals import services
from hedgerow.goals.models import CheckIn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
START = date(2026, 11, 9)  # NOW is in week 3
PLAN_KEYS = [
    "goal_id",
    "sentence",
    "why_now",
    "start_date",
    "end_date",
    "archived_at",
    "lifted_how",
    "value",
    "value_for",
    "steps",
    "blockers",
    "recon",
    "approaches",
    "milestones",
    "next_actions",
]
CHECKIN_KEYS = [
    "week",
    "recorded_on",
    "did",
    "progress",
    "confidence",
    "learned",
    "obstacles",
    "next_actions",
]


def bearer(person) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_api_token(owner=person, name='script')[1]}"}


@pytest.fixture
def headers(owner):
    return bearer(owner)


@pytest.fixture
def goal(owner, make_contact):
    goal = services.start_goal(
        owner=owner,
        sentence="Publish my first novel by writing every morning.",
        why_now="I turn 40 next year.",
        start_date=START,
    )
    services.adopt_goal_what(goal=goal)
    services.add_blocker(goal=goal, text="but I never have time after work")
    services.revise_value(goal=goal, value="A finished book", value_for="Readers of quiet fiction")
    item = services.add_recon_item(goal=goal, kind="enabler", side="outside", text="A group")
    services.link_contact(item=item, contact=make_contact(owner, "Ana Ruiz"))
    services.add_milestone(goal=goal, title="Draft chapter one", due_on=date(2026, 12, 1))
    services.add_next_action(goal=goal, text="Buy a notebook")
    return goal


def cli_json(capsys, *argv: str):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def post(client, path: str, body: dict, headers: dict):
    return client.post(path, body, content_type="application/json", headers=headers)


# --- the plan -------------------------------------------------------------------------------------


def test_it_returns_the_whole_plan(client, headers, goal):
    response = client.get("/api/v1/goals/plan", headers=headers)

    assert response.status_code == 200
    plan = response.json()
    assert list(plan) == PLAN_KEYS
    assert plan["sentence"] == "Publish my first novel."
    assert (plan["why_now"], plan["start_date"]) == ("I turn 40 next year.", "2026-11-09")
    assert (plan["value"], plan["value_for"]) == ("A finished book", "Readers of quiet fiction")
    assert [step["slug"] for step in plan["steps"]] == [
        "commitment",
        "value",
        "recon",
        "strategy",
        "execution",
    ]
    assert list(plan["blockers"][0]) == ["id", "text", "kind", "cue", "response"]
    assert plan["blockers"][0]["kind"] == "commitment"
    ana = goal.recon_items.get().contacts.get()
    assert plan["recon"] == [
        {
            "id": goal.recon_items.get().pk,
            "kind": "enabler",
            "side": "outside",
            "text": "A group",
            "contacts": [{"id": ana.pk, "name": "Ana Ruiz"}],
        }
    ]
    assert plan["approaches"][0]["text"] == "writing every morning"
    assert plan["approaches"][0]["from_goal_sentence"] is True
    assert plan["milestones"][0] | {"id": 0} == {
        "id": 0,
        "title": "Draft chapter one",
        "due_on": "2026-12-01",
        "done_on": None,
    }
    assert [a["text"] for a in plan["next_actions"]] == ["Buy a notebook"]


def test_it_answers_404_in_json_without_a_goal(client, headers):
    response = client.get("/api/v1/goals/plan", headers=headers)

    assert response.status_code == 404
    assert response.json() == {
        "detail": "You have no goal yet: write one under Goal, step 1, first.",
        "field": None,
    }


@pytest.mark.parametrize("path", ["plan", "status", "checkins"])
def test_it_never_shows_someone_elses_goal(client, outsider, goal, path):
    response = client.get(f"/api/v1/goals/{path}", headers=bearer(outsider))

    assert response.status_code == 404
    assert "Publish" not in response.content.decode()


def test_it_answers_the_signed_in_browser_too(owner_client, goal):
    response = owner_client.get("/api/v1/goals/plan")

    assert response.status_code == 200
    assert response.json()["goal_id"] == goal.pk


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "plan"), ("get", "status"), ("get", "checkins"), ("post", "checkins")],
)
def test_it_refuses_requests_without_a_key(client, goal, method, path):
    response = getattr(client, method)(f"/api/v1/goals/{path}")

    assert response.status_code == 401
    assert response.json()["detail"].startswith("Send your API key as `Authorization: Bearer")
    assert response.json()["field"] is None


# --- fifty weeks ----------------------------------------------------------------------------------


def test_it_reports_the_status_as_checkin_show_json_prints_it(capsys, client, headers, goal):
    services.record_checkin(goal=goal, week=2, did="Plotted", progress=1, confidence=5)

    response = client.get("/api/v1/goals/status", headers=headers)

    assert response.status_code == 200
    assert response.json() == cli_json(capsys, "checkin", "--show", "--json")
    assert response.json()["week"] == 3
    assert response.json()["streak"] == 1


def test_it_records_a_checkin_as_the_cli_does(capsys, client, headers, goal):
    body = {"did": "Wrote 3 pages", "learned": "Mornings work", "progress": 1, "confidence": 6}

    response = post(client, "/api/v1/goals/checkins", body, headers)

    assert response.status_code == 201
    assert response.json() == cli_json(capsys, "checkin", "--show", "--json")
    checkin = CheckIn.objects.get(goal=goal)
    assert (checkin.week, checkin.did, checkin.learned) == (3, "Wrote 3 pages", "Mornings work")


def test_it_revises_a_week_already_recorded(client, headers, goal):
    post(client, "/api/v1/goals/checkins", {"did": "A", "progress": 1, "confidence": 6}, headers)

    again = {"did": "A and B", "progress": 2, "confidence": 6, "week": 3}
    response = post(client, "/api/v1/goals/checkins", again, headers)

    assert response.status_code == 200
    assert response.json()["checkins"] == [
        {"week": 3, "recorded_on": "2026-11-25", "did": "A and B", "progress": 2, "confidence": 6}
    ]


def test_it_records_a_checkin_from_the_signed_in_browser(owner_client, goal):
    body = {"did": "Wrote", "progress": 1, "confidence": 6}

    response = owner_client.post("/api/v1/goals/checkins", body, content_type="application/json")

    assert response.status_code == 201
    assert CheckIn.objects.filter(goal=goal).count() == 1


@pytest.mark.parametrize(
    ("body", "status", "message", "field"),
    [
        (
            {"did": "Wrote", "progress": 11, "confidence": 6},
            422,
            "progress must be at most 10.",
            "progress",
        ),
        (
            {"did": "Wrote", "progress": 1, "confidence": -1},
            422,
            "confidence must be at least 0.",
            "confidence",
        ),
        ({"did": "  ", "progress": 1, "confidence": 6}, 422, "did is empty; a few words", "did"),
        (
            {"did": "Wrote", "progress": "1", "confidence": 6},
            422,
            "progress must be a whole",
            "progress",
        ),
        (
            {"did": "Wrote", "progress": 1, "confidence": 6, "week": 4},
            409,
            "Week 4 hasn't started",
            None,
        ),
    ],
)
def test_it_explains_a_checkin_it_cannot_record(
    client, headers, goal, body, status, message, field
):
    response = post(client, "/api/v1/goals/checkins", body, headers)

    assert response.status_code == status
    assert response.json()["detail"].startswith(message)
    assert response.json()["field"] == field
    assert not CheckIn.objects.exists()


def test_it_names_a_missing_field(client, headers, goal):
    response = post(client, "/api/v1/goals/checkins", {"did": "Wrote", "progress": 1}, headers)

    assert response.status_code == 422
    assert response.json() == {"detail": "confidence is required.", "field": "confidence"}


def test_it_explains_a_checkin_before_there_is_a_start_date(client, headers, owner):
    services.start_goal(owner=owner, sentence="Run a half marathon.")

    body = {"did": "Ran", "progress": 1, "confidence": 6}
    response = post(client, "/api/v1/goals/checkins", body, headers)

    assert response.status_code == 409
    assert "no start date yet" in response.json()["detail"]


def test_it_lists_every_checkin_in_full(client, headers, goal):
    services.record_checkin(
        goal=goal,
        week=1,
        did="Plotted",
        learned="Outlines help",
        obstacles="Time",
        next_actions="Write",
        progress=0,
        confidence=5,
    )
    services.record_checkin(goal=goal, did="Wrote", progress=1, confidence=6)

    response = client.get("/api/v1/goals/checkins", headers=headers)

    assert response.status_code == 200
    rows = response.json()
    assert [list(row) for row in rows] == [CHECKIN_KEYS, CHECKIN_KEYS]
    assert rows[0] == {
        "week": 1,
        "recorded_on": "2026-11-25",
        "did": "Plotted",
        "progress": 0,
        "confidence": 5,
        "learned": "Outlines help",
        "obstacles": "Time",
        "next_actions": "Write",
    }
    assert rows[1]["week"] == 3


def test_it_publishes_the_goal_paths(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {"/api/v1/goals/plan", "/api/v1/goals/status", "/api/v1/goals/checkins"} <= set(paths)
