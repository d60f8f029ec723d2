"""Running a child process and measuring its wall time and its own peak memory."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mb: float
    returncode: int
    log: Path
    # User + system time of the child: what other work on a busy machine blurs least.
    cpu_seconds: float = 0.0

    def check(self, what: str) -> ChildRun:
        if self.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:]
            raise SystemExit(
                f"bench: {what} failed (exit {self.returncode}); see {self.log}\n{tail}"
            )
        return self


def run_measured(
    command: list[str],
    *,
    log: Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdin: Path | None = None,
) -> ChildRun:
    """Wall time from spawn to exit (start-up included), CPU time, and the child's peak RSS.

    os.wait4 reports the resource use of exactly this child, so several measured children in one
    bench run don't blur into one RUSAGE_CHILDREN maximum.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out, stdin.open("rb") if stdin else open(os.devnull, "rb") as feed:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=feed, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in kilobytes.
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(seconds, usage.ru_maxrss / 1024, process.returncode, log, cpu)
