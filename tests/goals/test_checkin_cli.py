"""`hedgerow checkin`: the weekly check-in from a terminal (rule G6), and --show."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hedgerow.cli import main
from hedgerow.goals import services
from hedgerow.goals.models import CheckIn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
START = date(2026, 11, 9)  # NOW is in week 3


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def goal(owner):
    return services.start_goal(owner=owner, sentence="Publish my first novel.", start_date=START)


def test_it_records_this_weeks_checkin(capsys, goal):
    status, out, _ = run(
        capsys,
        "checkin",
        "--did",
        "Wrote 3 pages",
        "--learned",
        "Mornings work",
        "--next",
        "Chapter two",
        "--progress",
        "1",
        "--confidence",
        "6",
    )

    assert status == 0
    assert out == "Recorded your check-in for week 3.\n"
    checkin = CheckIn.objects.get(goal=goal)
    assert (checkin.week, checkin.did, checkin.learned) == (3, "Wrote 3 pages", "Mornings work")
    assert (checkin.next_actions, checkin.progress, checkin.confidence) == ("Chapter two", 1, 6)


def test_it_revises_an_earlier_week_and_prints_json(capsys, goal):
    run(
        capsys, "checkin", "--week", "2", "--did", "Plotted", "--progress", "0", "--confidence", "5"
    )

    status, out, _ = run(
        capsys,
        "checkin",
        "--week",
        "2",
        "--did",
        "Plotted it all",
        "--progress",
        "1",
        "--confidence",
        "5",
        "--json",
    )

    assert status == 0
    summary = json.loads(out)
    assert summary["week"] == 3
    assert summary["weeks_to_go"] == 48
    assert summary["streak"] == 1
    assert summary["checkins"] == [
        {
            "week": 2,
            "recorded_on": "2026-11-25",
            "did": "Plotted it all",
            "progress": 1,
            "confidence": 5,
        }
    ]


def test_it_shows_where_the_weeks_stand(capsys, goal):
    run(capsys, "checkin", "--did", "Wrote", "--progress", "1", "--confidence", "6")

    status, out, _ = run(capsys, "checkin", "--show")

    assert status == 0
    assert "Publish my first novel." in out
    assert "Week 3 of 50 · 48 to go · streak 1 · on track" in out
    assert "week 3: progress 1, confidence 6 · Wrote" in out


def test_it_shows_the_status_as_json(capsys, goal):
    status, out, _ = run(capsys, "checkin", "--show", "--json")

    assert status == 0
    summary = json.loads(out)
    assert list(summary) == [
        "goal_id",
        "sentence",
        "start_date",
        "end_date",
        "week",
        "weeks_to_go",
        "streak",
        "status",
        "expected_progress",
        "progress",
        "confidence",
        "checkin_due",
        "next_checkin_on",
        "checkins",
    ]
    assert summary["checkin_due"] is None  # day 3 of week 3: not asked for yet


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--progress", "11", "--confidence", "5", "--did", "x"],
            "Progress must be between 0 and 10",
        ),
        (["--progress", "1", "--confidence", "-1", "--did", "x"], "Confidence must be between 0"),
        (["--week", "9", "--progress", "1", "--confidence", "5", "--did", "x"], "hasn't started"),
        (
            ["--week", "51", "--progress", "1", "--confidence", "5", "--did", "x"],
            "between 1 and 50",
        ),
        (["--progress", "1", "--confidence", "5"], "needs --did"),
        (["--did", "x"], "needs --progress, --confidence"),
    ],
)
def test_it_refuses_what_it_cannot_use(capsys, goal, argv, message):
    status, _, err = run(capsys, "checkin", *argv)

    assert status == 2
    assert message in err
    assert not CheckIn.objects.exists()


def test_it_says_when_there_is_no_goal(capsys, owner):
    status, _, err = run(capsys, "checkin", "--did", "x", "--progress", "1", "--confidence", "1")

    assert status == 2
    assert "You have no goal yet" in err


def test_it_says_when_there_is_no_start_date(capsys, owner):
    services.start_goal(owner=owner, sentence="Publish my first novel.")

    status, _, err = run(capsys, "checkin", "--did", "x", "--progress", "1", "--confidence", "1")

    assert status == 2
    assert "no start date yet" in err
