"""The Today page at LinkedIn's cap: server time, HTML size and queries, next to a bare signed-in
page measured in the same run (issue 13: ≤ 30 ms and ≤ 40 KB at 30,000 contacts); and Today as
JSON, `GET /api/v1/today` and the whole `hedgerow today --json` command, in CPU time.

`make bench` measures it after its imports (bench/run.py). On its own,
`python -m bench.today [--connections N] [--messages N] [--runs N]` builds a home once
(`.bench/today/`: two exports a month apart imported, so Today holds new positions, acceptances
and departures; 40 core contacts) and measures it again on every later run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.measure import run_measured
from bench.report import Measurement, table, write_json

WARM_UP = 3
REPO = Path(__file__).resolve().parent.parent
USER = "bench"
# Issue 13's targets for the Today page at 30,000 contacts.
MAX_TODAY_MS, MAX_TODAY_KB = 30, 40
# Today as JSON at 30,000 contacts: a few hundred milliseconds of CPU, reply figures included.
MAX_TODAY_JSON_MS = 300
# The bare signed-in page: the layout, the menu and the session, and nothing of the person's data.
FLOOR_PATH = "/accounts/password/"


@dataclass(frozen=True)
class Page:
    ms: float
    cpu_ms: float  # this process's CPU time: what a busy machine's waiting does not inflate
    kb: float
    queries: int


@dataclass(frozen=True)
class TodayTimes:
    page: Page
    floor: Page
    agenda_ms: float
    api_cpu_ms: float  # GET /api/v1/today, in this process
    api_kb: float
    cli_cpu_ms: float  # `hedgerow today --json` as a child: start-up and the URLconf included

    @property
    def page_ms(self) -> float:
        return self.page.ms

    @property
    def floor_ms(self) -> float:
        return self.floor.ms


def setup_django(home: Path) -> None:
    os.environ["HEDGEROW_HOME"] = str(home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    import django

    django.setup()


def mark_core_contacts(username: str, count: int) -> None:
    """Core contacts make Today's "due" section do its real work (rule N8)."""
    from django.contrib.auth import get_user_model

    from hedgerow.network.access import contacts_of
    from hedgerow.network.services import set_core

    user = get_user_model().objects.get(username=username)
    for contact in contacts_of(user).filter(connected=True).order_by("pk")[::97][:count]:
        set_core(contact=contact)


def median_ms(action, runs: int, clock=time.perf_counter) -> float:
    for _ in range(WARM_UP):
        action()
    times = []
    for _ in range(runs):
        started = clock()
        action()
        times.append((clock() - started) * 1000)
    return statistics.median(times)


def measure_page(client, path: str, runs: int) -> Page:
    """The median server time of `runs` requests, the page's size and its query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"bench: GET {path} answered {response.status_code}")
        return response

    ms = median_ms(get, runs)
    cpu_ms = median_ms(get, runs, clock=time.process_time)
    with CaptureQueriesContext(connection) as queries:
        response = get()
    return Page(ms=ms, cpu_ms=cpu_ms, kb=len(response.content) / 1024, queries=len(queries))


def measure_today(username: str, runs: int = 20) -> TodayTimes:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from hedgerow.network.agenda import build_agenda

    user = get_user_model().objects.get(username=username)
    client = Client(HTTP_HOST="localhost")  # the hosts a server answers to, never "testserver"
    client.force_login(user)
    # Interleaved would be fairer on a busy machine; in turn keeps each one's caches warm.
    floor = measure_page(client, FLOOR_PATH, runs)
    page = measure_page(client, "/today/", runs)
    api_cpu_ms, api_kb = measure_api(user, runs=max(3, runs // 4))
    return TodayTimes(
        page=page,
        floor=floor,
        agenda_ms=median_ms(lambda: build_agenda(user, update_limit=25), runs),
        api_cpu_ms=api_cpu_ms,
        api_kb=api_kb,
        cli_cpu_ms=measure_cli(username),
    )


def measure_api(user, runs: int) -> tuple[float, float]:
    """GET /api/v1/today with a key made for the run (and removed after): median CPU, size."""
    from django.test import Client

    from hedgerow.accounts.services import create_api_token

    token, key = create_api_token(owner=user, name="bench")
    try:
        client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {key}")

        def get():
            response = client.get("/api/v1/today")
            if response.status_code != 200:
                raise SystemExit(f"bench: GET /api/v1/today answered {response.status_code}")
            return response

        cpu_ms = median_ms(get, runs, clock=time.process_time)
        return cpu_ms, len(get().content) / 1024
    finally:
        token.delete()


def measure_cli(username: str) -> float:
    """`hedgerow today --json` once warmed up, as a person runs it: its CPU time, start-up
    included. PYTHONPATH puts this checkout's code first, as the tests do."""
    command = [sys.executable, "-m", "hedgerow", "today", "--json", "--user", username]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "today.log"
        run_measured(command, log=log, env=env, cwd=REPO).check("hedgerow today --json")
        return run_measured(command, log=log, env=env, cwd=REPO).cpu_seconds * 1000


