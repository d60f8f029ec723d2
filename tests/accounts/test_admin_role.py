"""Administration is a role given on purpose: the first person is not an administrator, and a
person who is not one cannot reach anyone's password through /admin/."""

from __future__ import annotations

import pytest

from hedgerow.accounts.services import add_person
from hedgerow.cli import main

pytestmark = pytest.mark.django_db


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_it_keeps_a_plain_owner_away_from_another_persons_password(client, owner, outsider):
    assert not owner.is_staff and not owner.is_superuser
    client.force_login(owner)

    page = client.get(f"/admin/auth/user/{outsider.pk}/password/")
    assert page.status_code == 302
    assert page["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302

    client.post(
        f"/admin/auth/user/{outsider.pk}/password/",
        {"password1": "taken-over-123", "password2": "taken-over-123"},
    )
    outsider.refresh_from_db()
    assert outsider.check_password("password")
    assert not outsider.check_password("taken-over-123")


def test_it_lets_an_admin_administer(client, db):
    boss = add_person(username="boss", admin=True)
    other = add_person(username="bo")
    client.force_login(boss)

    assert client.get(f"/admin/auth/user/{other.pk}/password/").status_code == 200


def test_it_gives_and_takes_administration_from_the_cli(capsys, db):
    status, out, _ = run(capsys, "user", "add", "boss", "--admin")
    assert status == 0 and "/accounts/link/" in out
    run(capsys, "user", "add", "bo")

    assert run(capsys, "user", "list")[1].splitlines() == ["bo", "boss  (admin)"]

    status, out, _ = run(capsys, "user", "admin", "bo")
    assert status == 0 and "can now administer" in out
    status, out, _ = run(capsys, "user", "admin", "boss", "--off")
    assert status == 0 and "no longer administers" in out
    assert run(capsys, "user", "list")[1].splitlines() == ["bo  (admin)", "boss"]


def test_it_does_not_make_the_first_person_an_admin(monkeypatch, capsys, db):
    import hedgerow.cli as cli

    monkeypatch.setattr(cli, "serve_forever", lambda *args, **kwargs: None)
    monkeypatch.setattr(cli, "local_owner_name", lambda: "first")

    assert run(capsys, "serve")[0] == 0

    from django.contrib.auth import get_user_model

    first = get_user_model().objects.get(username="first")
    assert not first.is_staff and not first.is_superuser
