from itertools import pairwise

from hedgerow.lib.charts import Series, line_chart


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
    assert 'text-anchor="start">W1<' in html
    assert 'text-anchor="end">W50<' in html
    assert html.count('y="212" text-anchor') < 50  # x-axis labels sit on one baseline


def test_it_thins_long_labels_so_they_never_overlap():
    labels = [f"{day} Nov" for day in range(1, 13)]
    html = line_chart(caption="c", labels=labels, series=[Series("p", [1] * 12)], y_max=10)
    xs = [float(part.split('"')[0]) for part in html.split('class="tick" x="')[1:]]
    label_xs = xs[3:]  # after the three y-axis ticks
    assert len(label_xs) < 12
    assert all(b - a >= 50 for a, b in pairwise(label_xs))
    assert 'text-anchor="end">12 Nov<' in html
