"""Today from scripts: `GET /api/v1/today`'s queue, the answers under /api/v1/today/, and the
`hedgerow wrote|not-now|skip|undo` commands, which answer exactly as the page does."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.network.models import AgendaAction, Interaction
from hedgerow.today.compose import build_today
from hedgerow.vocabulary import Answer
from tests.today.conftest import TODAY

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def ana(owner, make_contact):
    return make_contact(
        owner, "Ana Ruiz", company="Lumen", linkedin_url="https://x/in/ana", connected=True
    )


@pytest.fixture
def headers(owner):
    return {"Authorization": f"Bearer {create_api_token(owner=owner, name='script')[1]}"}


def test_it_lists_the_queue_beside_everything_else(client, headers, ana, make_update):
    update = make_update(ana)

    body = client.get("/api/v1/today", headers=headers).json()

    assert [entry["contact"]["name"] for entry in body["queue"]] == ["Ana Ruiz"]
    assert body["queue"][0]["reasons"] == [
        {
            "kind": "update",
            "summary": "New position: Started as Head of Design at Lumen (noticed 10 Mar 2026).",
            "item_id": update.pk,
        }
    ]
    assert [a["name"] for a in body["queue"][0]["actions"]] == [
        "write",
        "wrote",
        "not-now",
        "skip",
    ]
    assert body["updates"][0]["id"] == update.pk


def test_it_follows_the_queue_s_own_action_paths(client, headers, ana, make_update):
    make_update(ana)
    entry = client.get("/api/v1/today", headers=headers).json()["queue"][0]
    paths = {action["name"]: action["path"] for action in entry["actions"]}

    draft = client.get(paths["write"], headers=headers)
    wrote = client.post(
        paths["wrote"],
        {"text": "Congratulations!", "on": "2026-03-15"},
        content_type="application/json",
        headers=headers,
    )

    assert draft.status_code == 200 and draft.json()["occasion"] == "acknowledgement"
    assert wrote.status_code == 200
    body = wrote.json()
    assert body["kind"] == "wrote" and body["text"] == "Marked Ana Ruiz as written to."
    assert body["contact"]["id"] == ana.pk and body["undone"] is False
    assert Interaction.objects.get().text == "Congratulations!"
    assert client.get("/api/v1/today", headers=headers).json()["queue"] == []

    undo = client.post(body["undo"]["path"], headers=headers)
    assert undo.status_code == 200 and undo.json()["undone"] is True
    assert undo.json()["undo"] is None
    assert not Interaction.objects.exists()
    again = client.post(body["undo"]["path"], headers=headers)
    assert again.status_code == 409 and "undone already" in again.json()["detail"]


def test_it_writes_out_the_same_action_paths_the_api_routes_have(owner, ana, make_update):
    make_update(ana)
    queue = build_today(owner)["queue"]
    paths = {action["name"]: action["path"] for action in queue[0]["actions"]}

    assert paths["write"].startswith(reverse("api:draft") + "?")
    for answer in Answer:
        assert paths[answer.value] == reverse(f"api:today-{answer.value}", args=[ana.pk])


def test_it_sets_aside_and_skips_over_the_api(
    client, headers, owner, ana, make_contact, make_update
):
    make_update(ana)
    base = f"/api/v1/today/contacts/{ana.pk}"
    bo = make_contact(owner, "Bo Chen")

    later = client.post(
        f"{base}/not-now", {"until": "tomorrow"}, content_type="application/json", headers=headers
    )
    nothing = client.post(f"/api/v1/today/contacts/{bo.pk}/skip", headers=headers)
    wrong = client.post(
        f"{base}/not-now", {"until": "someday"}, content_type="application/json", headers=headers
    )

    assert later.status_code == 200 and later.json()["until"] == "2026-03-17"
    assert nothing.status_code == 409
    assert nothing.json()["detail"] == "Bo Chen has nothing waiting on Today."
    assert wrong.status_code == 422


def test_it_refuses_a_future_day_over_the_api(client, headers, ana):
    response = client.post(
        f"/api/v1/today/contacts/{ana.pk}/wrote",
        {"on": "2026-04-01"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    assert "can't be in the future" in response.json()["detail"]


def test_it_finds_nobody_else_s_contacts_or_answers(client, outsider, ana, make_update):
    make_update(ana)
    theirs = {"Authorization": f"Bearer {create_api_token(owner=outsider, name='x')[1]}"}

    assert client.post(f"/api/v1/today/contacts/{ana.pk}/skip", headers=theirs).status_code == 404
    from hedgerow.network.agenda_actions import skip

    action = skip(contact=ana).action
    assert client.post(f"/api/v1/today/actions/{action.pk}/undo", headers=theirs).status_code == 404
    assert AgendaAction.objects.get().undone_at is None


# --- the CLI ------------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_answers_from_the_terminal_by_name_or_id(capsys, owner, ana, make_update):
    make_update(ana)

    status, out, _ = run(capsys, "wrote", "Ana Ruiz", "--text", "Well done!", "--on", "2026-03-14")

    assert status == 0
    assert out.startswith("Marked Ana Ruiz as written to.\n")
    assert "hedgerow undo" in out
    assert Interaction.objects.get().occurred_at.date() == date(2026, 3, 14)

    status, out, _ = run(capsys, "undo")
    assert status == 0 and out.startswith("Undone: Ana Ruiz is back on Today as before.")

    status, out, _ = run(capsys, "not-now", str(ana.pk), "--until", "next-month", "--json")
    assert status == 0
    answer = json.loads(out)
    assert (answer["kind"], answer["until"]) == ("not-now", "2026-04-16")


def test_it_says_plainly_when_it_cannot(capsys, owner, ana):
    assert run(capsys, "skip", "Ana Ruiz")[2] == (
        "hedgerow: Ana Ruiz has nothing waiting on Today.\n"
    )
    assert run(capsys, "skip", "999999")[0] == 1
    assert run(capsys, "undo")[2] == "hedgerow: There is nothing to undo.\n"
    status, _, err = run(capsys, "wrote", "Ana Ruiz", "--on", "2026-04-01")
    assert status == 2 and "can't be in the future" in err


def test_it_prints_the_queue_first(capsys, owner, ana, make_update):
    make_update(ana)

    status, out, _ = run(capsys, "today")

    assert status == 0
    assert f"To write to today (1)\n  • Ana Ruiz (#{ana.pk})\n" in out
    assert "New position: Started as Head of Design at Lumen" in out
    assert TODAY.isoformat() in out
