"""Two versions of the importer on issue 9's import shapes, in the same run, in turns.

    .venv/bin/python -m bench.compare BEFORE_SRC AFTER_SRC [--runs 3]

BEFORE_SRC and AFTER_SRC are `src` folders (say `git archive <commit> src | tar -x -C /tmp/b`).
On a machine shared with other work, wall times and even CPU times drift from one minute to the
next, so a before and an after measured an hour apart say little; here each round measures the
floors, then both versions, one after the other, on the same archives that `make bench` makes
(30,000 connections and 200,000 messages, the picked files, 10,000 connections with 5,000
invitations: `bench.run` and `bench.shapes`). Each import or undo is the real `hedgerow` command
in a child process (start-up included), its CPU time read from wait4 (the messages worker
included); each ratio is against the CPU time of `sqlite3 .import` of the same files in the same
round. Prints one JSON line per version and round, then the spread of each ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.floor import measure_floor, unpack_for_sqlite
from bench.measure import run_measured
from bench.run import INVITATIONS_QUICK, INVITATIONS_SHAPE, QUICK, REPO, SEED, generate
from bench.shapes import USER, picked_archive
from hedgerow.network.demo import DemoNetwork

HEDGEROW = str(Path(sys.executable).parent / "hedgerow")


def archives(work: Path, quick: bool) -> dict[str, tuple[Path, Path]]:
    """Each shape's archive and its unpacked CSV files, made once."""
    sizes = QUICK if quick else {"connections": 30_000, "messages": 200_000}
    _network, full = generate(argparse.Namespace(**sizes, dir=work))
    connections, invitations = INVITATIONS_QUICK if quick else INVITATIONS_SHAPE
    many = DemoNetwork.generate(
        connections=connections,
        messages=connections * 2,
        seed=SEED,
        exported_on=_network.exported_on,
        invitations=invitations,
    ).write(work / "linkedin-invitations.zip")
    picked = picked_archive(full, work / "linkedin-picked.zip")
    return {
        name: (archive, unpack_for_sqlite(archive, work / f"{name}-csv"))
        for name, archive in (("full", full), ("picked", picked), ("invitations", many))
    }


class Version:
    def __init__(self, name: str, src: Path, work: Path) -> None:
        self.name, self.src, self.work = name, src, work
        self.template = work / f"template-{name}"
        shutil.rmtree(self.template, ignore_errors=True)
        for command in (["manage", "migrate", "--verbosity", "0"], ["user", "add", USER]):
            subprocess.run(
                [HEDGEROW, *command],
                env=self.env(self.template),
                check=True,
                stdout=subprocess.DEVNULL,  # user add prints a sign-in link
            )

    def env(self, home: Path) -> dict[str, str]:
        return {**os.environ, "HEDGEROW_HOME": str(home), "PYTHONPATH": str(self.src)}

    def fresh_home(self, shape: str) -> Path:
        home = self.work / f"home-{self.name}-{shape}"
        shutil.rmtree(home, ignore_errors=True)
        shutil.copytree(self.template, home)
        return home

    def cpu(self, home: Path, label: str, *arguments: str) -> float:
        command = [HEDGEROW, *arguments, "--user", USER]
        log = self.work / "logs" / f"{self.name}-{label}.log"
        run = run_measured(command, log=log, env=self.env(home), cwd=REPO).check(label)
        return run.cpu_seconds

    def round(self, shapes: dict[str, tuple[Path, Path]]) -> dict[str, float]:
        found = {}
        for shape in ("full", "picked"):
            home, archive = self.fresh_home(shape), str(shapes[shape][0])
            found[f"{shape}, first import"] = self.cpu(home, shape, "import", "linkedin", archive)
            if shape == "full":
                again = self.cpu(home, "again", "import", "linkedin", archive)
                found["full, re-import"] = again
        home, archive = self.fresh_home("invitations"), str(shapes["invitations"][0])
        found["invitations, first import"] = self.cpu(home, "i1", "import", "linkedin", archive)
        found["invitations, re-import"] = self.cpu(home, "i2", "import", "linkedin", archive)
        self.cpu(home, "undo-again", "import", "undo")
        found["invitations, undo"] = self.cpu(home, "undo", "import", "undo")
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    parser.add_argument("before", type=Path, help="the src folder of the version before")
    parser.add_argument("after", type=Path, help="the src folder of the version after")
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--dir", type=Path, default=REPO / ".bench" / "compare")
    parser.add_argument("--quick", action="store_true", help="small archives: a smoke run")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    shapes = archives(args.dir, args.quick)
    versions = [Version(name, src.resolve(), args.dir) for name, src in
                (("before", args.before), ("after", args.after))]  # fmt: skip
    ratios: dict[tuple[str, str], list[float]] = {}
    for number in range(args.runs):
        floors = {
            name: measure_floor(csv, args.dir / f"floor-{name}.sqlite3").cpu_seconds
            for name, (_archive, csv) in shapes.items()
        }
        for version in versions:
            found = version.round(shapes)
            line = {"round": number, "version": version.name, "floors": floors, "cpu": found}
            print(json.dumps(line), flush=True)
            for what, seconds in found.items():
                ratio = seconds / floors[what.split(",")[0]]
                ratios.setdefault((what, version.name), []).append(ratio)
    print()
    for (what, name), found in ratios.items():
        print(f"{what:30s} {name:6s} {min(found):5.1f}x - {max(found):5.1f}x of the floor's CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
