"""Security headers and files: a Content-Security-Policy with no inline script, HSTS and secure
cookies behind HTTPS, owner-only files, the API docs behind sign-in, and `check --deploy` clean."""

from __future__ import annotations

import os
import re
import secrets
import stat
import subprocess
import sys
from pathlib import Path

from hedgerow import settings as hedgerow_settings
from hedgerow.security import POLICY

PACKAGE = Path(hedgerow_settings.__file__).parent


def production_environment(home: Path, **extra: str) -> dict[str, str]:
    # Nothing of the test run's own setup (its home, the browser tests' async switch) leaks in.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEDGEROW_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="hedgerow.settings",
        HEDGEROW_HOME=str(home),
        HEDGEROW_HTTPS="1",
        HEDGEROW_SECRET_KEY=secrets.token_urlsafe(50),
        HEDGEROW_ALLOWED_HOSTS="hedgerow.example.org",
    )
    env.update(extra)
    return env


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter running our own code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def test_it_passes_the_deploy_checks_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_it_sends_hsts_and_secure_cookies_only_behind_https(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, 'testserver' in s.ALLOWED_HOSTS)"
    )
    https = run_python(code, production_environment(tmp_path / "a"))
    plain = run_python(code, production_environment(tmp_path / "b", HEDGEROW_HTTPS="0"))

    assert https.stdout.split() == ["31536000", "True", "True", "True", "False"], https.stderr
    assert plain.stdout.split() == ["0", "False", "False", "False", "False"], plain.stderr


def test_it_keeps_the_home_folder_and_the_database_owner_only(tmp_path):
    home = tmp_path / "home"
    env = production_environment(home, HEDGEROW_HTTPS="0")
    result = run_python(
        "import django; django.setup(); from django.db import connection; "
        "connection.cursor().execute('CREATE TABLE t (x)')",
        env,
    )

    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for name in ("hedgerow.sqlite3", "hedgerow.sqlite3-wal", "hedgerow.sqlite3-shm"):
        path = home / name
        if path.exists() or name == "hedgerow.sqlite3":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_it_saves_uploads_owner_only(owner, settings, tmp_path):
    from hedgerow.network import services

    settings.MEDIA_ROOT = tmp_path / "uploads"

    path = services.save_upload(
        owner=owner, file_name="people.vcf", chunks=[b"BEGIN:VCARD\r\n"], keep_message_text=False
    )

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "uploads" / "imports").stat().st_mode) == 0o700


def test_it_sends_a_content_security_policy_without_inline_script(owner_client):
    response = owner_client.get("/")

    policy = response["Content-Security-Policy"]
    assert policy == POLICY
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_it_has_no_inline_script_or_event_handler_in_any_page_template():
    """The policy would block them: behaviour lives in static files (hedgerow.js and friends)."""
    found = []
    for template in PACKAGE.rglob("templates/**/*.html"):
        if "emails" in template.parts:
            continue  # email bodies are read in mail programs, not served under the policy
        text = template.read_text()
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", text):
            found.append(f"{template.name}: {match.group(0)}")
        for match in re.finditer(r"\son[a-z]+\s*=", text):
            found.append(f"{template.name}: {match.group(0)}")
        for match in re.finditer(r"<style|\sstyle\s*=", text):
            found.append(f"{template.name}: {match.group(0)}")
    assert found == []


def test_it_keeps_the_api_docs_behind_sign_in(client, owner_client):
    from django.test import Client

    anonymous = Client().get("/api/v1/docs")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    assert owner_client.get("/api/v1/docs").status_code == 200
    # Scripts still get JSON errors, never a sign-in page.
    assert Client().get("/api/v1/contacts").status_code == 401


def test_it_answers_only_to_its_own_host_names_outside_tests():
    assert "testserver" not in hedgerow_settings.ALLOWED_HOSTS
