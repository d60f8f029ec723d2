"""Shared test helpers: named people (owner, outsider) and small factories."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("HEDGEROW_HOME", tempfile.mkdtemp(prefix="hedgerow-test-home-"))

from datetime import UTC, datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from hedgerow.accounts.services import add_person
from hedgerow.network.models import Contact

# Real password hashing costs a quarter of a second per person; tests need none of its strength
# (production keeps PBKDF2, see tests/test_settings.py).
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Imports started from the web run as the page is posted, so page tests see the outcome at once.
# The real queue and `hedgerow worker` are tested with real processes (tests/network/
# test_background.py).
settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Property tests (tests/network/importers/test_fuzz.py): a short round in `make test` and CI, and
# 10,000 inputs per importer with `make fuzz` (HYPOTHESIS_PROFILE=fuzz). Imports touch the
# database, so no deadline; fixtures (owner, tmp_path) are shared by a test's examples on purpose.
# The short round is derandomized: the same inputs every run, so a red CI always means a change of
# ours; `make fuzz` draws new ones each time, and what it finds becomes a test of its own.
_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
hypothesis_settings.register_profile(
    "ci",
    max_examples=20,
    derandomize=True,
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)
hypothesis_settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("HEDGEROW_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The clock most tests run at: a Wednesday morning, 25 November 2026.
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Sign-in throttling counts live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def fixed_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def owner(db):
    user = add_person(username="alice")
    user.set_password("password")
    user.save()
    return user


@pytest.fixture
def outsider(db):
    user = add_person(username="mallory")
    user.set_password("password")
    user.save()
    return user


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def make_contact():
    def make(owner, name="Ana Ruiz", **fields) -> Contact:
        first, _, last = name.partition(" ")
        return Contact.objects.create(
            owner=owner, name=name, first_name=first, last_name=last, **fields
        )

    return make


__all__ = ["get_user_model"]
