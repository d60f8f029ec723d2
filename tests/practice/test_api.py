"""/api/v1/practice/: impulses and the action ratio (A2), accomplishments and the update (V1)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.practice import services as practice
from hedgerow.practice.models import AspirationRating, Impulse, Pitch, PracticeSession, Reflection

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
    assert response.json() == {"detail": "text is empty; a few words are enough.", "field": "text"}


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
    assert response.json()["field"] == "outcome"
    assert response.json()["detail"].startswith("outcome must be 'acted', 'not_acted' or")


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
    assert response.json()["detail"].startswith("Send your API key as `Authorization: Bearer")
    assert response.json()["field"] is None


# --- aspiration (A1) ------------------------------------------------------------------------------


def put(client, path: str, body: dict, headers: dict):
    return client.put(path, body, content_type="application/json", headers=headers)


def test_it_starts_with_an_empty_aspiration(client, headers):
    response = client.get("/api/v1/practice/aspiration", headers=headers)

    assert response.status_code == 200
    assert response.json() == {
        "aspiration": "",
        "strategy": "",
        "birth_year": None,
        "ages": [],
        "at_ages": [],
    }


def test_it_revises_the_aspiration_and_the_ages_reached(client, headers, owner, outsider):
    practice.save_aspiration(owner=outsider, aspiration="Theirs", strategy="", birth_year=1950)
    body = {
        "aspiration": "Teach data skills",
        "strategy": "Evening workshops",
        "birth_year": 1996,
        "at_ages": [{"age": 12, "text": "Astronaut"}, {"age": 24, "text": "Analyst"}],
    }

    response = put(client, "/api/v1/practice/aspiration", body, headers)

    assert response.status_code == 200
    assert list(response.json()) == ["aspiration", "strategy", "birth_year", "ages", "at_ages"]
    assert response.json() == {
        "aspiration": "Teach data skills",
        "strategy": "Evening workshops",
        "birth_year": 1996,
        "ages": [12, 24],
        "at_ages": [{"age": 12, "text": "Astronaut"}, {"age": 24, "text": "Analyst"}],
    }
    assert client.get("/api/v1/practice/aspiration", headers=headers).json() == response.json()


def test_it_clears_an_age_and_leaves_the_others(client, headers, owner):
    practice.save_aspiration(owner=owner, aspiration="A", strategy="S", birth_year=1990)
    practice.save_aspirations_at_ages(owner=owner, texts={12: "Vet", 24: "Lawyer", 36: "Coach"})
    body = {
        "aspiration": "A",
        "strategy": "S",
        "birth_year": 1990,
        "at_ages": [{"age": 24, "text": " "}],
    }

    response = put(client, "/api/v1/practice/aspiration", body, headers)

    assert response.json()["at_ages"] == [
        {"age": 12, "text": "Vet"},
        {"age": 24, "text": ""},
        {"age": 36, "text": "Coach"},
    ]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"birth_year": 1850}, "birth_year must be at least 1900."),
        ({"at_ages": [{"age": 48, "text": "Later"}]}, "At 48: add a birth year that makes you"),
        (
            {"at_ages": [{"age": 13, "text": "Odd"}]},
            "at_ages.0.age must be 12, 24, 36, 48, 60 or 72.",
        ),
    ],
)
def test_it_explains_an_aspiration_it_cannot_keep(client, headers, owner, change, detail):
    practice.save_aspiration(owner=owner, aspiration="Before", strategy="", birth_year=1996)
    body = {"aspiration": "After", "strategy": "", "birth_year": 1996} | change

    response = put(client, "/api/v1/practice/aspiration", body, headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert client.get("/api/v1/practice/aspiration", headers=headers).json()["aspiration"] == (
        "Before"
    )


def test_it_wants_every_answer_stated(client, headers):
    response = put(client, "/api/v1/practice/aspiration", {"aspiration": "Teach"}, headers)

    assert response.status_code == 422
    assert response.json() == {"detail": "strategy is required.", "field": "strategy"}


def test_it_notes_a_reflection(client, headers, owner):
    body = {"period": "week", "text": "Ran my first workshop", "on": "2026-11-24"}

    response = post(client, "/api/v1/practice/reflections", body, headers)

    assert response.status_code == 201
    reflection = Reflection.objects.get(owner=owner)
    assert response.json() == {
        "id": reflection.pk,
        "period": "week",
        "text": "Ran my first workshop",
        "on": "2026-11-24",
    }


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (
            {"period": "decade", "text": "Lots"},
            "period must be 'year', 'month', 'week' or 'today'.",
        ),
        ({"period": "today", "text": " "}, "text is empty; a few words are enough."),
        ({"period": "today", "text": "Soon", "on": "2026-12-01"}, "The date is in the future"),
    ],
)
def test_it_explains_a_reflection_it_cannot_note(client, headers, body, detail):
    response = post(client, "/api/v1/practice/reflections", body, headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert not Reflection.objects.exists()


def test_it_rates_and_lists_only_your_ratings(client, headers, owner, outsider):
    practice.rate_aspiration(owner=owner, clarity=4, strategy=3, focus=5, on=date(2026, 11, 1))
    practice.rate_aspiration(owner=outsider, clarity=1, strategy=1, focus=1)
    body = {"clarity": 7, "strategy": 6, "focus": 8, "progress": 2}

    response = post(client, "/api/v1/practice/ratings", body, headers)
    listed = client.get("/api/v1/practice/ratings", headers=headers).json()

    assert response.status_code == 201
    assert response.json() == {
        "on": "2026-11-25",
        "clarity": 7,
        "strategy": 6,
        "focus": 8,
        "progress": 2,
    }
    assert listed == [
        {"on": "2026-11-01", "clarity": 4, "strategy": 3, "focus": 5, "progress": None},
        response.json(),
    ]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"clarity": 11}, "clarity must be at most 10."),
        ({"focus": -1}, "focus must be at least 0."),
        ({"progress": 12}, "progress must be at most 10."),
        ({"clarity": "5"}, "clarity must be a whole number."),
    ],
)
def test_it_names_a_rating_out_of_range(client, headers, change, detail):
    body = {"clarity": 5, "strategy": 5, "focus": 5} | change

    response = post(client, "/api/v1/practice/ratings", body, headers)

    assert response.status_code == 422
    assert response.json() == {"detail": detail, "field": next(iter(change))}
    assert not AspirationRating.objects.exists()


# --- confidence through skills (C1) ---------------------------------------------------------------


def test_it_logs_practice_as_the_cli_does(capsys, client, headers, owner):
    body = {"skill": "cold-call", "situation": "Called a manager", "before": 3, "after": 6}

    response = post(client, "/api/v1/practice/practice-sessions", body, headers)
    printed = cli_json(
        capsys, "practice", "log", "--skill", "cold-call", "--situation", "Called a manager",
        "--before", "3", "--after", "6", "--json",
    )  # fmt: skip

    assert response.status_code == 201
    assert response.json() | {"id": 0} == printed | {"id": 0}
    assert response.json() == {
        "id": response.json()["id"],
        "skill": "cold-call",
        "on": "2026-11-25",
        "before": 3,
        "after": 6,
        "gain": 3,
    }
    assert PracticeSession.objects.filter(owner=owner, skill="cold_call").count() == 2


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"skill": "juggling"}, "skill must be 'cold-call', 'cold_call',"),
        ({"after": 11}, "after must be at most 10."),
        ({"situation": ""}, "situation is empty"),
    ],
)
def test_it_explains_practice_it_cannot_log(client, headers, change, detail):
    body = {"skill": "interview", "situation": "Mock", "before": 3, "after": 6} | change

    response = post(client, "/api/v1/practice/practice-sessions", body, headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert not PracticeSession.objects.exists()


def test_it_summarises_skills_as_the_cli_does(capsys, client, headers, owner, outsider):
    practice.log_practice(owner=owner, skill="interview", situation="Mock", before=4, after=7)
    practice.log_practice(owner=outsider, skill="interview", situation="x", before=0, after=10)

    response = client.get("/api/v1/practice/skills", headers=headers)

    assert response.status_code == 200
    assert response.json() == cli_json(capsys, "practice", "summary", "--json", "--user", "alice")
    assert (response.json()[0]["sessions"], response.json()[0]["average_gain"]) == (1, 3.0)


def test_it_keeps_a_pitch_as_the_cli_does(capsys, client, headers, owner):
    body = {"audience": "meetups", "who": "a nurse", "what": "train new staff"}

    response = post(client, "/api/v1/practice/pitches", body, headers)
    printed = cli_json(
        capsys, "practice", "pitch", "--audience", "meetups", "--who", "a nurse",
        "--what", "train new staff", "--save", "--json",
    )  # fmt: skip

    assert response.status_code == 201
    body = response.json()
    assert list(body) == list(printed)
    assert body | {"id": 0} == printed | {"id": 0}
    assert body["text"] == "I'm a nurse. I train new staff."
    assert body["spoken"] == {
        "words": 7,
        "seconds": 5,
        "shortest": 3,
        "longest": 3,
        "label": "a few seconds",
        "too_long": False,
    }
    assert Pitch.objects.get(pk=body["id"]).owner == owner


def test_it_lists_only_your_pitches_as_the_cli_does(capsys, client, headers, owner, outsider):
    practice.save_pitch(owner=owner, who_i_am="a nurse")
    practice.save_pitch(owner=outsider, who_i_am="a secret agent")

    response = client.get("/api/v1/practice/pitches", headers=headers)

    assert response.status_code == 200
    assert response.json() == cli_json(capsys, "practice", "pitches", "--json", "--user", "alice")
    assert [pitch["who"] for pitch in response.json()] == ["a nurse"]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"audience": "recruiters"}, "The pitch is empty; fill in at least who you are"),
        ({"who": "a nurse", "audience": "x" * 201}, "audience must be at most 200 characters."),
    ],
)
def test_it_explains_a_pitch_it_cannot_keep(client, headers, body, detail):
    response = post(client, "/api/v1/practice/pitches", body, headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert not Pitch.objects.exists()


def test_it_revises_a_pitch(client, headers, owner):
    pitch = practice.save_pitch(owner=owner, who_i_am="a nurse")
    path = f"/api/v1/practice/pitches/{pitch.pk}"

    response = put(client, path, {"who": "a ward nurse", "text": "I'm a ward nurse."}, headers)

    assert response.status_code == 200
    assert client.get(path, headers=headers).json() == response.json()
    pitch.refresh_from_db()
    assert (pitch.who_i_am, pitch.text) == ("a ward nurse", "I'm a ward nurse.")


def test_it_never_shows_or_changes_someone_elses_pitch(client, headers, outsider):
    theirs = practice.save_pitch(owner=outsider, who_i_am="a secret agent")
    path = f"/api/v1/practice/pitches/{theirs.pk}"

    seen = client.get(path, headers=headers)
    changed = put(client, path, {"who": "an open book"}, headers)

    assert (seen.status_code, changed.status_code) == (404, 404)
    theirs.refresh_from_db()
    assert theirs.who_i_am == "a secret agent"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "aspiration"),
        ("put", "aspiration"),
        ("post", "reflections"),
        ("get", "ratings"),
        ("post", "ratings"),
        ("post", "practice-sessions"),
        ("get", "skills"),
        ("get", "pitches"),
        ("post", "pitches"),
        ("get", "pitches/1"),
        ("put", "pitches/1"),
    ],
)
def test_it_refuses_reflection_and_practice_without_a_key(client, owner, method, path):
    response = getattr(client, method)(f"/api/v1/practice/{path}")

    assert response.status_code == 401
    assert response.json()["detail"].startswith("Send your API key as `Authorization: Bearer")
    assert response.json()["field"] is None


def test_it_revises_the_days_rating_with_200(client, headers, owner):
    body = {"clarity": 5, "strategy": 5, "focus": 5}
    assert post(client, "/api/v1/practice/ratings", body, headers).status_code == 201

    again = post(client, "/api/v1/practice/ratings", body | {"focus": 9}, headers)

    assert again.status_code == 200
    assert again.json()["focus"] == 9
    assert AspirationRating.objects.filter(owner=owner).count() == 1
