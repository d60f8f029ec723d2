"""`make bench`: generate a LinkedIn archive, then time its import against sqlite3's own loader."""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.floor import Floor, measure_floor, unpack_for_sqlite
from bench.measure import ChildRun, run_measured
from bench.report import Measurement, table, write_json
from bench.shapes import cpu_time, measure_invitations, measure_picked
from bench.today import mark_core_contacts, measure_today, setup_django, today_measurements
from hedgerow.network.demo import Changes, DemoNetwork

REPO = Path(__file__).resolve().parent.parent
USER = "bench"
SEED = 30_000
QUICK = {"connections": 1_000, "messages": 5_000}
# Issue 9's shape of many invitations, and its quick size.
INVITATIONS_SHAPE, INVITATIONS_QUICK = (10_000, 5_000), (1_000, 500)
# Targets from issue 2, on a 2-core machine, start-up included.
MAX_RATIO, AIM_RATIO, MAX_MEMORY_MB = 6, 3, 300


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--connections", type=int, default=30_000, help="LinkedIn's cap: 30,000")
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--runs", type=int, default=20, help="Today requests to take the median of")
    parser.add_argument("--dir", type=Path, default=REPO / ".bench", help="work folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.connections, args.messages = QUICK["connections"], QUICK["messages"]
    return args


@dataclass(frozen=True)
class Importer:
    """How to run an import as a child process: the real CLI, or bench.direct before it exists."""

    env: dict[str, str]
    logs: Path

    @property
    def hedgerow(self) -> str:
        return shutil.which("hedgerow", path=str(Path(sys.executable).parent)) or "hedgerow"

    def has_cli(self) -> bool:
        probe = [self.hedgerow, "import", "--help"]
        return subprocess.run(probe, capture_output=True, env=self.env, check=False).returncode == 0

    def setup(self) -> None:
        if self.has_cli():
            self._run([self.hedgerow, "manage", "migrate", "--verbosity", "0"], "migrate")
            self._run([self.hedgerow, "user", "add", USER], "user-add")
        else:
            self._run([sys.executable, "-m", "bench.direct", "setup", USER], "setup")

    def run_import(self, archive: Path, label: str) -> ChildRun:
        if self.has_cli():
            command = [self.hedgerow, "import", "linkedin", str(archive), "--user", USER, "--json"]
        else:
            command = [sys.executable, "-m", "bench.direct", "import", USER, str(archive)]
        return self._run(command, label)

    def _run(self, command: list[str], label: str) -> ChildRun:
        log = self.logs / f"{label}.log"
        return run_measured(command, log=log, env=self.env, cwd=REPO).check(label)


def generate(args: argparse.Namespace) -> tuple[DemoNetwork, Path]:
    exported_on = datetime.now(UTC).date() - timedelta(days=30)
    network = DemoNetwork.generate(
        connections=args.connections, messages=args.messages, seed=SEED, exported_on=exported_on
    )
    started = time.perf_counter()
    archive = network.write(args.dir / f"linkedin-{args.connections}-{args.messages}.zip")
    print(f"  wrote {archive.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return network, archive


def later_export(network: DemoNetwork, folder: Path) -> Path:
    """A month later: new positions, acceptances, departures, so Today has work to show."""
    n = len(network.connections)
    changes = Changes(new_positions=max(12, n // 200), accepted=5, removed=max(3, n // 1000))
    later = network.evolve(exported_on=datetime.now(UTC).date(), changes=changes)
    return later.write(folder / "linkedin-later.zip")


def import_measurements(floor: Floor, first: ChildRun, again: ChildRun) -> list[Measurement]:
    measurements = []
    for label, run in (("first import", first), ("re-import", again)):
        measurements += [
            Measurement(
                f"{label}, wall time",
                run.seconds,
                "s",
                floor.seconds,
                max_ratio=MAX_RATIO,
                aim_ratio=AIM_RATIO,
                floor_label="sqlite3 .import",
            ),
            cpu_time(label, run, floor),
            Measurement(
                f"{label}, peak memory",
                run.peak_mb,
                "MB",
                floor.peak_mb,
                limit=MAX_MEMORY_MB,
                floor_label="sqlite3 .import",
            ),
        ]
    return measurements


def sqlite_version() -> str:
    result = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True, check=False)
    return result.stdout.split(" ")[0]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("sqlite3") is None:
        print("bench: the sqlite3 command line is needed for the floor (apt install sqlite3).")
        return 2
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"Hedgerow bench: {args.connections:,} connections, {args.messages:,} messages")
    network, archive = generate(args)
    floor = measure_floor(unpack_for_sqlite(archive, args.dir / "csv"), args.dir / "floor.sqlite3")
    print(f"  floor: sqlite3 .import in {floor.seconds:.2f} s", flush=True)
    context = {
        "connections": args.connections,
        "messages": args.messages,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite3": sqlite_version(),
            "platform": platform.platform(),
        },
        "floor_rows": floor.rows,
    }
    measurements: list[Measurement] = []
    if importlib.util.find_spec("hedgerow.network.importers.linkedin") is None:
        print("  the LinkedIn importer is not in this checkout yet: only the floor was measured")
    else:
        measurements = run_hedgerow(args, network, archive, floor)
        measurements += measure_picked(archive, args.dir)
        connections, invitations = INVITATIONS_QUICK if args.quick else INVITATIONS_SHAPE
        measurements += measure_invitations(args.dir, connections, invitations)
    print()
    print(table(measurements) if measurements else f"floor: {floor.seconds:.2f} s")
    write_json(args.dir / "results.json", measurements, context)
    print(f"\nResults: {args.dir / 'results.json'}")
    return 0


def run_hedgerow(
    args: argparse.Namespace, network: DemoNetwork, archive: Path, floor: Floor
) -> list[Measurement]:
    home = args.dir / "home"
    shutil.rmtree(home, ignore_errors=True)
    env = {**os.environ, "HEDGEROW_HOME": str(home)}
    importer = Importer(env=env, logs=args.dir / "logs")
    importer.setup()
    first = importer.run_import(archive, "first-import")
    print(f"  first import in {first.seconds:.2f} s, peak {first.peak_mb:.0f} MB", flush=True)
    again = importer.run_import(archive, "re-import")
    print(f"  re-import in {again.seconds:.2f} s, peak {again.peak_mb:.0f} MB", flush=True)
    importer.run_import(later_export(network, args.dir), "later-import")
    setup_django(home)
    mark_core_contacts(USER, count=40)
    today = measure_today(USER, runs=args.runs)
    return [*import_measurements(floor, first, again), *today_measurements(today)]
