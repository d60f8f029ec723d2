"""Child processes that never outlive their parent, and telling whether a process is still there.

`hedgerow serve` starts a worker so the demo runs background imports without a second terminal.
If the server is killed (even with SIGKILL, which it cannot catch), that worker must not stay
behind holding the database: on Linux the kernel sends it SIGTERM (PR_SET_PDEATHSIG); elsewhere
a watchdog thread notices that its parent changed and ends the process.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import socket
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_EVERY = 1.0  # seconds between the watchdog's looks at the parent


def ask_kernel_to_end_us_with_parent() -> bool:
    """Linux only: SIGTERM this process when the thread that started it ends. True if set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(parent_pid: int) -> None:
    """Call first thing in a child: end this process when `parent_pid` is gone.

    The kernel's signal covers Linux; the watchdog covers the rest, and the moment between the
    parent's fork and the prctl call (a parent that died then has already changed our parent)."""
    ask_kernel_to_end_us_with_parent()
    if os.getppid() != parent_pid:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_EVERY)
            if os.getppid() != parent_pid:
                # Our parent is gone and we were handed to init: stop as a SIGTERM would.
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
                os._exit(1)

    threading.Thread(target=watch, name="hedgerow-parent-watch", daemon=True).start()


def this_process() -> str:
    """Who is doing the work, as "host:pid", so another process can tell later if it is gone."""
    return f"{socket.gethostname()}:{os.getpid()}"


def is_gone(ident: str) -> bool:
    """True when `ident` (from this_process) names a process on this machine that has ended.
    A process on another machine cannot be seen from here: it is never called gone."""
    host, _, pid_text = ident.rpartition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it exists, run by someone else
    # A process that ended but was not reaped yet (a zombie) is gone all the same.
    with contextlib.suppress(OSError), open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    return False
