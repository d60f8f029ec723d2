"""`hedgerow goal check` and `hedgerow goal blocker`: the JSON shapes and exit statuses."""

from __future__ import annotations

import json

import pytest

from hedgerow.cli import main

pytestmark = pytest.mark.django_db


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_prints_a_goal_report_as_json(capsys):
    status, out, _ = run(
        capsys, "goal", "check", "I want to learn Python by taking an evening course.", "--json"
    )

    assert status == 0
    report = json.loads(out)
    assert list(report) == ["clear", "checks", "how", "what"]
    assert report["clear"] is False
    assert [check["id"] for check in report["checks"]] == [
        "one-sentence",
        "declarative",
        "observable",
        "single-goal",
        "what-not-how",
    ]
    assert all(list(check) == ["id", "ok", "message"] for check in report["checks"])
    assert [c["id"] for c in report["checks"] if not c["ok"]] == ["observable", "what-not-how"]
    assert report["how"] == "taking an evening course"
    assert report["what"] == "I want to learn Python."


def test_it_says_clear_for_a_clear_goal(capsys):
    status, out, _ = run(capsys, "goal", "check", "I will run the Berlin marathon in October.")

    assert status == 0
    assert out.splitlines()[0] == "CLEAR"
    assert "NOT" not in out


def test_it_lists_each_check_and_the_lifted_how_for_people(capsys):
    status, out, _ = run(capsys, "goal", "check", "Get better at Spanish using Duolingo")

    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "NOT CLEAR YET"
    assert any(line.startswith("  fix  observable: ") for line in lines)
    assert any(line.startswith("  ok   one-sentence: ") for line in lines)
    assert lines[-2] == "Without the how: Get better at Spanish"
    assert lines[-1] == "How, for your Strategy step once you take that sentence: using Duolingo"


def test_it_reads_a_blocker_as_json(capsys):
    status, out, _ = run(capsys, "goal", "blocker", "But I'd have to go back to school.", "--json")

    assert status == 0
    reading = json.loads(out)
    assert list(reading) == ["kind", "cue", "response"]
    assert reading["kind"] == "confidence"
    assert reading["cue"] == "go back to school"
    assert reading["response"]


def test_it_names_the_kind_and_the_cue_for_people(capsys):
    status, out, _ = run(capsys, "goal", "blocker", "but I don't have time")

    assert status == 0
    assert out.splitlines()[0] == 'Commitment blocker, from: "don\'t have time"'
    assert "week" in out.splitlines()[1]


def test_it_says_plainly_when_nothing_blocks(capsys):
    status, out, _ = run(capsys, "goal", "blocker", "My sister is cheering me on.")

    assert status == 0
    assert out.splitlines()[0] == "No blocker here"


@pytest.mark.parametrize("command", ["check", "blocker"])
@pytest.mark.parametrize("text", ["", "   ", "?!", "42"])
def test_it_stops_with_status_2_on_text_without_words(capsys, command, text):
    status, out, err = run(capsys, "goal", command, text, "--json")

    assert status == 2
    assert out == ""
    assert "write a few words" in err
    assert err.startswith(f"hedgerow: {'goal' if command == 'check' else 'blocker'}: ")


def test_it_needs_no_one_set_up_yet(capsys):
    status, _, err = run(capsys, "goal", "check", "Open a bakery in Leeds by March 2028.")

    assert status == 0
    assert err == ""
