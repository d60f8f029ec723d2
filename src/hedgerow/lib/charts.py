"""Small line charts drawn on the server as inline SVG: no script, no CDN, readable without CSS.

Every chart comes with a table of the same numbers for screen readers (and for anyone who prefers
numbers), so the picture itself can stay decorative.

The chart stretches to the width it is given, from a phone to a desktop, and its labels never
shrink with it: lines are drawn in a stretched inner drawing (with strokes that keep their width),
while labels and dots sit in the outer one, placed in percent across and pixels down, so they stay
12 px wherever the chart is. Labels that only fit on a wide chart carry `wide-only`, which the
stylesheet hides when the chart is narrow (a container query).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from math import ceil

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

HEIGHT = 220  # px
TOP, PLOT_HEIGHT = 18, 170  # px: the plot's band; x labels sit under it
LABEL_Y = HEIGHT - 10
EDGE = 3.0  # percent of the width kept free left and right, so edge dots are whole
LABEL_PX, LABEL_CHAR_PX, LABEL_GAP_PX = 12, 7.2, 14
NARROW_PX, WIDE_PX = 300, 600  # the widths labels are thinned for (see .wide-only)
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
    points = len(labels)
    lines = "".join(_polyline(s, points, y_max) for s in series)
    dots = "".join(_dots(s, points, y_max) for s in series if not s.dashed)
    svg = (
        f'<svg class="line-chart" width="100%" height="{HEIGHT}" aria-hidden="true" '
        f'focusable="false">{_grid(y_max)}'
        f'<svg x="{EDGE}%" y="{TOP}" width="{100 - 2 * EDGE}%" height="{PLOT_HEIGHT}" '
        f'viewBox="0 0 1000 {PLOT_HEIGHT}" preserveAspectRatio="none" overflow="visible">'
        f"{lines}</svg>{dots}{_x_labels(labels)}</svg>"
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


def bar_chart(
    *, caption: str, labels: list[str], values: list[int], name: str, y_label: str = ""
) -> SafeString:
    """A figure with an SVG bar chart (one bar per label) and a table of the same numbers."""
    chart_id = f"chart-{next(_ids)}"
    bars = len(values)
    peak = max(2, ceil(max(values, default=0) / 2) * 2)  # even, so the middle rule is whole
    width = 1000 / max(bars, 1)
    rects = "".join(
        f'<rect x="{i * width + width * 0.12:.1f}" y="{PLOT_HEIGHT * (1 - v / peak):.1f}" '
        f'width="{width * 0.76:.1f}" height="{PLOT_HEIGHT * v / peak:.1f}" rx="2"/>'
        for i, v in enumerate(values)
        if v
    )
    svg = (
        f'<svg class="line-chart bar-chart" width="100%" height="{HEIGHT}" aria-hidden="true" '
        f'focusable="false">{_grid(peak)}'
        f'<svg x="{EDGE}%" y="{TOP}" width="{100 - 2 * EDGE}%" height="{PLOT_HEIGHT}" '
        f'viewBox="0 0 1000 {PLOT_HEIGHT}" preserveAspectRatio="none">{rects}</svg>'
        f"{_x_labels(labels, centred=True)}</svg>"
    )
    return format_html(
        '<figure class="chart line" aria-labelledby="{}">{}<figcaption id="{}">{}</figcaption>'
        "{}</figure>",
        chart_id,
        mark_safe(svg),  # built above from numbers and escaped labels only
        chart_id,
        caption,
        _table(labels, [Series(name, [float(v) for v in values])], y_label),
    )


def _fraction(index: int, points: int) -> float:
    return index / (points - 1) if points > 1 else 0.5


def _percent(index: int, points: int, centred: bool = False) -> float:
    """Where a point (or, `centred`, the middle of a bar) sits across the whole chart, in %."""
    fraction = (index + 0.5) / points if centred else _fraction(index, points)
    return EDGE + (100 - 2 * EDGE) * fraction


def _y(value: float, y_max: float) -> float:
    """Pixels down from the top of the plot band."""
    return PLOT_HEIGHT * (1 - min(max(value, 0), y_max) / (y_max or 1))


def _polyline(series: Series, points: int, y_max: float) -> str:
    """One polyline per unbroken run of values, in the stretched inner drawing."""
    runs: list[list[str]] = [[]]
    for index, value in enumerate(series.values):
        if value is None:
            runs.append([])
            continue
        x = 1000 * _fraction(index, points)
        runs[-1].append(f"{x:.1f},{_y(value, y_max):.1f}")
    dash = " dashed" if series.dashed else ""
    return "".join(
        f'<polyline class="{series.css_class}{dash}" points="{" ".join(run)}"/>'
        for run in runs
        if len(run) > 1
    )


def _dots(series: Series, points: int, y_max: float) -> str:
    """A round dot on each point, in the outer drawing so it stays round."""
    return "".join(
        f'<circle class="{series.css_class}" cx="{_percent(index, points):.2f}%" '
        f'cy="{TOP + _y(value, y_max):.1f}" r="3.5"/>'
        for index, value in enumerate(series.values)
        if value is not None
    )


def _grid(y_max: float) -> str:
    """Three rules across, each with its value just above it at the left."""
    marks = []
    for fraction in (0, 0.5, 1):
        value = y_max * fraction
        y = TOP + _y(value, y_max)
        marks.append(
            f'<line class="grid" x1="0" x2="100%" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="0" y="{y - 4:.1f}">{value:g}</text>'
        )
    return "".join(marks)


def _x_labels(labels: list[str], centred: bool = False) -> str:
    if not labels:
        return ""
    points = len(labels)
    narrow = set(_labels_that_fit(labels, NARROW_PX))
    return "".join(
        f'<text class="tick{"" if i in narrow else " wide-only"}" '
        f'x="{_percent(i, points, centred):.2f}%" y="{LABEL_Y}" '
        f'text-anchor="{_anchor(i, points)}">{escape(labels[i])}</text>'
        for i in _labels_that_fit(labels, WIDE_PX)
    )


def _labels_that_fit(labels: list[str], width_px: float) -> list[int]:
    """Every n-th label, so none overlap at this width; the last is always labelled."""
    last = len(labels) - 1
    if last == 0:
        return [0]
    spacing = width_px * (100 - 2 * EDGE) / 100 / last
    width = max(len(label) for label in labels) * LABEL_CHAR_PX + LABEL_GAP_PX
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
        # The wrapper clips: a table is never narrower than its cells, so hidden itself it
        # would still push a phone's page sideways.
        '<div class="visually-hidden"><table><thead><tr><th scope="col">{}</th>{}</tr></thead>'
        "<tbody>{}</tbody></table></div>",
        y_label,
        head,
        rows,
    )


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
