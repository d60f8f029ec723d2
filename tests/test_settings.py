from __future__ import annotations

from pathlib import Path

from hedgerow import settings


def test_it_runs_sqlite_in_wal_mode_with_a_busy_timeout(tmp_path, monkeypatch, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    monkeypatch.delenv("HEDGEROW_DATABASE_URL", raising=False)
    database = settings.database_settings()
    database.update(
        NAME=tmp_path / "db.sqlite3",
        TIME_ZONE=None,
        CONN_HEALTH_CHECKS=False,
        CONN_MAX_AGE=0,
        AUTOCOMMIT=True,
        ATOMIC_REQUESTS=False,
        TEST={},
    )
    wrapper = DatabaseWrapper(database)
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            mode = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout")
            timeout_ms = cursor.fetchone()[0]
    finally:
        wrapper.close()

    assert mode == "wal"
    assert timeout_ms >= 20_000


def test_it_generates_the_secret_key_once(tmp_path, monkeypatch):
    monkeypatch.delenv("HEDGEROW_SECRET_KEY", raising=False)

    first = settings.secret_key(tmp_path)

    assert len(first) > 40
    assert settings.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_it_prefers_the_database_url(monkeypatch):
    monkeypatch.setenv("HEDGEROW_DATABASE_URL", "postgres://ann@db.example:5433/hedge")

    database = settings.database_settings()

    assert (database["ENGINE"], database["HOST"], database["PORT"], database["NAME"]) == (
        "django.db.backends.postgresql",
        "db.example",
        5433,
        "hedge",
    )


def test_it_hashes_passwords_with_a_slow_hasher_in_production():
    # The test suite swaps in a fast hasher (tests/conftest.py); the settings file must not.
    hashers = getattr(settings, "PASSWORD_HASHERS", None)
    if hashers is None:
        from django.conf import global_settings

        hashers = global_settings.PASSWORD_HASHERS
    assert hashers[0].rsplit(".", 1)[-1] in {"Argon2PasswordHasher", "PBKDF2PasswordHasher"}


def test_it_keeps_the_first_key_when_another_process_wrote_one_meanwhile(tmp_path, monkeypatch):
    monkeypatch.delenv("HEDGEROW_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").write_text("written-by-the-other-process")
    real_exists = Path.exists
    # This process looked before the other one wrote: it must still end up with their key.
    monkeypatch.setattr(
        Path, "exists", lambda self: False if self.name == "secret_key" else real_exists(self)
    )

    assert settings.secret_key(tmp_path) == "written-by-the-other-process"
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
