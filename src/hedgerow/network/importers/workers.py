"""Whether an import may start worker processes, and how: shared by the importers that use them,
and small, so an importer that needs only this does not load another importer to get it."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from multiprocessing.context import BaseContext


def worker_context() -> BaseContext:
    """fork where it is safe (Linux, one thread): it starts at once with everything loaded.

    A forked child inherits other threads' locks but not the threads, so a threaded server, and
    macOS (where fork is unsafe), get spawn: a fresh interpreter.
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def can_start_worker() -> bool:
    # A daemonic process (e.g. a worker of a process pool) is not allowed children.
    return not multiprocessing.current_process().daemon
