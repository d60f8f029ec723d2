"""The date scan of the whole-product tour (tests/tour.py) catches every other style it names."""

from __future__ import annotations

import pytest

from tests.tour import other_date_styles


@pytest.mark.parametrize(
    "text",
    [
        "Imported on 2026-11-07.",
        "Replies in 2026-11",
        "Last seen Nov. 7, 2026",
        "Last seen November 7, 2026",
        "Due 07/11/2026",
        "since December 2025",
    ],
)
def test_it_finds_dates_written_another_way(db: None, text: str) -> None:
    assert other_date_styles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Last in touch 7 Nov 2026; every 90 days.",
        "Replies in Nov 2026",
        "linkedin-2026-11-07.zip was imported",
        "13 messages both ways 2024–2026",  # noqa: RUF001 - the interface writes ranges so
    ],
)
def test_it_leaves_our_own_style_and_file_names_alone(db: None, text: str) -> None:
    assert other_date_styles(text) == []
