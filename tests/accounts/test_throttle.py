"""Guessing is slowed down: failed sign-ins and API keys are counted per account and per address,
and every sign-in and failure is logged without a secret."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import time_machine

from hedgerow.accounts import throttle
from hedgerow.accounts.services import create_api_token
from tests.conftest import NOW

pytestmark = pytest.mark.django_db


def sign_in(client, name: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        "/accounts/login/", {"username": name, "password": password}, REMOTE_ADDR=address
    )


def test_it_pauses_an_account_after_too_many_wrong_passwords(client, owner):
    with time_machine.travel(NOW, tick=False) as clock:
        for _ in range(throttle.ACCOUNT_LIMIT):
            assert sign_in(client, "alice", "wrong").status_code == 200

        # Even the right password waits now: otherwise the pause would not stop a guesser.
        paused = sign_in(client, "alice", "password")
        assert paused.status_code == 429
        assert paused["Retry-After"] == str(throttle.WINDOW_SECONDS)
        assert "try again in 15 minutes" in paused.content.decode()
        assert "_auth_user_id" not in client.session

        clock.shift(timedelta(minutes=10))
        assert sign_in(client, "alice", "password").status_code == 429
        assert "try again in 5 minutes" in sign_in(client, "alice", "x").content.decode()

        clock.shift(timedelta(minutes=5, seconds=1))
        assert sign_in(client, "alice", "password").status_code == 302
        assert client.session["_auth_user_id"] == str(owner.pk)


def test_it_pauses_an_account_whatever_address_the_guesses_come_from(client, owner, outsider):
    with time_machine.travel(NOW, tick=False):
        for n in range(throttle.ACCOUNT_LIMIT):
            sign_in(client, "Alice", "wrong", address=f"198.51.100.{n}")
        assert sign_in(client, "alice", "password", address="192.0.2.1").status_code == 429
        # Someone else signs in as usual.
        assert sign_in(client, "mallory", "password", address="192.0.2.1").status_code == 302


def test_it_pauses_an_address_that_tries_many_names(client, owner):
    with time_machine.travel(NOW, tick=False):
        for n in range(throttle.ADDRESS_LIMIT):
            sign_in(client, f"name{n}", "wrong")
        assert sign_in(client, "alice", "password").status_code == 429
        assert sign_in(client, "alice", "password", address="192.0.2.9").status_code == 302


def test_it_forgets_a_few_mistakes_once_the_person_signs_in(client, owner):
    with time_machine.travel(NOW, tick=False):
        for _ in range(throttle.ACCOUNT_LIMIT - 1):
            sign_in(client, "alice", "wrong", address="192.0.2.1")
        assert sign_in(client, "alice", "password", address="192.0.2.2").status_code == 302
        client.logout()
        for _ in range(throttle.ACCOUNT_LIMIT - 1):
            assert sign_in(client, "alice", "wrong", address="192.0.2.3").status_code == 200
        assert sign_in(client, "alice", "password", address="192.0.2.4").status_code == 302


def test_it_counts_the_address_the_proxy_saw_when_behind_one(rf, settings):
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.5")

    settings.HEDGEROW_BEHIND_PROXY = False
    assert throttle.client_address(request) == "127.0.0.1"
    settings.HEDGEROW_BEHIND_PROXY = True
    assert throttle.client_address(request) == "203.0.113.5"


def test_it_logs_sign_ins_and_failures_without_the_password(client, owner, caplog):
    caplog.set_level(logging.INFO, logger="hedgerow.security")
    with time_machine.travel(NOW, tick=False):
        sign_in(client, "alice", "not-my-pass-Xq7")
        sign_in(client, "alice", "password")

    lines = [r.getMessage() for r in caplog.records if r.name == "hedgerow.security"]
    assert lines == [
        "sign-in failed: account='alice' address=203.0.113.7",
        "sign-in succeeded: account='alice' address=203.0.113.7",
    ]
    assert "not-my-pass-Xq7" not in caplog.text
    assert "password" not in " ".join(lines).replace("sign-in", "")


def test_it_answers_429_with_retry_after_to_too_many_wrong_api_keys(client, owner, caplog):
    _, key = create_api_token(owner=owner, name="script")
    with time_machine.travel(NOW, tick=False) as clock:
        for n in range(throttle.ADDRESS_LIMIT):
            wrong = client.get("/api/v1/contacts", headers={"Authorization": f"Bearer hr_wrong{n}"})
            assert wrong.status_code == 401
        paused = client.get("/api/v1/contacts", headers={"Authorization": f"Bearer {key}"})
        assert paused.status_code == 429
        assert paused["Retry-After"] == str(throttle.WINDOW_SECONDS)
        assert "try again in 15 minutes" in paused.json()["detail"]

        clock.shift(timedelta(seconds=throttle.WINDOW_SECONDS))
        again = client.get("/api/v1/contacts", headers={"Authorization": f"Bearer {key}"})
        assert again.status_code == 200
    assert key not in caplog.text
    assert "hr_wrong1" not in caplog.text


def test_it_counts_wrong_keys_that_start_like_a_real_one_against_its_account(client, owner):
    _, key = create_api_token(owner=owner, name="script")
    with time_machine.travel(NOW, tick=False):
        for n in range(throttle.ACCOUNT_LIMIT):
            guess = key[:10] + f"guess{n}"
            response = client.get(
                "/api/v1/contacts",
                headers={"Authorization": f"Bearer {guess}"},
                REMOTE_ADDR=f"198.51.100.{n}",
            )
            assert response.status_code == 401
        response = client.get(
            "/api/v1/contacts",
            headers={"Authorization": f"Bearer {key[:10]}guess-more"},
            REMOTE_ADDR="192.0.2.50",
        )
        assert response.status_code == 429
        # The real key still works: a stranger cannot stop someone's scripts by guessing.
        response = client.get(
            "/api/v1/contacts", headers={"Authorization": f"Bearer {key}"}, REMOTE_ADDR="192.0.2.50"
        )
        assert response.status_code == 200
