"""`python -m bench.mail [--size-mb N] [--quick]`: mail import speed and memory, ranking time.

1. Writes a Gmail-Takeout-like mbox of at least 1 GB: multipart messages with HTML twins and
   base64 attachments, long threads, DKIM/ARC/Received header stacks, newsletters and
   notifications, `>From ` escapes, and some malformed messages (no Date, a garbled From, a
   broken MIME boundary).
2. Reads it with Python's `mailbox.mbox` (every message's From, To, Cc, Date, Message-ID) and
   imports it with `hedgerow import mbox`, each in a child process of the same run: throughput
   as a ratio (target ≥ 5x, aim 8x) and the import's peak memory (≤ 300 MB).
3. Ranks people you may know over 1,000,000 interactions (≤ 1 s).
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.measure import ChildRun, run_measured

REPO = Path(__file__).resolve().parent.parent
OWNER = "alice.owner@gmail.com"
LABELS = ["Inbox", "Sent", "Archived,Important", "Inbox,Category Personal"]
MIN_RATIO, AIM_RATIO, MAX_MEMORY_MB, MAX_RANK_SECONDS = 5, 8, 300, 1.0
BASELINE = """
import mailbox, sys
n = 0
for message in mailbox.mbox(sys.argv[1], create=False):
    message["from"], message["to"], message["cc"], message["date"], message["message-id"]
    n += 1
