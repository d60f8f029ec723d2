"""The demo's practice: spread over weeks, through the real services."""

from __future__ import annotations

from datetime import date

from hedgerow.practice.demo import load_practice_demo
from hedgerow.practice.models import Impulse
from hedgerow.practice.services import weekly_ratios

TODAY = date(2026, 11, 25)


def test_it_spreads_impulses_over_weeks_so_the_ratio_has_a_trend(owner):
    load_practice_demo(owner, today=TODAY)

    weeks = [w for w in weekly_ratios(owner=owner, today=TODAY) if w.ratio is not None]
    assert len(weeks) >= 5
    assert Impulse.objects.filter(owner=owner, outcome=Impulse.Outcome.OPEN).count() == 1


def test_it_changes_nothing_the_second_time(owner):
    load_practice_demo(owner, today=TODAY)
    load_practice_demo(owner, today=TODAY)

    assert Impulse.objects.filter(owner=owner).count() == 12
