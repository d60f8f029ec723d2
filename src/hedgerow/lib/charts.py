"""Small line charts drawn on the server as inline SVG: no script, no CDN, readable without CSS.

Every chart comes with a table of the same numbers for screen readers (and for anyone who prefers
numbers), so the picture itself can stay decorative.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from math import ceil

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28
LABEL_CHAR_WIDTH, LABEL_GAP = 6.5, 10  # px at the 11px tick font
_ids = count(1)


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per label; None leaves a gap
    css_class: str = "series-1"
    dashed: bool = False


def line_chart(
    *, caption: str, labels: list[str], series: list[Series], y_max: float, y_label: str = ""
) -> SafeString:
    """A figure with an SVG line chart and a table of the same numbers."""
    chart_id = f"chart-{next(_ids)}"
    lines = "".join(_polyline(s, len(labels), y_max) for s in series)
    svg = (
        f'<svg class="line-chart" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" '
        f'focusable="false">'
        f"{_grid(y_max)}{_x_labels(labels)}{lines}</svg>"
    )
    legend = format_html_join(
        "",
        '<li><span class="swatch {}{}"></span>{}</li>',
        ((s.css_class, " dashed" if s.dashed else "", s.name) for s in series),
    )
    return format_html(
        '<figure class="chart line" aria-labelledby="{}">{}<ul class="legend">{}</ul>'
        '<figcaption id="{}">{}</figcaption>{}</figure>',
        chart_id,
        mark_safe(svg),  # built above from numbers and escaped labels only
        legend,
        chart_id,
        caption,
        _table(labels, series, y_label),
    )


def _x(index: int, points: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (points - 1) if points > 1 else span / 2)


def _y(value: float, y_max: float) -> float:
    span = HEIGHT - TOP - BOTTOM
    return TOP + span * (1 - min(max(value, 0), y_max) / (y_max or 1))


def _polyline(series: Series, points: int, y_max: float) -> str:
    """One polyline per unbroken run of values, and a dot on each point."""
    runs: list[list[str]] = [[]]
    dots = []
    for index, value in enumerate(series.values):
        if value is None:
            runs.append([])
            continue
        x, y = _x(index, points), _y(value, y_max)
        runs[-1].append(f"{x:.1f},{y:.1f}")
        if not series.dashed:
            dots.append(f'<circle class="{series.css_class}" cx="{x:.1f}" cy="{y:.1f}" r="3"/>')
    dash = " dashed" if series.dashed else ""
    shapes = [
        f'<polyline class="{series.css_class}{dash}" points="{" ".join(run)}"/>'
        for run in runs
        if len(run) > 1
    ]
    return "".join(shapes + dots)


def _grid(y_max: float) -> str:
    marks = []
    for fraction in (0, 0.5, 1):
        value = y_max * fraction
        y = _y(value, y_max)
        marks.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    return "".join(marks)


def _x_labels(labels: list[str]) -> str:
    if not labels:
        return ""
    shown = _labels_that_fit(labels)
    return "".join(
        f'<text class="tick" x="{_x(i, len(labels)):.1f}" y="{HEIGHT - 8}" '
        f'text-anchor="{_anchor(i, len(labels))}">{escape(labels[i])}</text>'
        for i in shown
    )


def _labels_that_fit(labels: list[str]) -> list[int]:
    """Every n-th label, so none overlap; the newest is always labelled, hanging left."""
    last = len(labels) - 1
    if last == 0:
        return [0]
    spacing = (WIDTH - LEFT - RIGHT) / last
    width = max(len(label) for label in labels) * LABEL_CHAR_WIDTH + LABEL_GAP
    step = max(1, ceil(width / spacing))
    shown = list(range(0, last + 1, step))
    if shown[-1] != last:
        shown.append(last)
    # The edge labels hang inwards, so their neighbours need one and a half widths of room.
    while len(shown) > 2 and (last - shown[-2]) * spacing < 1.5 * width:
        del shown[-2]
    while len(shown) > 2 and shown[1] * spacing < 1.5 * width:
        del shown[1]
    return shown


def _anchor(index: int, points: int) -> str:
    """Labels at the edges hang inwards, so the first and last are never clipped."""
    if points > 1 and index == 0:
        return "start"
    if points > 1 and index == points - 1:
        return "end"
    return "middle"


def _table(labels: list[str], series: list[Series], y_label: str) -> SafeString:
    head = format_html_join("", '<th scope="col">{}</th>', ((s.name,) for s in series))
    rows = format_html_join(
        "",
        '<tr><th scope="row">{}</th>{}</tr>',
        (
            (
                label,
                format_html_join("", "<td>{}</td>", ((_cell(s.values[i]),) for s in series)),
            )
            for i, label in enumerate(labels)
        ),
    )
    return format_html(
        '<table class="visually-hidden"><thead><tr><th scope="col">{}</th>{}</tr></thead>'
        "<tbody>{}</tbody></table>",
        y_label,
        head,
        rows,
    )


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
