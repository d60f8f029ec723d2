"""The worker `hedgerow serve` starts beside the web server, so background imports run on a
laptop without a second terminal. It ends with the server, however the server ends: it is told
who its parent is (`hedgerow worker --parent PID`, see lib/processes.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

RESTART_AFTER = 2.0  # seconds before a worker that stopped on its own is started again
STOP_WITHIN = 10.0  # seconds a worker gets to finish cleanly when the server stops


class WorkerChild:
    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = threading.Event()

    def start(self) -> WorkerChild:
        self.process = self._spawn()
        threading.Thread(target=self._supervise, name="hedgerow-worker-watch", daemon=True).start()
        return self

    def _spawn(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "hedgerow", "worker", "--parent", str(os.getpid())]
        return subprocess.Popen(command)  # noqa: S603 - our own command line

    def _supervise(self) -> None:
        # A worker that stopped on its own (a crash, an out-of-memory kill) is started again,
        # so imports queued from the web never wait for someone to notice.
        while not self.stopping.is_set():
            assert self.process is not None
            code = self.process.wait()
            if self.stopping.wait(RESTART_AFTER):
                return
            print(f"The import worker stopped (exit {code}); starting it again.", file=sys.stderr)
            self.process = self._spawn()

    def stop(self) -> None:
        self.stopping.set()
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(STOP_WITHIN)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