print(n)
"""


# --- the file ---------------------------------------------------------------------------------


class Writer:
    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.people = [self._person(i) for i in range(3000)]
        blob = self.rng.randbytes(3 << 20)
        self.attachment = base64.encodebytes(blob)  # 76-character lines, as mail has them
        self.start = datetime(2016, 1, 1, tzinfo=UTC)
        self.threads: list[tuple[str, str, list[int]]] = []
        self.count = 0

    def _person(self, i: int) -> tuple[str, str]:
        first = ["Ana", "Bo", "Carla", "Dmitri", "Esi", "Femi", "Greta", "Hiro", "Ines", "Jon"]
        last = ["Ruiz", "Lee", "Nowak", "Okafor", "Svensson", "Tanaka", "Moreau", "Costa"]
        domain = ["gmail.com", "acme.example", "globex.example", "initech.example", "yahoo.com"]
        name = f"{first[i % 10]} {last[(i // 10) % 8]}{i // 80 or ''}"
        local = name.lower().replace(" ", ".")
        return name, f"{local}@{domain[i % 5]}"

    def headers(self, when: datetime, sender: str, to: list[str], subject: str) -> list[str]:
        gmid = self.rng.getrandbits(63)
        stamp = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
        signature = base64.b64encode(self.rng.randbytes(180)).decode()
        lines = [
            f"From {gmid}@xxx {when:%a %b %d %H:%M:%S +0000 %Y}",
            f"X-GM-THRID: {gmid}",
            f"X-Gmail-Labels: {self.rng.choice(LABELS)}",
            f"Delivered-To: {OWNER}",
        ]
        for hop in range(3):
            lines.append(
                f"Received: from mail-{hop}.example (mail-{hop}.example [10.0.0.{hop}])\n"
                f"        by mx.google.com with ESMTPS id {gmid:x}.{hop}\n        ; {stamp}"
            )
        lines.append(
            "ARC-Seal: i=1; a=rsa-sha256; t=1; cv=none; d=google.com; s=arc-20160816;\n        b="
            + "\n        ".join(signature[i : i + 70] for i in range(0, len(signature), 70))
        )
        lines.append(
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example; s=s1;\n        b="
            + "\n        ".join(signature[i : i + 70] for i in range(0, len(signature), 70))
        )
        lines += [
            f"Message-ID: <{gmid:x}.{self.count}@mail.example>",
            f"Date: {stamp}",
            f"From: {sender}",
            f"To: {', '.join(to)}",
            f"Subject: {subject}",
            "MIME-Version: 1.0",
        ]
        return lines

    def message(self) -> bytes:
        rng = self.rng
        self.count += 1
        when = self.start + timedelta(minutes=self.count * 7 + rng.randrange(7))
        kind = rng.random()
        if kind < 0.25:  # a newsletter or notification
            sender = rng.choice(["News <news@shop.example>", "GitHub <noreply@github.com>"])
            head = self.headers(when, sender, [OWNER], f"Weekly digest {self.count}")
            head.append("List-Unsubscribe: <mailto:unsubscribe@shop.example>")
            return self._body(head, attachment=False)
        name, address = self.people[int(rng.paretovariate(1.2)) % len(self.people)]
        if self.threads and rng.random() < 0.6:  # a reply in a long thread
            subject, _first, _members = rng.choice(self.threads[-200:])
            subject = f"Re: {subject}"
        else:
            subject = rng.choice(["Q3 launch", "Dinner plans", "Contract draft", "Offsite"])
            subject = f"{subject} {self.count}"
            self.threads.append((subject, address, []))
        others = [f"{n} <{a}>" for n, a in rng.sample(self.people, rng.randrange(3))]
        if rng.random() < 0.4:
            head = self.headers(
                when, f"Alice Owner <{OWNER}>", [f"{name} <{address}>", *others], subject
            )
        else:
            head = self.headers(when, f"{name} <{address}>", [OWNER, *others], subject)
        if self.count % 997 == 0:
            head = [line for line in head if not line.startswith("Date:")]  # no Date
        if self.count % 1499 == 0:
            head = [
                line if not line.startswith("From: ") else "From: =?utf-8?q?=ZZ?=" for line in head
            ]
        return self._body(head, attachment=rng.random() < 0.12, broken=self.count % 1201 == 0)

    def _body(self, head: list[str], *, attachment: bool, broken: bool = False) -> bytes:
        rng = self.rng
        text = "\n".join(
            ["Hello,", "", "From what we said last week, here is where things stand."]
            + [
                f"Paragraph {i}: " + "lorem ipsum dolor sit amet " * 8
                for i in range(rng.randrange(3, 12))
            ]
            + ["", "From the team,", "A."]
        ).replace("\nFrom what", "\n>From what")
        boundary = f"b{self.count:x}"
        parts = [
            *head,
            f'Content-Type: multipart/mixed; boundary="{boundary}"',
            "",
            f"--{boundary}",
            'Content-Type: text/plain; charset="UTF-8"',
            "",
            text,
            f"--{boundary}",
            'Content-Type: text/html; charset="UTF-8"',
            "",
            "<div>" + text.replace("\n", "<br>") + "</div>",
        ]
        data = "\n".join(parts).encode()
        if attachment:
            size = int(rng.expovariate(1 / 250_000)) + 20_000
            offset = rng.randrange(0, len(self.attachment) - size - 1)
            data += (
                f'\n--{boundary}\nContent-Type: application/pdf; name="file.pdf"\n'
                "Content-Transfer-Encoding: base64\n\n"
            ).encode() + self.attachment[offset : offset + size]
        if not broken:
            data += f"\n--{boundary}--\n".encode()
        return data + b"\n\n"


def write_mbox(path: Path, size: int) -> int:
    writer = Writer()
    written = 0
    with path.open("wb") as handle:
        while written < size:
            chunk = b"".join(writer.message() for _ in range(200))
            handle.write(chunk)
            written += len(chunk)
    return writer.count


# --- ranking over a million interactions --------------------------------------------------------


def rank_time(home: Path, interactions: int) -> tuple[float, int]:
    from bench.today import setup_django

    setup_django(home)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from hedgerow.lib.bulk import insert_rows
    from hedgerow.network.models import Contact, Interaction
    from hedgerow.network.suggest import suggestions

    owner = get_user_model().objects.create(username="ranker")
    rng = random.Random(5)
    people = 20_000
    Contact.objects.bulk_create(
        [Contact(owner=owner, name=f"Person {i}", connected=i % 3 == 0) for i in range(people)],
        batch_size=2000,
    )
    ids = list(Contact.objects.filter(owner=owner).values_list("pk", flat=True))
    start = datetime(2021, 1, 1, tzinfo=UTC)
    kinds = ["email"] * 8 + ["meeting", "message"]

    def rows():
        for n in range(interactions):
            kind = rng.choice(kinds)
            direction = "mutual" if kind == "meeting" else rng.choice(["outgoing", "incoming"])
            yield (
                owner.pk, ids[int(rng.paretovariate(1.1)) % people], kind, direction,
                start + timedelta(minutes=n * 2), "email", f"x{n}", "", "", rng.randrange(2, 8),
            )  # fmt: skip

    fields = (
        "owner", "contact", "kind", "direction", "occurred_at", "source", "external_id",
        "subject", "text", "participants",
    )  # fmt: skip
    insert_rows(Interaction, fields, rows(), batch_size=10_000)
    from hedgerow.network.importers.base import refresh_planner_statistics

    refresh_planner_statistics()
    timings, cpu = [], []
    for _ in range(3):
        began, began_cpu = time.perf_counter(), time.process_time()
        found = suggestions(owner, limit=20)
        timings.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    print(f"(ranking: {statistics.median(cpu):.2f} s CPU)")
    return statistics.median(timings), len(found)


# --- the run ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mail", description=__doc__)
    parser.add_argument("--size-mb", type=int, default=1024, help="the mbox's size (default 1 GB)")
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="64 MB and 100,000 interactions")
    parser.add_argument("--dir", type=Path, default=REPO / ".bench" / "mail")
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mb, args.interactions = 64, 100_000
    shutil.rmtree(args.dir, ignore_errors=True)
    args.dir.mkdir(parents=True)
    mbox = args.dir / "takeout.mbox"
    began = time.perf_counter()
    messages = write_mbox(mbox, args.size_mb << 20)
    size_mb = mbox.stat().st_size / (1 << 20)
    print(
        f"Wrote {mbox.name}: {size_mb:,.0f} MB, {messages:,} messages "
        f"({time.perf_counter() - began:.0f} s)"
    )

    python = sys.executable
    baseline = run_measured(
        [python, "-c", BASELINE, str(mbox)], log=args.dir / "mailbox.log"
    ).check("mailbox.mbox")
    env = {**os.environ, "HEDGEROW_HOME": str(args.dir / "home")}
    env.pop("HEDGEROW_DATABASE_URL", None)
    hedgerow = shutil.which("hedgerow", path=str(Path(python).parent)) or "hedgerow"
    run_measured([hedgerow, "user", "add", "bench"], log=args.dir / "user.log", env=env).check(
        "user"
    )
    ours: ChildRun = run_measured(
        [hedgerow, "import", "mbox", str(mbox), "--me", OWNER, "--json"],
        log=args.dir / "import.log",
        env=env,
    ).check("hedgerow import mbox")
    rank_seconds, ranked = rank_time(args.dir / "rank-home", args.interactions)

    ratio = baseline.seconds / ours.seconds
    cpu_ratio = baseline.cpu_seconds / ours.cpu_seconds
    print(f"\n{'measure':<44}{'value':>14}{'target':>16}  verdict")
    rows = [
        ("mailbox.mbox reading the file", f"{size_mb / baseline.seconds:,.1f} MB/s", "", ""),
        ("hedgerow import mbox (start-up included)", f"{size_mb / ours.seconds:,.1f} MB/s", "", ""),
        ("import throughput vs mailbox.mbox", f"{ratio:.1f}x", f"≥ {MIN_RATIO}x, aim {AIM_RATIO}x",
         "PASS" if ratio >= MIN_RATIO else "FAIL"),
        ("the same in CPU time (workers included)", f"{cpu_ratio:.1f}x", "", ""),
        ("import peak memory", f"{ours.peak_mb:,.0f} MB", f"≤ {MAX_MEMORY_MB} MB",
         "PASS" if ours.peak_mb <= MAX_MEMORY_MB else "FAIL"),
        (f"rank suggestions, {args.interactions:,} interactions", f"{rank_seconds:.2f} s",
         f"≤ {MAX_RANK_SECONDS:g} s", "PASS" if rank_seconds <= MAX_RANK_SECONDS else "FAIL"),
    ]  # fmt: skip
    for name, value, target, verdict in rows:
        print(f"{name:<44}{value:>14}{target:>16}  {verdict}")
    print(
        f"\n(mailbox.mbox {baseline.seconds:.1f} s wall, {baseline.cpu_seconds:.1f} s CPU, peak "
        f"{baseline.peak_mb:,.0f} MB; import {ours.seconds:.1f} s wall, {ours.cpu_seconds:.1f} s "
        f"CPU; {ranked} people ranked)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
