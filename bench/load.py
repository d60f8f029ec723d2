"""Many people at once (issue 14): signed-in sessions on Today and contacts while imports run,
against the production setup (`hedgerow serve`: Waitress, and the worker it starts for
background imports), next to a bare signed-in page measured in the same run.

    python -m bench.load [--sessions 20] [--seconds 60] [--quick]

A fresh home (`.bench/load/home`) gets the demo network (`hedgerow demo --no-serve`, the
person "demo") and a second person, "importer", who uploads LinkedIn archives through the
import page one after another for the whole run, so an import is always running in the
background. Every session signs in as "demo" and then loops over Today, the contacts list and
the bare page, each request timed from send to last byte. Any answer but 200 is an error; the
target is none. Results go to `.bench/load.json`.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = {"Today": "/", "contacts": "/contacts/", "bare signed-in page": "/accounts/password/"}
IMPORTER = "importer"
PASSWORD = "bench-load-password"  # noqa: S105 - a made-up person in a throwaway home


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=2000, help="per uploaded archive")
    parser.add_argument("--messages", type=int, default=20000, help="per uploaded archive")
    parser.add_argument("--quick", action="store_true", help="5 sessions for 10 s: a smoke run")
    parser.add_argument("--dir", type=Path, default=REPO / ".bench" / "load")
    args = parser.parse_args(argv)
    if args.quick:
        args.sessions, args.seconds = 5, 10
        args.connections, args.messages = 500, 5000
    return args


# --- the server ---------------------------------------------------------------------------------


def hedgerow_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HEDGEROW_HOME": str(home)}
    env.pop("HEDGEROW_DATABASE_URL", None)  # the embedded SQLite file: the default setup
    env.pop("HEDGEROW_DEBUG", None)
    return env


def prepare_home(home: Path) -> None:
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    env = hedgerow_env(home)
    hedgerow = [sys.executable, "-m", "hedgerow"]
    subprocess.run(
        [*hedgerow, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    script = (
        "import django; django.setup()\n"
        "from hedgerow.accounts.services import add_person\n"
        f"person = add_person(username={IMPORTER!r})\n"
        f"person.set_password({PASSWORD!r}); person.save()\n"
    )
    env["DJANGO_SETTINGS_MODULE"] = "hedgerow.settings"
    subprocess.run([sys.executable, "-c", script], env=env, check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(home: Path, port: int, logs: Path) -> subprocess.Popen[bytes]:
    log = (logs / "serve.log").open("wb")
    command = [sys.executable, "-m", "hedgerow", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=hedgerow_env(home), stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"hedgerow serve stopped; see {logs / 'serve.log'}") from None
            time.sleep(0.2)
    server.kill()
    raise SystemExit("hedgerow serve did not answer within two minutes")


# --- a signed-in browser, in miniature -----------------------------------------------------------


class Session:
    """Cookies, CSRF and one kept-alive connection, like a browser tab."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path: str) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url(path))  # noqa: S310 - loopback only
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(  # noqa: S310 - loopback only
            self.url(path),
            data=body,
            headers={
                "Content-Type": content_type,
                "X-CSRFToken": self.csrf(),
                "Referer": self.url(path),
            },
        )
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.url, response.read()
        except urllib.error.HTTPError as error:
            return error.code, path, error.read()

    def sign_in(self, username: str, password: str) -> None:
        self.get("/accounts/login/")
        form = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf()}
        ).encode()
        status, landed, _ = self.post("/accounts/login/", form, "application/x-www-form-urlencoded")
        if status != 200 or landed.endswith("/accounts/login/"):
            raise SystemExit(f"could not sign in as {username} (HTTP {status})")

    def upload(self, archive: Path) -> str:
        """Post an archive to the import page; return the job page it leads to."""
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{self.csrf()}\r\n",
            f'--{boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nlinkedin\r\n',
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{archive.name}"\r\nContent-Type: application/zip\r\n\r\n',
        ]
        body = "".join(parts).encode() + archive.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        status, landed, _ = self.post("/import/", body, f"multipart/form-data; boundary={boundary}")
        if status != 200 or "/import/jobs/" not in landed:
            raise SystemExit(f"the import page did not queue {archive.name} (HTTP {status})")
        return urllib.parse.urlparse(landed).path


