"""The coach's CLI contract: `hedgerow draft` and `hedgerow coach check` keys and exit codes."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from hedgerow.cli import main
from hedgerow.network.models import Update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
READY_NOTE = (
    "Hi Ana, congratulations on your new role as Head of Design at Northwind! "
    "What drew you to it?\n"
)
FLAWED_NOTE = "I need a job. Can you refer me to your hiring manager [name]\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def ana(owner, make_contact):
    contact = make_contact(owner, "Ana Ruiz", company="Lumen")
    Update.objects.create(
        owner=owner,
        contact=contact,
        kind=Update.Kind.NEW_POSITION,
        summary="Now Head of Design at Northwind",
        detail={"new": {"company": "Northwind", "position": "Head of Design"}},
        detected_on=date(2026, 11, 20),
    )
    return contact


def test_it_prints_a_draft_as_json(capsys, ana):
    status, out, _ = run(capsys, "draft", "acknowledgement", "--contact", "Ana", "--json")

    assert status == 0
    draft = json.loads(out)
    assert list(draft) == ["occasion", "contact", "text", "placeholders", "check"]
    assert draft["occasion"] == "acknowledgement"
    assert draft["contact"] == {"id": ana.pk, "name": "Ana Ruiz"}
    assert "Head of Design at Northwind" in draft["text"]
    assert draft["placeholders"] == []
    assert list(draft["check"]) == ["ready", "checks", "chars", "words"]
    assert draft["check"]["ready"] is True
    assert draft["check"]["chars"] == len(draft["text"])


def test_it_lists_the_placeholders_a_draft_leaves(capsys, ana):
    status, out, _ = run(capsys, "draft", "invitation", "--contact", "Ana", "--json")

    draft = json.loads(out)
    assert status == 0
    assert draft["placeholders"] == ["[something we worked on or experienced together]"]
    assert draft["check"]["ready"] is False
    flagged = {c["id"] for c in draft["check"]["checks"] if not c["ok"]}
    assert "placeholders" in flagged


def test_it_prints_only_the_note_on_standard_output(capsys, ana):
    status, out, err = run(capsys, "draft", "invitation", "--contact", "ana ruiz")

    assert status == 0
    assert out.startswith(("Hi Ana", "Ana,", "Hello Ana"))
    assert out.count("\n") == 1
    assert "Fill in before sending: [something we worked on" in err


def test_it_gives_another_phrasing(capsys, ana):
    _, first, _ = run(capsys, "draft", "follow-up", "--contact", "Ana")
    _, second, _ = run(capsys, "draft", "follow-up", "--contact", "Ana", "--phrasing", "1")

    assert first != second


def test_it_says_when_no_contact_matches(capsys, ana):
    status, out, err = run(capsys, "draft", "follow-up", "--contact", "Zed")

    assert status == 1
    assert out == ""
    assert "No contact matches 'Zed'" in err


def test_it_asks_which_one_when_several_match(capsys, owner, make_contact, ana):
    make_contact(owner, "Ana Lopez")

    status, _, err = run(capsys, "draft", "keep-in-touch", "--contact", "Ana")

    assert status == 2
    assert "matches several people" in err


def test_it_refuses_an_unknown_occasion(capsys, ana):
    with pytest.raises(SystemExit) as stopped:
        main(["draft", "birthday", "--contact", "Ana"])
    assert stopped.value.code == 2


def test_it_checks_a_file_and_prints_the_report_verbatim(capsys, tmp_path: Path):
    note = tmp_path / "note.txt"
    note.write_text(READY_NOTE, encoding="utf-8")

    status, out, _ = run(
        capsys,
        "coach",
        "check",
        "--kind",
        "acknowledgement",
        "--to",
        "Ana Ruiz",
        "--about",
        "Head of Design at Northwind",
        "--json",
        str(note),
    )

    assert status == 0
    report = json.loads(out)
    assert list(report) == ["ready", "checks", "chars", "words"]
    assert report["ready"] is True
    assert report["chars"] == len(READY_NOTE.strip())
    for check in report["checks"]:
        assert list(check) == ["id", "ok", "required", "message"]


def test_it_exits_zero_for_a_note_that_is_not_ready(capsys, tmp_path: Path):
    note = tmp_path / "note.txt"
    note.write_text(FLAWED_NOTE, encoding="utf-8")

    status, out, _ = run(capsys, "coach", "check", "--kind", "keep-in-touch", str(note))

    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "NOT READY YET"
    assert any(line.startswith("  fix  placeholders (required): ") for line in lines)
    assert any(line.startswith("  fix  no-ask (required): ") for line in lines)
    assert lines[-1].endswith("words")


def test_it_reads_the_note_from_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(READY_NOTE))

    status, out, _ = run(capsys, "coach", "check", "--kind", "acknowledgement", "-")

    assert status == 0
    assert out.splitlines()[0] == "READY"
    assert any(line.startswith("  ok   closing-ask (required): ") for line in out.splitlines())


def test_it_needs_no_person_to_check_a_note(capsys, tmp_path: Path, owner, outsider):
    note = tmp_path / "note.txt"
    note.write_text(READY_NOTE, encoding="utf-8")

    status, _, err = run(capsys, "coach", "check", "--kind", "acknowledgement", str(note))

    assert status == 0
    assert "--user" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\xff\xfe not text", "is not UTF-8 text"),
        (b"  \n\n ", "is empty; there is no note to check"),
    ],
)
def test_it_stops_plainly_on_unusable_input(capsys, tmp_path: Path, content, message):
    note = tmp_path / "note.txt"
    if content is not None:
        note.write_bytes(content)

    status, out, err = run(capsys, "coach", "check", "--kind", "invitation", str(note))

    assert status == 2
    assert out == ""
    assert err == f"hedgerow: {note}: {message}.\n"


def test_it_stops_plainly_on_empty_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    status, _, err = run(capsys, "coach", "check", "--kind", "invitation", "-")

    assert status == 2
    assert "standard input: is empty" in err


VAGUE_NOTE = "Hi Ana, lovely to see your news! How are things with you?\n"


def specific_check(out: str) -> dict:
    return next(c for c in json.loads(out)["checks"] if c["id"] == "specific")


def test_it_reads_the_note_against_the_contacts_update_when_given_one(capsys, ana, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(VAGUE_NOTE)

    _, alone, _ = run(capsys, "coach", "check", "--kind", "acknowledgement", "--json", str(note))
    status, out, _ = run(
        capsys,
        "coach",
        "check",
        "--kind",
        "acknowledgement",
        "--contact",
        "Ana",
        "--json",
        str(note),
    )

    assert status == 0
    assert specific_check(alone)["ok"] is True  # nothing to compare with
    assert specific_check(out)["ok"] is False  # the composer's context: Head of Design at Northwind


def test_it_lists_the_checks_set_aside_on_this_machine(capsys):
    from hedgerow.coach.services import record_set_asides

    record_set_asides(check_ids=["closing-ask"])
    record_set_asides(check_ids=["closing-ask", "specific"])

    status = main(["coach", "set-asides", "--json"])

    assert status == 0
    rows = json.loads(capsys.readouterr().out)["set_asides"]
    assert [(row["check"], row["count"]) for row in rows] == [("closing-ask", 2), ("specific", 1)]
    assert main(["coach", "set-asides"]) == 0
    assert "closing-ask" in capsys.readouterr().out