def today_measurements(today: TodayTimes) -> list[Measurement]:
    bare = "bare signed-in page"
    return [
        Measurement(
            "Today page, server time",
            today.page.ms,
            "ms",
            today.floor.ms,
            limit=MAX_TODAY_MS,
            floor_label=bare,
        ),
        Measurement(
            "Today page, CPU time",
            today.page.cpu_ms,
            "ms",
            today.floor.cpu_ms,
            limit=MAX_TODAY_MS,
            floor_label=bare,
        ),
        Measurement(
            "Today page, HTML size",
            today.page.kb,
            "KB",
            today.floor.kb,
            limit=MAX_TODAY_KB,
            floor_label=bare,
        ),
        Measurement(
            "Today page, SQL queries",
            today.page.queries,
            "queries",
            today.floor.queries,
            floor_label=bare,
        ),
        Measurement("Today agenda alone", today.agenda_ms, "ms"),
        Measurement(
            "Today as JSON, GET /api/v1/today, CPU time",
            today.api_cpu_ms,
            "ms",
            limit=MAX_TODAY_JSON_MS,
        ),
        Measurement("Today as JSON, size", today.api_kb, "KB"),
        Measurement("hedgerow today --json, whole command, CPU time", today.cli_cpu_ms, "ms"),
    ]


def build_home(folder: Path, connections: int, messages: int) -> None:
    """Two exports a month apart, imported in this process, then 40 core contacts."""
    from hedgerow.accounts.services import add_person
    from hedgerow.network.demo import Changes, DemoNetwork
    from hedgerow.network.importers.linkedin import import_linkedin

    today = datetime.now(UTC).date()
    started = time.perf_counter()
    earlier = DemoNetwork.generate(
        connections=connections, messages=messages, seed=30_000, exported_on=today - timedelta(30)
    )
    changes = Changes(
        new_positions=max(12, connections // 200), accepted=5, removed=max(3, connections // 1000)
    )
    later = earlier.evolve(exported_on=today, changes=changes)
    user = add_person(username=USER)
    for network in (earlier, later):
        archive = network.write(folder / f"linkedin-{network.exported_on}.zip")
        import_linkedin(owner=user, path=archive, confirm=True)
        archive.unlink()
    mark_core_contacts(USER, count=40)
    print(f"  built the home in {time.perf_counter() - started:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.today", description=__doc__)
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=REPO / ".bench" / "today")
    args = parser.parse_args(argv)
    home = args.dir / f"home-{args.connections}-{args.messages}"
    built = home / "BUILT"
    if not built.exists():  # a home left half-built by an interrupted run starts again
        shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True, exist_ok=True)
    print(f"Today at {args.connections:,} connections, {args.messages:,} messages")
    setup_django(home)
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)  # a home built before a migration
    if not built.exists():
        build_home(args.dir, args.connections, args.messages)
        built.write_text("built\n")
    measurements = today_measurements(measure_today(USER, runs=args.runs))
    print()
    print(table(measurements))
    context = {"connections": args.connections, "messages": args.messages}
    write_json(args.dir / "results.json", measurements, context)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
