"""/api/v1/practice/: impulses and the action ratio (A2), accomplishments and the update (V1)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.goals import practice
from hedgerow.goals.models import Impulse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
IMPULSE_KEYS = ["id", "text", "captured_at", "outcome", "substitute", "was_right", "note"]


def bearer(person) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_api_token(owner=person, name='script')[1]}"}


@pytest.fixture
def headers(owner):
    return bearer(owner)


def cli_json(capsys, *argv: str):
    main(list(argv))
    return json.loads(capsys.readouterr().out)


def post(client, path: str, body: dict, headers: dict):
    return client.post(path, body, content_type="application/json", headers=headers)


# --- impulses (A2) --------------------------------------------------------------------------------


def test_it_catches_an_impulse(client, headers, owner):
    response = post(client, "/api/v1/practice/impulses", {"text": "Ask to lead the retro"}, headers)

    assert response.status_code == 201
    body = response.json()
    assert list(body) == IMPULSE_KEYS
    impulse = Impulse.objects.get(owner=owner)
    assert body == {
        "id": impulse.pk,
        "text": "Ask to lead the retro",
        "captured_at": "2026-11-25T09:00:00+00:00",
        "outcome": "open",
        "substitute": "",
        "was_right": None,
        "note": "",
    }


def test_it_explains_an_empty_impulse(client, headers):
    response = post(client, "/api/v1/practice/impulses", {"text": " "}, headers)

    assert response.status_code == 422
    assert response.json() == {"detail": "The impulse is empty; a few words are enough."}


def test_it_lists_open_impulses_as_the_cli_does(capsys, client, headers, owner, outsider):
    practice.capture_impulse(owner=owner, text="Call Sam")
    decided = practice.capture_impulse(owner=owner, text="Speak up")
    practice.settle_impulse(impulse=decided, outcome="acted")
    practice.capture_impulse(owner=outsider, text="Their secret")

    open_ones = client.get("/api/v1/practice/impulses?open=true", headers=headers).json()
    every_one = client.get("/api/v1/practice/impulses", headers=headers).json()

    assert open_ones == cli_json(capsys, "impulse", "--list", "--json", "--user", "alice")
    assert [i["text"] for i in open_ones] == ["Call Sam"]
    assert sorted(i["text"] for i in every_one) == ["Call Sam", "Speak up"]


def test_it_settles_an_impulse(client, headers, owner):
    impulse = practice.capture_impulse(owner=owner, text="Ask for the project")
    body = {"outcome": "substituted", "substitute": "Re-ran the tests", "was_right": False}

    response = post(client, f"/api/v1/practice/impulses/{impulse.pk}/settle", body, headers)

    assert response.status_code == 200
    assert response.json()["outcome"] == "substituted"
    assert response.json()["substitute"] == "Re-ran the tests"
    assert response.json()["was_right"] is False
    impulse.refresh_from_db()
    assert impulse.outcome == "substituted"


def test_it_never_settles_someone_elses_impulse(client, headers, outsider):
    theirs = practice.capture_impulse(owner=outsider, text="Their secret")

    path = f"/api/v1/practice/impulses/{theirs.pk}/settle"
    response = post(client, path, {"outcome": "acted"}, headers)

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.outcome == "open"


def test_it_names_an_unknown_outcome(client, headers, owner):
    impulse = practice.capture_impulse(owner=owner, text="Call Sam")

    path = f"/api/v1/practice/impulses/{impulse.pk}/settle"
    response = post(client, path, {"outcome": "maybe"}, headers)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "outcome"


def test_it_wants_to_know_what_was_done_instead(client, headers, owner):
    impulse = practice.capture_impulse(owner=owner, text="Call Sam")

    path = f"/api/v1/practice/impulses/{impulse.pk}/settle"
    response = post(client, path, {"outcome": "substituted"}, headers)

    assert response.status_code == 422
    assert response.json()["detail"] == "What you did instead is empty; a few words are enough."


def test_it_reports_the_action_ratio_as_the_cli_does(capsys, client, headers, owner):
    practice.set_action_target(owner=owner, ratio=0.6)
    for outcome in ("acted", "acted", "not_acted"):
        practice.settle_impulse(
            impulse=practice.capture_impulse(owner=owner, text="x"), outcome=outcome
        )

    response = client.get("/api/v1/practice/impulses/ratio", headers=headers)

    assert response.status_code == 200
    body = response.json()
    assert body == cli_json(capsys, "impulse", "--ratio", "--json")
    assert list(body) == ["target", "overall", "weeks"]
    assert (body["target"], body["overall"]) == (0.6, 0.6667)
    assert body["weeks"][-1] == {
        "week_start": "2026-11-23",
        "acted": 2,
        "not_acted": 1,
        "substituted": 0,
        "open": 0,
        "ratio": 0.6667,
    }


# --- accomplishments (V1) -------------------------------------------------------------------------


def test_it_logs_an_accomplishment_as_the_cli_does(capsys, client, headers, owner):
    body = {"what": "Shipped search", "impact": "Faster", "tell": "Dana", "on": "2026-11-20"}

    response = post(client, "/api/v1/practice/accomplishments", body, headers)
    printed = cli_json(
        capsys,
        "accomplishment",
        "add",
        "Shipped search",
        "--on",
        "2026-11-20",
        "--impact",
        "Faster",
        "--tell",
        "Dana",
        "--json",
    )

    assert response.status_code == 201
    assert list(response.json()) == list(printed)
    assert response.json() | {"id": 0} == printed | {"id": 0}
    assert response.json() == {
        "id": response.json()["id"],
        "what": "Shipped search",
        "impact": "Faster",
        "benefited": "",
        "tell": "Dana",
        "on": "2026-11-20",
    }


def test_it_explains_an_accomplishment_from_the_future(client, headers):
    body = {"what": "Shipped search", "on": "2026-12-01"}

    response = post(client, "/api/v1/practice/accomplishments", body, headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith("The date is in the future")


@pytest.fixture
def logged(owner, outsider):
    practice.log_accomplishment(
        owner=owner,
        what="Shipped search",
        impact="Faster answers",
        who_should_know="Dana",
        on=date(2026, 11, 20),
    )
    practice.log_accomplishment(owner=owner, what="Old work", on=date(2026, 9, 1))
    practice.log_accomplishment(owner=outsider, what="Their secret", on=date(2026, 11, 20))


def test_it_composes_the_update_as_the_cli_does(capsys, client, headers, logged):
    path = "/api/v1/practice/accomplishments/update?from=2026-11-01&to=2026-11-25"

    response = client.get(path, headers=headers)
    printed = cli_json(
        capsys,
        "accomplishment",
        "update",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-25",
        "--json",
        "--user",
        "alice",
    )

    assert response.status_code == 200
    assert response.json() == printed
    assert list(printed) == ["from", "to", "count", "tell", "markdown", "text"]
    assert (printed["count"], printed["tell"]) == (1, ["Dana"])
    assert "Their secret" not in response.content.decode()


def test_it_covers_the_last_four_weeks_by_default(client, headers, logged):
    body = client.get("/api/v1/practice/accomplishments/update", headers=headers).json()

    assert (body["from"], body["to"], body["count"]) == ("2026-10-29", "2026-11-25", 1)


@pytest.mark.parametrize(
    ("form", "content_type", "key"),
    [
        ("markdown", "text/markdown; charset=utf-8", "markdown"),
        ("text", "text/plain; charset=utf-8", "text"),
    ],
)
def test_it_answers_with_the_update_itself_in_a_format(
    client, headers, logged, form, content_type, key
):
    path = "/api/v1/practice/accomplishments/update?from=2026-11-01&to=2026-11-25"

    as_json = client.get(path, headers=headers).json()
    response = client.get(f"{path}&format={form}", headers=headers)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.decode() == as_json[key]


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("from=2026-11-25&to=2026-11-01", "The start date is after the end date"),
        ("format=pdf", "format"),
        ("from=soon", "from"),
    ],
)
def test_it_explains_an_update_it_cannot_compose(client, headers, query, detail):
    response = client.get(f"/api/v1/practice/accomplishments/update?{query}", headers=headers)

    assert response.status_code == 422
    assert detail in str(response.json()["detail"])


# --- who may ask ----------------------------------------------------------------------------------


def test_it_answers_the_signed_in_browser_too(owner_client, owner):
    response = owner_client.post(
        "/api/v1/practice/impulses", {"text": "Call Sam"}, content_type="application/json"
    )

    assert response.status_code == 201
    assert Impulse.objects.get().owner == owner


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "impulses"),
        ("get", "impulses"),
        ("post", "impulses/1/settle"),
        ("get", "impulses/ratio"),
        ("post", "accomplishments"),
        ("get", "accomplishments/update"),
    ],
)
def test_it_refuses_requests_without_a_key(client, owner, method, path):
    response = getattr(client, method)(f"/api/v1/practice/{path}")

    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}
