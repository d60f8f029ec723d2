"""The practice commands: flags, JSON keys and exit statuses (A2, V1, C1)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from hedgerow.cli import main
from hedgerow.practice import services as practice
from hedgerow.practice.models import Accomplishment, ActionTarget, Impulse, Pitch, PracticeSession

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- impulses (A2) --------------------------------------------------------------------------------


def test_it_captures_an_impulse(capsys, owner):
    status, out, _ = run(capsys, "impulse", "Ask Sam about the workshop")

    impulse = Impulse.objects.get(owner=owner)
    assert status == 0
    assert impulse.text == "Ask Sam about the workshop"
    assert f"Caught #{impulse.pk}." in out


def test_it_captures_an_impulse_as_json(capsys, owner):
    status, out, _ = run(capsys, "impulse", "Offer to run the demo", "--json")

    data = json.loads(out)
    assert status == 0
    assert list(data) == ["id", "text", "captured_at", "outcome", "substitute", "was_right", "note"]
    assert (data["text"], data["outcome"], data["captured_at"]) == (
        "Offer to run the demo",
        "open",
        "2026-11-25T09:00:00+00:00",
    )


def test_it_asks_for_the_impulse_text(capsys, owner):
    status, _, err = run(capsys, "impulse", "  ")

    assert status == 2
    assert "Say what the impulse is" in err
    assert not Impulse.objects.exists()


def test_it_lists_open_impulses_with_their_ids(capsys, owner, outsider):
    waiting = practice.capture_impulse(owner=owner, text="Write to Ana")
    decided = practice.capture_impulse(owner=owner, text="Tidy the desk")
    practice.settle_impulse(impulse=decided, outcome="acted")
    practice.capture_impulse(owner=outsider, text="Mallory's")

    status, out, _ = run(capsys, "impulse", "--list", "--user", "alice", "--json")

    assert status == 0
    assert [(row["id"], row["text"]) for row in json.loads(out)] == [(waiting.pk, "Write to Ana")]
    _, text, _ = run(capsys, "impulse", "--list", "--user", "alice")
    assert f"#{waiting.pk}  2026-11-25  Write to Ana" in text


def test_it_settles_an_impulse_with_a_look_back(capsys, owner):
    impulse = practice.capture_impulse(owner=owner, text="Call the hiring manager")

    status, out, _ = run(
        capsys,
        "impulse",
        "--settle",
        str(impulse.pk),
        "substituted",
        "--substitute",
        "Sorted my inbox",
        "--right",
        "no",
        "--note",
        "Next time, call first.",
        "--json",
    )

    impulse.refresh_from_db()
    assert status == 0
    assert (impulse.outcome, impulse.substitute, impulse.was_right, impulse.note) == (
        "substituted",
        "Sorted my inbox",
        False,
        "Next time, call first.",
    )
    assert json.loads(out)["outcome"] == "substituted"


def test_it_says_when_there_is_no_such_impulse(capsys, owner, outsider):
    theirs = practice.capture_impulse(owner=outsider, text="Mallory's")

    status, _, err = run(capsys, "impulse", "--user", "alice", "--settle", str(theirs.pk), "acted")

    assert status == 1
    assert f"You have no impulse #{theirs.pk}." in err
    theirs.refresh_from_db()
    assert theirs.outcome == "open"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--settle", "abc", "acted"], "'abc' is not an impulse id"),
        (["--settle", "{id}", "maybe"], "Outcome must be one of acted, not-acted, substituted"),
        (["--settle", "{id}", "substituted"], "Say what you did instead: --substitute TEXT."),
        (["--settle", "{id}", "acted", "--right", "perhaps"], "--right takes yes or no"),
        (["--target", "120"], "Target must be between 0% and 100%."),
        (["--target", "lots"], "--target takes a whole percentage from 0 to 100"),
    ],
)
def test_it_explains_bad_impulse_input(capsys, owner, argv, message):
    impulse = practice.capture_impulse(owner=owner, text="Write to Ana")

    status, _, err = run(capsys, "impulse", *(a.format(id=impulse.pk) for a in argv))

    assert status == 2
    assert message in err
    impulse.refresh_from_db()
    assert impulse.outcome == "open"
    assert not ActionTarget.objects.exists()


def test_it_prints_weekly_ratios_and_the_target(capsys, owner):
    run(capsys, "impulse", "--target", "60%")
    acted = practice.capture_impulse(owner=owner, text="Offer help")
    practice.settle_impulse(impulse=acted, outcome="acted")
    practice.capture_impulse(owner=owner, text="Still thinking")

    status, out, _ = run(capsys, "impulse", "--ratio", "--json")

    data = json.loads(out)
    assert status == 0
    assert list(data) == ["target", "overall", "weeks"]
    assert (data["target"], data["overall"], len(data["weeks"])) == (0.6, 1.0, 12)
    assert data["weeks"][-1] == {
        "week_start": "2026-11-23",
        "acted": 1,
        "not_acted": 0,
        "substituted": 0,
        "open": 1,
        "ratio": 1.0,
    }
    assert data["weeks"][0]["ratio"] is None
    _, text, _ = run(capsys, "impulse", "--ratio")
    assert "Last 12 weeks: 100% acted on; your target is 60%." in text


# --- accomplishments (V1) -------------------------------------------------------------------------


def test_it_logs_an_accomplishment(capsys, owner):
    status, out, _ = run(
        capsys,
        "accomplishment",
        "add",
        "Shipped the onboarding guide",
        "--impact",
        "setup takes a day",
        "--benefited",
        "new starters",
        "--tell",
        "Dana",
        "--on",
        "2026-11-12",
        "--json",
    )

    done = Accomplishment.objects.get(owner=owner)
    assert status == 0
    assert (done.what, done.beneficiaries, done.who_should_know, done.happened_on) == (
        "Shipped the onboarding guide",
        "new starters",
        "Dana",
        date(2026, 11, 12),
    )
    assert list(json.loads(out)) == ["id", "what", "impact", "benefited", "tell", "on"]


def test_it_refuses_an_accomplishment_in_the_future(capsys, owner):
    status, _, err = run(capsys, "accomplishment", "add", "Launch", "--on", "2026-12-01")

    assert status == 2
    assert "The date is in the future" in err
    assert not Accomplishment.objects.exists()


def test_it_refuses_a_date_it_cannot_read(owner):
    with pytest.raises(SystemExit) as stopped:
        main(["accomplishment", "add", "Launch", "--on", "12/11/2026"])

    assert stopped.value.code == 2


def test_it_writes_the_update_in_both_formats(capsys, owner):
    practice.log_accomplishment(owner=owner, what="Shipped the guide", on=date(2026, 11, 12))
    practice.log_accomplishment(owner=owner, what="Too early", on=date(2026, 10, 1))
    span = ["--from", "2026-11-01", "--to", "2026-11-30"]

    status, markdown, _ = run(capsys, "accomplishment", "update", *span)
    _, text, _ = run(capsys, "accomplishment", "update", *span, "--format", "text")
    _, as_json, _ = run(capsys, "accomplishment", "update", *span, "--json")

    assert status == 0
    assert markdown.startswith("## What I've been working on, 1 to 30 November 2026\n")
    assert "- **Shipped the guide** (12 Nov)." in markdown and "Too early" not in markdown
    assert text.startswith("What I've been working on") and "**" not in text
    data = json.loads(as_json)
    assert list(data) == ["from", "to", "count", "tell", "markdown", "text"]
    assert (data["count"], data["markdown"], data["text"]) == (1, markdown, text)


def test_it_says_when_nothing_was_logged_in_the_range(capsys, owner):
    status, _, err = run(
        capsys, "accomplishment", "update", "--from", "2026-01-01", "--to", "2026-01-31"
    )

    assert status == 1
    assert "Nothing logged from 2026-01-01 to 2026-01-31" in err


def test_it_refuses_a_backwards_range(capsys, owner):
    status, _, err = run(
        capsys, "accomplishment", "update", "--from", "2026-11-30", "--to", "2026-11-01"
    )

    assert status == 2
    assert "start date is after the end date" in err


# --- practice sessions (C1) -----------------------------------------------------------------------


def test_it_logs_a_practice_session(capsys, owner):
    status, out, _ = run(
        capsys,
        "practice",
        "log",
        "--skill",
        "cold-call",
        "--situation",
        "Called a hiring manager",
        "--before",
        "3",
        "--after",
        "6",
        "--preparation",
        "Wrote three questions",
        "--on",
        "2026-11-24",
        "--json",
    )

    session = PracticeSession.objects.get(owner=owner)
    assert status == 0
    assert (session.skill, session.confidence_before, session.confidence_after) == (
        "cold_call",
        3,
        6,
    )
    assert json.loads(out) == {
        "id": session.pk,
        "skill": "cold-call",
        "on": "2026-11-24",
        "before": 3,
        "after": 6,
        "gain": 3,
    }


def test_it_explains_a_confidence_out_of_range(capsys, owner):
    status, _, err = run(
        capsys, "practice", "log", "--skill", "interview", "--situation", "Mock",
        "--before", "3", "--after", "eleven",
    )  # fmt: skip

    assert status == 2
    assert "--after takes a whole number from 0 to 10, not 'eleven'." in err
    assert not PracticeSession.objects.exists()


def test_it_summarises_practice_per_skill(capsys, owner):
    practice.log_practice(owner=owner, skill="interview", situation="Mock", before=4, after=7)

    status, out, _ = run(capsys, "practice", "summary", "--json")

    rows = json.loads(out)
    assert status == 0
    assert [row["skill"] for row in rows] == [
        "interview",
        "introduction",
        "cold_call",
        "difficult_conversation",
        "public_speaking",
    ]
    assert rows[0] == {
        "skill": "interview",
        "label": "Interviews",
        "sessions": 1,
        "average_gain": 3.0,
        "last_on": "2026-11-25",
    }


def test_it_refuses_text_together_with_an_option(capsys, owner):
    status, _, err = run(capsys, "impulse", "Write to Ana", "--list")

    assert status == 2
    assert "not both" in err
    assert not Impulse.objects.exists()


# --- "who I am and what I do" (C1) ----------------------------------------------------------------

PITCH_PARTS = [
    "--who", "a data engineer",
    "--what", "build pipelines",
    "--for-whom", "small charities",
    "--proof", "cut a monthly report from two days to an hour",
    "--ask", "how your team handles data",
]  # fmt: skip
PITCH_KEYS = [
    "id", "audience", "who", "what", "for_whom", "proof", "ask", "text", "spoken", "updated_at",
]  # fmt: skip
SPOKEN_KEYS = ["words", "seconds", "shortest", "longest", "label", "too_long"]


def test_it_puts_a_pitch_together_without_keeping_it(capsys, owner):
    status, out, _ = run(capsys, "practice", "pitch", *PITCH_PARTS)

    draft = practice.assemble_pitch(
        who_i_am="a data engineer",
        what_i_do="build pipelines",
        for_whom="small charities",
        proof="cut a monthly report from two days to an hour",
        ask="how your team handles data",
    )
    assert status == 0
    assert out.startswith(
        "I'm a data engineer. I build pipelines for small charities. One example: Cut a monthly"
    )
    assert out.startswith(draft + "\n\n")
    assert "Spoken, it takes about 15 seconds (32 words, 13-15 seconds at 130-150 words" in out
    assert "longer than the minute" not in out
    assert not Pitch.objects.exists()


def test_it_gives_the_draft_and_its_length_as_json(capsys, owner):
    status, out, _ = run(capsys, "practice", "pitch", "--who", "a nurse", "--json")

    assert status == 0
    assert json.loads(out) == {
        "text": "I'm a nurse.",
        "spoken": {
            "words": 3,
            "seconds": 0,
            "shortest": 1,
            "longest": 1,
            "label": "a few seconds",
            "too_long": False,
        },
    }


def test_it_advises_when_a_pitch_runs_over_a_minute(capsys, owner):
    status, out, _ = run(capsys, "practice", "pitch", "--text", "word " * 160)

    assert status == 0
    assert "Spoken, it takes about 1 minute 10 seconds (160 words, 64-74 seconds" in out
    assert "longer than the minute or so people listen to an introduction" in out


def test_it_asks_for_at_least_one_part(capsys, owner):
    status, _, err = run(capsys, "practice", "pitch", "--audience", "recruiters", "--save")

    assert status == 2
    assert "The pitch is empty" in err
    assert not Pitch.objects.exists()


def test_it_keeps_a_pitch_and_prints_its_id(capsys, owner):
    status, out, _ = run(
        capsys, "practice", "pitch", *PITCH_PARTS, "--audience", "meetups", "--save"
    )

    pitch = Pitch.objects.get(owner=owner)
    assert status == 0
    assert f"Saved pitch #{pitch.pk}." in out
    assert (pitch.audience, pitch.who_i_am, pitch.for_whom) == (
        "meetups",
        "a data engineer",
        "small charities",
    )
    assert pitch.text.startswith("I'm a data engineer. I build pipelines for small charities.")


def test_it_keeps_your_own_wording_as_json(capsys, owner):
    status, out, _ = run(
        capsys, "practice", "pitch", "--who", "a nurse", "--text", "I care for people.",
        "--save", "--json",
    )  # fmt: skip

    pitch = Pitch.objects.get(owner=owner)
    data = json.loads(out)
    assert status == 0
    assert list(data) == PITCH_KEYS
    assert (data["id"], data["who"], data["text"]) == (pitch.pk, "a nurse", "I care for people.")
    assert list(data["spoken"]) == SPOKEN_KEYS
    assert data["spoken"]["words"] == 4


def test_it_lists_only_your_pitches_with_their_length(capsys, owner, outsider):
    mine = practice.save_pitch(owner=owner, audience="recruiters", who_i_am="a nurse")
    practice.save_pitch(owner=outsider, who_i_am="a secret agent")

    status, out, _ = run(capsys, "practice", "pitches", "--user", "alice")
    _, as_json, _ = run(capsys, "practice", "pitches", "--json", "--user", "alice")

    assert status == 0
    assert f"#{mine.pk}  recruiters  (a few seconds)" in out
    assert "I'm a nurse." in out and "secret agent" not in out
    assert [row["id"] for row in json.loads(as_json)] == [mine.pk]
    assert json.loads(as_json)[0] == practice.pitch_json(mine)


def test_it_says_when_there_are_no_pitches(capsys, owner):
    status, out, _ = run(capsys, "practice", "pitches")

    assert status == 0
    assert out.startswith("No pitches yet.")


def test_it_times_a_file(capsys, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("word " * 70, encoding="utf-8")

    status, out, _ = run(capsys, "practice", "time", str(speech))
    _, as_json, _ = run(capsys, "practice", "time", str(speech), "--json")

    assert status == 0
    assert out == (
        "Spoken, it takes about 30 seconds (70 words, 28-32 seconds at 130-150 words a minute).\n"
    )
    assert json.loads(as_json) == {
        "words": 70,
        "seconds": 30,
        "shortest": 28,
        "longest": 32,
        "label": "about 30 seconds",
        "too_long": False,
    }


def test_it_times_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Hello, I'm Ana.\n"))

    status, out, _ = run(capsys, "practice", "time", "-")

    assert status == 0
    assert out == "Spoken, it takes a few seconds (3 words).\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file."),
        (b"  \n\t ", "has no words to time."),
        (b"caf\xe9", "is not UTF-8 text."),
    ],
)
def test_it_refuses_text_it_cannot_time(capsys, tmp_path, content, message):
    source = tmp_path / "pitch.txt"
    if content is not None:
        source.write_bytes(content)

    status, out, err = run(capsys, "practice", "time", str(source))

    assert status == 2
    assert out == ""
    assert err == f"hedgerow: {source}: {message}\n"
