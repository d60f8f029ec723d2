"""The floor: the same CSV files loaded by the sqlite3 command line's `.import`.

Nothing can import these files into SQLite much faster than SQLite's own loader, so the importer's
time is reported as a multiple of it.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from bench.measure import run_measured
from hedgerow.network.demo.archive import ARCHIVE_FILES, CONNECTIONS_PREAMBLE


@dataclass(frozen=True)
class Floor:
    seconds: float
    peak_mb: float
    rows: dict[str, int]
    cpu_seconds: float = 0.0


def table_name(file_name: str) -> str:
    return file_name.removesuffix(".csv").lower()


def unpack_for_sqlite(archive: Path, target: Path) -> Path:
    """The archive's CSV files side by side, Connections.csv without its preamble and BOM."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zf:
        for member in zf.namelist():
            name = member.rsplit("/", 1)[-1]
            if name not in ARCHIVE_FILES:
                continue
            with zf.open(member) as source, (target / name).open("wb") as out:
                if name == "Connections.csv":
                    # .import would read the "Notes:" text as the header; skip it, as importers do.
                    head = source.read(len(CONNECTIONS_PREAMBLE.encode()) + 3)
                    out.write(head.decode("utf-8-sig").removeprefix(CONNECTIONS_PREAMBLE).encode())
                shutil.copyfileobj(source, out, 1 << 20)
    return target


def measure_floor(csv_dir: Path, database: Path) -> Floor:
    """sqlite3 .import of the archive's CSV files that csv_dir holds (all five, or those a
    person picked)."""
    database.unlink(missing_ok=True)
    script = csv_dir / "import.sql"
    files = [name for name in ARCHIVE_FILES if (csv_dir / name).exists()]
    lines = [".mode csv"] + [f".import '{name}' {table_name(name)}" for name in files]
    script.write_text("\n".join(lines) + "\n")
    run = run_measured(
        ["sqlite3", str(database)], stdin=script, cwd=csv_dir, log=database.with_suffix(".log")
    ).check("sqlite3 .import")
    with sqlite3.connect(database) as db:
        rows = {
            table_name(name): db.execute(f'SELECT count(*) FROM "{table_name(name)}"').fetchone()[0]  # noqa: S608 - our own table names
            for name in files
        }
    return Floor(seconds=run.seconds, peak_mb=run.peak_mb, rows=rows, cpu_seconds=run.cpu_seconds)
