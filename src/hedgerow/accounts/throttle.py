"""Slowing down guessing: failed sign-ins and failed API keys, counted per account and per address.

A few mistakes are normal (a mistyped password, an old key in a script); many in a short time are
someone guessing. Each account and each client address may fail `limit` times in a window; after
that, sign-in (or the API) answers "wait N minutes" until the window that began with the first
failure has passed. A successful sign-in clears the account's count, not the address's, so one
known password cannot be used to keep guessing others from the same address.

Counts live in Django's cache (per process with the default in-memory cache; a shared cache
such as Redis makes them shared by every web process). Every sign-in and every failure is logged
to the `hedgerow.security` logger, with the name tried and the address, never the password or
the key.
"""

from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

log = logging.getLogger("hedgerow.security")

WINDOW_SECONDS = 15 * 60
ACCOUNT_LIMIT = 10  # failed sign-ins for one account in a window
ADDRESS_LIMIT = 30  # failed sign-ins or API keys from one address in a window


@dataclass(frozen=True)
class Counter:
    scope: str  # "sign-in" or "api-key"
    kind: str  # "account" or "address"
    key: str
    limit: int

    @property
    def cache_key(self) -> str:
        # Hashed, so any text (a name with spaces, an IPv6 address) makes a valid cache key.
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:32]
        return f"hedgerow:throttle:{self.scope}:{self.kind}:{digest}"


class Throttled(Exception):
    """Too many failures: try again in `retry_after` seconds."""

    def __init__(self, retry_after: int, scope: str = "sign-in") -> None:
        super().__init__(wait_message(retry_after, scope))
        self.retry_after = retry_after


def wait_message(seconds: int, scope: str = "sign-in") -> str:
    minutes = max(1, math.ceil(seconds / 60))
    when = "a minute" if minutes == 1 else f"{minutes} minutes"
    what = "sign-in" if scope == "sign-in" else "API keys from here"
    return (
        f"That's a lot of tries in a short time, so we're pausing {what} to keep your account "
        f"safe. Please try again in {when}."
    )


def client_address(request: HttpRequest) -> str:
    """The address of whoever sent the request. Behind our own TLS proxy (HEDGEROW_HTTPS=1) every
    request comes from the proxy, so the address it appended to X-Forwarded-For counts instead."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "HEDGEROW_BEHIND_PROXY", False) and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip() or remote
    return remote


def _now() -> float:
    return timezone.now().timestamp()


def _wait(counter: Counter) -> int:
    """Seconds until this counter lets the next try through (0: go ahead)."""
    state = cache.get(counter.cache_key)
    if not state:
        return 0
    count, since = state
    left = since + WINDOW_SECONDS - _now()
    if left <= 0:
        cache.delete(counter.cache_key)
        return 0
    return math.ceil(left) if count >= counter.limit else 0


def _fail(counter: Counter) -> None:
    now = _now()
    state = cache.get(counter.cache_key)
    if not state or state[1] + WINDOW_SECONDS <= now:
        state = (0, now)
    cache.set(counter.cache_key, (state[0] + 1, state[1]), timeout=WINDOW_SECONDS)


def counters(scope: str, *, account: str | None, address: str) -> list[Counter]:
    found = [Counter(scope, "address", address, ADDRESS_LIMIT)]
    if account:
        found.append(Counter(scope, "account", account.strip().lower(), ACCOUNT_LIMIT))
    return found


def check(scope: str, *, account: str | None, address: str) -> None:
    """Raise Throttled when the account or the address has failed too often lately."""
    wait = max(_wait(c) for c in counters(scope, account=account, address=address))
    if wait:
        log.warning(
            "%s refused while throttled: account=%r address=%s retry_after=%ss",
            scope,
            account or "",
            address,
            wait,
        )
        raise Throttled(wait, scope)


def record_failure(scope: str, *, account: str | None, address: str) -> None:
    for counter in counters(scope, account=account, address=address):
        _fail(counter)
    log.warning("%s failed: account=%r address=%s", scope, account or "", address)


def record_success(scope: str, *, account: str, address: str) -> None:
    cache.delete(Counter(scope, "account", account.strip().lower(), ACCOUNT_LIMIT).cache_key)
    log.info("%s succeeded: account=%r address=%s", scope, account, address)
