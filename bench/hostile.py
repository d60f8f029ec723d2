"""`python -m bench.hostile [--dir PATH]`: hostile and broken files, their time and peak memory.

Writes the files issue 14 names (a vCard with a 16 MiB name, one with a 32 MiB photo, one card
with 100,000 EMAIL lines, a 7 MB CSV with 200,000 columns, a 1 MB zip that expands to 1 GiB, a
zip whose header lies about its size, an event that repeats every second, a 64 MiB mbox header,
a Google calendar export near its size cap)
and imports each with `hedgerow import` in a child process; in the same run, a child reads the
same file the plain standard-library way (lines, csv rows, zip members in blocks). Reports wall
time, peak memory (the child's own max RSS) and both ratios, and checks every import ends in a
summary or one sentence (exit 0 or 2, no traceback) within 300 MB and a few seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.measure import ChildRun, run_measured

REPO = Path(__file__).resolve().parent.parent
USER = "bench"
MAX_MEMORY_MB, MAX_SECONDS = 300, 10.0
MIB = 1 << 20

# The plain standard-library read of each kind of file, the baseline in the same run.
BASELINES = {
    "lines": (
        "import sys\nn = sum(1 for _ in open(sys.argv[1], encoding='utf-8', errors='replace'))"
    ),
    "csv": (
        "import csv, sys\ncsv.field_size_limit(1 << 30)\n"
        "n = sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))"
    ),
    "zip": (
        "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n"
        "for info in z.infolist():\n"
        "    with z.open(info) as member:\n"
        "        try:\n"
        "            while member.read(1 << 20): pass\n"
        "        except zipfile.BadZipFile: pass\n"
    ),
}


@dataclass(frozen=True)
class Case:
    name: str
    source: str  # the importer, as `hedgerow import SOURCE`
    file: str
    write: Callable[[Path], None]
    baseline: str  # a key of BASELINES
    # CPU seconds allowed: a few for a file of a few MB; a calendar near its 64 MB cap is
    # ~100,000 meetings to expand and write, at well under a millisecond each.
    max_seconds: float = MAX_SECONDS


def vcard(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""])


def write_name(path: Path) -> None:
    path.write_text(vcard("FN:" + "A" * (16 * MIB), "EMAIL:ana@example.org"))


def write_photo(path: Path) -> None:
    with path.open("w", newline="") as out:
        out.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nPHOTO;ENCODING=b;TYPE=JPEG:")
        line = "\r\n " + "QUJD" * 18
        out.write(line * ((32 * MIB) // 72))
        out.write("\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n")


def write_emails(path: Path) -> None:
    emails = [f"EMAIL;TYPE=INTERNET:p{n:06}@example.org" for n in range(100_000)]
    path.write_text(vcard("FN:Many Addresses", *emails))


def write_columns(path: Path) -> None:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    with path.open("w", newline="") as out:
        out.write(header + "".join(f",Extra {n}" for n in range(200_000)) + "\r\n")
        out.write("Ana,Ruiz,,,,,15 Jan 2024" + ",x" * 200_000 + "\r\n")


def write_google_columns(path: Path) -> None:
    with path.open("w", newline="") as out:
        out.write("First Name,E-mail 1 - Value" + ",c" * 200_000 + "\n")
        out.write("Ana,ana@example.org" + ",x" * 200_000 + "\n")


def write_bomb(path: Path) -> None:
    block = b"\0" * MIB
    name = "Basic_LinkedInDataExport/Connections.csv"
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open(name, "w", force_zip64=True) as member,
    ):
        member.write(b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
        for _ in range(1024):
            member.write(block)


def write_lying_bomb(path: Path) -> None:
    """The same 1 GiB, whose headers claim 1 KB: only reading can find it out."""
    write_bomb(path)
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 1000)  # the directory's uncompressed size
    path.write_bytes(bytes(data))


def write_seconds(path: Path) -> None:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}\r\nDTSTART:2000010{1 + n % 9}T100000Z\r\n"
        f"ATTENDEE:mailto:me@example.org\r\nATTENDEE:mailto:p{n % 50}@example.org\r\n"
        f"{'RRULE:FREQ=SECONDLY' + chr(13) + chr(10) if n == 0 else ''}END:VEVENT\r\n"
        for n in range(1_000)
    )
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + events + "END:VCALENDAR\r\n")


GOOGLE_HEAD = (
    "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:me@example.org\r\n"
    "X-WR-TIMEZONE:Europe/Lisbon\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Lisbon\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:WET\r\n"
    "DTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def google_event(n: int, description: int, extra: str = "") -> str:
    """One meeting as Google writes it: an organizer, the owner and one other guest."""
    day = 20150101 + (n % 28) + 100 * (n // 28 % 12) + 10000 * (n // 336 % 10)
    people = "".join(
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={cn};"
        f"X-NUM-GUESTS=0:mailto:{address}\r\n"
        for cn, address in ((f"Person {n % 5000}", f"p{n % 5000}@example.org"),
                            ("Me", "me@example.org"))
    )  # fmt: skip
    about = ("Join with Google Meet: https://meet.google.com/abc-defg-hij " * 9)[:description]
    return (
        f"BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Lisbon:{day}T{9 + n % 8:02}0000\r\n"
        f"DTEND;TZID=Europe/Lisbon:{day}T{9 + n % 8:02}3000\r\nDTSTAMP:20250101T000000Z\r\n"
        f"ORGANIZER;CN=Person {n % 5000}:mailto:p{n % 5000}@example.org\r\n"
        f"UID:{n:08x}deadbeef@google.com\r\n{extra}{people}DESCRIPTION:{about}\r\n"
        f"SEQUENCE:0\r\nSTATUS:CONFIRMED\r\nSUMMARY:Meeting {n}\r\nTRANSP:OPAQUE\r\n"
        "END:VEVENT\r\n"
    )


def write_google_calendar(path: Path, events: int = 88_000, description: int = 210) -> None:
    """A Google Calendar export near the size cap: `events` meetings (one in a hundred a weekly
    series of ten, its third occurrence moved, the move written at the far end of the file), in
    the scattered order exports have."""
    with path.open("w", newline="") as out:
        out.write(GOOGLE_HEAD)
        for n in range(events):
            series = n % 100 == 0
            out.write(google_event(n, description, "RRULE:FREQ=WEEKLY;COUNT=10\r\n" * series))
        for n in range(0, events, 100):
            day = 20150101 + (n % 28) + 100 * (n // 28 % 12) + 10000 * (n // 336 % 10)
            moved = f"RECURRENCE-ID;TZID=Europe/Lisbon:{day}T{9 + n % 8:02}0000\r\n"
            out.write(google_event(n, description, moved).replace("SUMMARY:", "SUMMARY:Moved "))
        out.write("END:VCALENDAR\r\n")


def write_mbox_header(path: Path) -> None:
    with path.open("wb") as out:
        out.write(b"From me@example.org Mon Jan 01 10:00:00 2024\nFrom: me@example.org\n")
        out.write(b"X-Long: " + b"y" * (64 * MIB) + b"\n\nbody\n")
        out.write(b"From ana@example.org Mon Jan 01 11:00:00 2024\nFrom: ana@example.org\n")
        out.write(b"To: me@example.org\nDate: Mon, 01 Jan 2024 11:00:00 +0000\n\nhi\n")


CASES = [
    Case("vCard, 16 MiB name", "vcard", "name.vcf", write_name, "lines"),
    Case("vCard, 32 MiB photo", "vcard", "photo.vcf", write_photo, "lines"),
    Case("vCard, 100k EMAIL lines", "vcard", "emails.vcf", write_emails, "lines"),
    Case("LinkedIn CSV, 200k columns", "linkedin", "Connections.csv", write_columns, "csv"),
    Case("Google CSV, 200k columns", "google-csv", "google.csv", write_google_columns, "csv"),
    Case("zip, 1 MB to 1 GiB", "linkedin", "bomb.zip", write_bomb, "zip"),
    Case("zip, header lies", "linkedin", "lying.zip", write_lying_bomb, "zip"),
    Case("ics, repeats each second", "ics", "seconds.ics", write_seconds, "lines"),
    Case("mbox, 64 MiB header", "mbox", "header.mbox", write_mbox_header, "lines"),
    Case("ics, Google export, 63 MB", "ics", "google.ics", write_google_calendar, "lines", 100.0),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__)
    parser.add_argument("--dir", type=Path, default=REPO / ".bench" / "hostile")
    args = parser.parse_args(argv)
    work: Path = args.dir
    shutil.rmtree(work, ignore_errors=True)
    files, logs, home = work / "files", work / "logs", work / "home"
    for folder in (files, logs, home):
        folder.mkdir(parents=True)
    env = {**os.environ, "HEDGEROW_HOME": str(home), "DJANGO_SETTINGS_MODULE": "hedgerow.settings"}
    hedgerow = shutil.which("hedgerow", path=str(Path(sys.executable).parent)) or "hedgerow"
    for step, command in (("migrate", ["manage", "migrate", "--verbosity", "0"]),
                          ("user-add", ["user", "add", USER])):  # fmt: skip
        run_measured([hedgerow, *command], log=logs / f"{step}.log", env=env).check(step)

    print("Hostile input: each imported by `hedgerow import`, and read the plain stdlib way")
    print(
        f"{'input':<28}{'size':>9}{'exit':>6}{'wall':>9}{'cpu':>8}{'peak':>8}{'vs stdlib':>18}"
        "  verdict"
    )
    failures = []
    for case in CASES:
        path = files / case.file
        case.write(path)
        size = path.stat().st_size
        ours = run_measured(
            [hedgerow, "import", case.source, str(path), "--user", USER, "--json",
             *(["--me", "me@example.org"] if case.source == "mbox" else [])],
            log=logs / f"{path.stem}.log", env=env,
        )  # fmt: skip
        base = run_measured(
            [sys.executable, "-c", BASELINES[case.baseline], str(path)],
            log=logs / f"{path.stem}-baseline.log",
        )
        said = ours.log.read_text(errors="replace")
        problems = []
        if ours.returncode not in (0, 2) or "Traceback" in said:
            problems.append(f"exit {ours.returncode}")
        if ours.peak_mb >= MAX_MEMORY_MB:
            problems.append(f"peak {ours.peak_mb:.0f} MB")
        if ours.cpu_seconds > case.max_seconds:  # CPU time: what a busy machine blurs least
            problems.append(f"{ours.cpu_seconds:.1f} s of CPU")
        verdict = "ok" if not problems else "FAIL: " + ", ".join(problems)
        failures += [f"{case.name}: {p}" for p in problems]
        print(
            f"{case.name:<28}{size / MIB:>7.1f}MB{ours.returncode:>6}{ours.seconds:>8.2f}s"
            f"{ours.cpu_seconds:>7.2f}s{ours.peak_mb:>6.0f}MB{ratios(ours, base):>18}  {verdict}"
        )
        print(f"{'':<28}{'':>9}{'':>6}  said: {first_sentence(said)}")
        path.unlink()
    print(f"\nTargets: exit 0 or 2 with one sentence, peak < {MAX_MEMORY_MB} MB, "
          f"< {MAX_SECONDS:.0f} s of CPU each (start-up included; the calendar near its cap "
          f"{CASES[-1].max_seconds:.0f} s).")  # fmt: skip
    if failures:
        print("bench.hostile: " + "; ".join(failures))
        return 1
    return 0


def ratios(ours: ChildRun, base: ChildRun) -> str:
    """CPU time and peak memory as multiples of the plain read's, measured in the same run."""
    cpu = ours.cpu_seconds / max(base.cpu_seconds, 0.01)
    return f"{cpu:.1f}x t, {ours.peak_mb / base.peak_mb:.1f}x m"


def first_sentence(log: str) -> str:
    import json

    try:
        data = json.loads(log[log.index("{") :])
    except ValueError:
        return log.strip().splitlines()[-1][:110] if log.strip() else ""
    problems = data.get("problems") or []
    counts = {k: v for k, v in data.get("counts", {}).items() if v}
    shown = problems[0]["message"] if problems else f"imported: {counts}"
    return shown[:110]


if __name__ == "__main__":
    raise SystemExit(main())
