"""Measurements next to their floors and targets: a table for people, JSON for tools."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Measurement:
    name: str
    value: float
    unit: str
    floor: float | None = None
    max_ratio: float | None = None  # the target, as a multiple of the floor
    aim_ratio: float | None = None
    limit: float | None = None  # the target, as an absolute value in `unit`
    floor_label: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            aim = f", aim {self.aim_ratio:g}x" if self.aim_ratio else ""
            parts.append(f"≤ {self.max_ratio:g}x floor{aim}")
        if self.limit is not None:
            parts.append(f"≤ {self.limit:g} {self.unit}")
        return "; ".join(parts) or "-"


def verdict(m: Measurement) -> str:
    """PASS when every target set for the measurement is met; "-" when it has none."""
    checks = []
    if m.max_ratio is not None and m.ratio is not None:
        checks.append(m.ratio <= m.max_ratio)
    if m.limit is not None:
        checks.append(m.value <= m.limit)
    if not checks:
        return "-"
    return "PASS" if all(checks) else "over"


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:.3g}" if value < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def table(measurements: list[Measurement]) -> str:
    header = ("measurement", "value", "floor", "ratio", "target", "")
    rows = [header] + [
        (
            m.name,
            _number(m.value, m.unit),
            _number(m.floor, m.unit) + (f" ({m.floor_label})" if m.floor_label else ""),
            f"{m.ratio:.2f}x" if m.ratio is not None else "-",
            m.target,
            verdict(m),
        )
        for m in measurements
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def write_json(path: Path, measurements: list[Measurement], context: dict[str, Any]) -> None:
    results = [
        {**asdict(m), "ratio": m.ratio, "target": m.target, "verdict": verdict(m)}
        for m in measurements
    ]
    path.write_text(json.dumps({**context, "measurements": results}, indent=2) + "\n")
