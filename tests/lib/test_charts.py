import re
from itertools import pairwise

from hedgerow.lib.charts import NARROW_PX, WIDE_PX, Series, line_chart


def test_it_draws_one_line_per_run_and_a_table_of_the_same_numbers():
    html = line_chart(
        caption="Progress per week",
        labels=["W1", "W2", "W3", "W4"],
        series=[Series("Progress", [2, 3, None, 5]), Series("Expected", [1, 2, 3, 4], dashed=True)],
        y_max=10,
        y_label="Week",
    )
    assert html.count("<polyline") == 2  # W1-W2 for progress (W4 stands alone), and expected
    assert html.count("<circle") == 3
    assert "<td>5</td>" in html and "<td></td>" in html
    assert 'aria-hidden="true"' in html and "Progress per week</figcaption>" in html


def test_it_escapes_labels_and_names():
    html = line_chart(caption="<b>x</b>", labels=["<i>"], series=[Series("<s>", [1])], y_max=1)
    assert "<i>" not in html and "<s>" not in html and "<b>" not in html


def test_it_always_labels_the_first_and_last_point_inside_the_chart():
    labels = [f"W{n}" for n in range(1, 51)]
    html = line_chart(caption="c", labels=labels, series=[Series("p", [1] * 50)], y_max=10)
    assert re.search(r'class="tick" x="[\d.]+%" y="\d+" text-anchor="start">W1<', html)
    assert re.search(r'class="tick" x="[\d.]+%" y="\d+" text-anchor="end">W50<', html)
    assert len(x_labels(html)) < 50


def x_labels(html: str, narrow: bool = False) -> list[float]:
    """The x positions (percent) of the labels under the chart, optionally only those shown
    on a narrow chart."""
    found = re.findall(r'class="tick( wide-only)?" x="([\d.]+)%" y="\d+" text-anchor', html)
    return [float(x) for wide, x in found if not (narrow and wide)]


def test_it_thins_long_labels_so_they_never_overlap_at_any_width():
    labels = [f"{day} Nov 2026" for day in range(1, 27)]
    html = line_chart(caption="c", labels=labels, series=[Series("p", [1] * 26)], y_max=10)
    label_px = len("10 Nov 2026") * 7  # a 12 px font
    for width, narrow in ((WIDE_PX, False), (NARROW_PX, True)):
        xs = x_labels(html, narrow)
        assert all((b - a) / 100 * width >= label_px for a, b in pairwise(xs)), (width, xs)
    assert len(x_labels(html, narrow=True)) < len(x_labels(html)) < 26
    assert 'text-anchor="end">26 Nov 2026<' in html


def test_it_keeps_its_labels_out_of_the_stretched_drawing():
    html = line_chart(caption="c", labels=["a", "b"], series=[Series("p", [1, 2])], y_max=2)
    inner = html.split('preserveAspectRatio="none"')[1].split("</svg>")[0]
    assert "<text" not in inner and "<circle" not in inner