# --- the load ----------------------------------------------------------------------------------


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in PAGES})
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, seconds: float) -> None:
        with self.lock:
            self.times[name].append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def browse(session: Session, tally: Tally, stop: threading.Event) -> None:
    while not stop.is_set():
        for name, path in PAGES.items():
            started = time.perf_counter()
            try:
                status, _body = session.get(path)
            except (OSError, http.client.HTTPException) as error:
                tally.error(f"{path}: {error}")
                continue
            if stop.is_set():
                return
            if status != 200:
                tally.error(f"{path}: HTTP {status}")
                continue
            tally.add(name, time.perf_counter() - started)


@dataclass
class Imports:
    finished: int = 0
    started: int = 0
    failed: list[str] = field(default_factory=list)


JOB_DONE = re.compile(rb"We couldn't import that file\.")


def keep_importing(
    session: Session, archives: list[Path], imports: Imports, stop: threading.Event
) -> None:
    """Upload the archives one after another, so an import runs for the whole measurement."""
    turn = 0
    while not stop.is_set():
        job = session.upload(archives[turn % len(archives)])
        imports.started += 1
        turn += 1
        while not stop.is_set():
            status, body = session.get(job)  # the job page leads to the run once it is done
            if status != 200:
                imports.failed.append(f"{job}: HTTP {status}")
                break
            if JOB_DONE.search(body):
                imports.failed.append(f"{job}: the import failed")
                break
            if b'id="import-progress"' not in body:
                imports.finished += 1
                break
            time.sleep(0.5)


def archives_for(args: argparse.Namespace) -> list[Path]:
    from hedgerow.network.demo import DemoNetwork

    folder = args.dir / "archives"
    folder.mkdir(parents=True, exist_ok=True)
    exported_on = datetime.now(UTC).date() - timedelta(days=30)
    made = []
    for seed in (1, 2, 3):  # different people each time: every import writes
        path = folder / f"linkedin-{seed}-{args.connections}-{args.messages}.zip"
        if not path.exists():
            network = DemoNetwork.generate(
                connections=args.connections,
                messages=args.messages,
                seed=seed,
                exported_on=exported_on,
            )
            network.write(path)
        made.append(path)
    return made


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(tally: Tally, imports: Imports, seconds: float, sessions: int) -> dict:
    rows = {}
    print(f"\n{sessions} signed-in sessions for {seconds:.0f} s, imports running all along:")
    print(f"  {'page':<22} {'requests/s':>10} {'p50':>9} {'p95':>9} {'max':>9}")
    for name, times in tally.times.items():
        if not times:
            continue
        row = {
            "requests": len(times),
            "per_second": len(times) / seconds,
            "p50_ms": 1000 * statistics.median(times),
            "p95_ms": 1000 * percentile(times, 0.95),
            "max_ms": 1000 * max(times),
        }
        rows[name] = row
        print(
            f"  {name:<22} {row['per_second']:>10.1f} {row['p50_ms']:>7.0f} ms "
            f"{row['p95_ms']:>6.0f} ms {row['max_ms']:>6.0f} ms"
        )
    total = sum(len(t) for t in tally.times.values())
    print(f"  all pages: {total / seconds:.1f} requests/s; errors: {len(tally.errors)}")
    print(f"  imports: {imports.started} started, {imports.finished} finished, "
          f"{len(imports.failed)} failed")  # fmt: skip
    for error in (tally.errors + imports.failed)[:10]:
        print(f"    {error}")
    verdict = "PASS" if not tally.errors and not imports.failed else "over: errors"
    print(f"  target: 0 errors — {verdict}")
    return {
        "sessions": sessions,
        "seconds": seconds,
        "pages": rows,
        "errors": tally.errors,
        "imports": {"started": imports.started, "finished": imports.finished,
                    "failed": imports.failed},
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logs = args.dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    home = args.dir / "home"
    print("Load: many people at once (issue 14)", flush=True)
    archives = archives_for(args)
    prepare_home(home)
    port = free_port()
    server = start_server(home, port, logs)
    try:
        importer = Session(port)
        importer.sign_in(IMPORTER, PASSWORD)
        sessions = [Session(port) for _ in range(args.sessions)]
        for session in sessions:
            session.sign_in("demo", "demo")
        tally, imports, stop = Tally(), Imports(), threading.Event()
        feeder = threading.Thread(target=keep_importing, args=(importer, archives, imports, stop))
        feeder.start()
        time.sleep(1)  # the first import is under way
        threads = [threading.Thread(target=browse, args=(s, tally, stop)) for s in sessions]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        feeder.join()
    finally:
        server.terminate()
        server.wait(30)
    results = report(tally, imports, elapsed, args.sessions)
    (args.dir.parent / "load.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0 if not tally.errors and not imports.failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
