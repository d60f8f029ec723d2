"""The two shapes of issue 9, each against its own sqlite3 floor measured in the same run.

1. Picked files: LinkedIn lets people choose what to export, and many pick only Connections.csv
   and messages.csv. Without Profile.csv or Invitations.csv the owner must be found from the
   messages themselves, in the one pass that reads them.
2. Many invitations: 10,000 connections and 5,000 invitations, imported, imported again, and the
   first import undone (`hedgerow import undo`).
"""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.floor import Floor, measure_floor, unpack_for_sqlite
from bench.measure import ChildRun, run_measured
from bench.report import Measurement
from hedgerow.network.demo import DemoNetwork

REPO = Path(__file__).resolve().parent.parent
USER = "bench"
SEED = 30_000
PICKED = ("Connections.csv", "messages.csv")
MAX_RATIO, AIM_RATIO = 6, 3


@dataclass(frozen=True)
class Home:
    """A fresh Hedgerow home and the CLI run as a measured child process in it."""

    path: Path
    logs: Path

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "HEDGEROW_HOME": str(self.path)}

    def run(self, label: str, *arguments: str) -> ChildRun:
        hedgerow = str(Path(sys.executable).parent / "hedgerow")
        command = [hedgerow, *arguments, "--user", USER]
        log = self.logs / f"{label}.log"
        return run_measured(command, log=log, env=self.env, cwd=REPO).check(label)

    @classmethod
    def fresh(cls, folder: Path, logs: Path) -> Home:
        shutil.rmtree(folder, ignore_errors=True)
        home = cls(folder, logs)
        hedgerow = str(Path(sys.executable).parent / "hedgerow")
        for label, command in (
            ("migrate", [hedgerow, "manage", "migrate", "--verbosity", "0"]),
            ("user-add", [hedgerow, "user", "add", USER]),
        ):
            run_measured(command, log=logs / f"{folder.name}-{label}.log", env=home.env).check(
                label
            )
        return home


def picked_archive(full: Path, target: Path) -> Path:
    """Only Connections.csv and messages.csv of a full archive, in LinkedIn's layout."""
    with zipfile.ZipFile(full) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename.rsplit("/", 1)[-1] in PICKED:
                out.writestr(info, source.read(info))
    return target


def timed(name: str, run: ChildRun, floor: Floor) -> list[Measurement]:
    return [
        Measurement(
            f"{name}, wall time",
            run.seconds,
            "s",
            floor.seconds,
            max_ratio=MAX_RATIO,
            aim_ratio=AIM_RATIO,
            floor_label="sqlite3 .import",
        ),
        cpu_time(name, run, floor),
        Measurement(f"{name}, peak memory", run.peak_mb, "MB", limit=300),
    ]


def cpu_time(name: str, run: ChildRun, floor: Floor) -> Measurement:
    """The same ratio in CPU seconds: on a busy machine wall time waits for a core, CPU does not."""
    return Measurement(
        f"{name}, CPU time",
        run.cpu_seconds,
        "s",
        floor.cpu_seconds,
        max_ratio=MAX_RATIO,
        aim_ratio=AIM_RATIO,
        floor_label="sqlite3 .import, CPU",
    )


def measure_picked(full_archive: Path, work: Path) -> list[Measurement]:
    archive = picked_archive(full_archive, work / "linkedin-picked.zip")
    floor = measure_floor(unpack_for_sqlite(archive, work / "picked-csv"), work / "picked.sqlite3")
    print(f"  picked files: floor {floor.seconds:.2f} s", flush=True)
    home = Home.fresh(work / "home-picked", work / "logs")
    first = home.run("picked-first-import", "import", "linkedin", str(archive), "--json")
    print(f"  picked files: first import in {first.seconds:.2f} s", flush=True)
    return timed("picked files (Connections + messages), first import", first, floor)


def measure_invitations(work: Path, connections: int, invitations: int) -> list[Measurement]:
    exported_on = datetime.now(UTC).date() - timedelta(days=30)
    network = DemoNetwork.generate(
        connections=connections,
        messages=connections * 2,
        seed=SEED,
        exported_on=exported_on,
        invitations=invitations,
    )
    archive = network.write(work / f"linkedin-{connections}-{invitations}-invitations.zip")
    floor = measure_floor(
        unpack_for_sqlite(archive, work / "invitations-csv"), work / "invitations.sqlite3"
    )
    print(f"  {invitations:,} invitations: floor {floor.seconds:.2f} s", flush=True)
    home = Home.fresh(work / "home-invitations", work / "logs")
    first = home.run("invitations-first-import", "import", "linkedin", str(archive), "--json")
    again = home.run("invitations-re-import", "import", "linkedin", str(archive), "--json")
    # The re-import changed nothing, and is the latest run: undo it, then the first import.
    home.run("invitations-undo-re-import", "import", "undo")
    undo = home.run("invitations-undo", "import", "undo")
    print(
        f"  {invitations:,} invitations: import {first.seconds:.2f} s, again "
        f"{again.seconds:.2f} s, undo {undo.seconds:.2f} s",
        flush=True,
    )
    label = f"{connections:,} connections + {invitations:,} invitations"
    return [
        *timed(f"{label}, first import", first, floor),
        *timed(f"{label}, re-import", again, floor),
        *timed(f"{label}, undo of the first import", undo, floor),
    ]
