"""The goal as a Markdown document: the service, the download from the overview, `goal export`."""

from __future__ import annotations

from datetime import date

import pytest

from hedgerow.cli import main
from hedgerow.goals import services
from hedgerow.goals.blockers import classify_blocker
from hedgerow.goals.export import export_markdown, goal_checkins, goal_plan, goals_to_export

pytestmark = pytest.mark.usefixtures("fixed_clock")
START = date(2026, 11, 9)  # NOW is in week 3
TODAY = date(2026, 11, 25)
BLOCKER = "but I never have time after work"


@pytest.fixture
def goal(owner, make_contact):
    goal = services.start_goal(
        owner=owner,
        sentence="Publish my first novel by writing every morning.",
        why_now="I turn 40 next year.",
        start_date=START,
    )
    services.adopt_goal_what(goal=goal)
    services.add_blocker(goal=goal, text=BLOCKER)
    services.revise_value(goal=goal, value="A finished book", value_for="Readers of quiet fiction")
    group = services.add_recon_item(goal=goal, kind="enabler", side="outside", text="A group")
    services.link_contact(item=group, contact=make_contact(owner, "Ana Ruiz"))
    services.add_recon_item(goal=goal, kind="obstacle", side="inside", text="Doubt")
    draft = services.add_milestone(goal=goal, title="Draft chapter one", due_on=date(2026, 12, 1))
    services.mark_milestone(milestone=draft, done=True)
    services.add_milestone(goal=goal, title="Find an agent", due_on=None)
    services.add_next_action(goal=goal, text="Buy a notebook")
    services.record_checkin(
        goal=goal,
        week=2,
        did="Wrote\nand | a poem",
        learned="Mornings work",
        obstacles="The cat",
        next_actions="Chapter two",
        progress=1,
        confidence=6,
    )
    services.record_checkin(goal=goal, did="Plotted", progress=2, confidence=5)
    return goal


EXPECTED = """\
# Your goal

Exported from Hedgerow on 25 November 2026.

## Publish my first novel.

### 1. Commitment

- **Goal:** Publish my first novel.
- **Why now:** I turn 40 next year.
- **Fifty weeks:** 9 November 2026 to 24 October 2027

What might get in the way, and the question that helps:

- but I never have time after work (_commitment_): {reply}

### 2. Value proposition

- **The value:** A finished book
- **For whom:** Readers of quiet fiction

### 3. Reconnaissance

#### Obstacles

- Doubt (inside me).

#### Enablers

- A group (outside me). People who could help: Ana Ruiz.

### 4. Strategy

- writing every morning (from your goal sentence)

### 5. Execution

#### Milestones

- [x] Draft chapter one, by 1 December 2026 (done 25 November 2026)
- [ ] Find an agent

#### Next actions

- [ ] Buy a notebook

### Weekly check-ins

| Week | Recorded | What I did | What I learned | Obstacles | Next week | Progress | Confidence |
| ---: | --- | --- | --- | --- | --- | ---: | ---: |
| 2 | 2026-11-25 | Wrote and \\| a poem | Mornings work | The cat | Chapter two | 1/10 | 6/10 |
| 3 | 2026-11-25 | Plotted |  |  |  | 2/10 | 5/10 |
"""


def expected_document() -> str:
    return EXPECTED.format(reply=classify_blocker(BLOCKER)["response"])


def archive_and_start_again(owner):
    return services.start_goal(owner=owner, sentence="Run a half marathon.", replace=True)


# --- the service ----------------------------------------------------------------------------------


def test_it_writes_the_sentence_the_five_steps_and_every_checkin(owner, goal):
    document = export_markdown(list(goals_to_export(owner)), today=TODAY)

    assert document == expected_document()


def test_it_says_what_is_not_written_yet(owner):
    services.start_goal(owner=owner, sentence="Run a half marathon.")

    document = export_markdown(list(goals_to_export(owner)), today=TODAY)

    assert "- **Fifty weeks:** no start date yet" in document
    assert "- **For whom:** not written yet" in document
    assert "### 4. Strategy\n\n_Not written yet._" in document
    assert document.endswith("### Weekly check-ins\n\n_No check-ins yet._\n")


def test_it_exports_only_the_active_goal_unless_asked_for_all(owner, goal):
    archive_and_start_again(owner)

    active = list(goals_to_export(owner))
    everything = list(goals_to_export(owner, include_archived=True))
    document = export_markdown(everything, today=TODAY)

    assert [g.sentence for g in active] == ["Run a half marathon."]
    assert [g.sentence for g in everything] == ["Run a half marathon.", "Publish my first novel."]
    assert document.startswith("# Your goals\n")
    assert "## Publish my first novel.\n\n_Archived on 25 November 2026._" in document
    assert document.index("## Run a half marathon.") < document.index("## Publish my first")


def test_it_never_exports_someone_elses_goal(owner, outsider, goal):
    assert list(goals_to_export(outsider, include_archived=True)) == []


def test_it_shapes_the_plan_and_checkins_as_data(goal):
    plan = goal_plan(goal)
    checkins = goal_checkins(goal)

    assert plan["recon"][0]["contacts"] == [
        {"id": goal.recon_items.get(kind="enabler").contacts.get().pk, "name": "Ana Ruiz"}
    ]
    assert [m["done_on"] for m in plan["milestones"]] == ["2026-11-25", None]
    assert [c["week"] for c in checkins] == [2, 3]
    assert checkins[0]["learned"] == "Mornings work"


# --- the download from the overview ---------------------------------------------------------------


def test_it_links_the_download_from_the_overview(owner_client, goal):
    page = owner_client.get("/goal/").content.decode()

    assert '<a href="/goal/export/" download>Download your plan (Markdown)</a>' in page


def test_it_downloads_the_plan_as_a_markdown_file(owner_client, goal):
    response = owner_client.get("/goal/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hedgerow-goal-2026-11-25.md"'
    assert response.content.decode() == expected_document()


def test_it_downloads_archived_goals_when_asked(owner, owner_client, goal):
    archive_and_start_again(owner)

    only_active = owner_client.get("/goal/export/").content.decode()
    everything = owner_client.get("/goal/export/?all=1").content.decode()

    assert "Publish my first novel." not in only_active
    assert "## Publish my first novel." in everything


def test_it_has_nothing_to_download_without_a_goal(owner_client, outsider):
    services.start_goal(owner=outsider, sentence="Someone else's goal.")

    assert owner_client.get("/goal/export/").status_code == 404


def test_it_asks_a_visitor_to_sign_in_before_downloading(client, goal):
    response = client.get("/goal/export/")

    assert response.status_code == 302
    assert "/export/" in response["Location"]


# --- hedgerow goal export -------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_prints_the_document_from_the_terminal(capsys, goal):
    status, out, _ = run(capsys, "goal", "export")

    assert status == 0
    assert out == expected_document()


def test_it_writes_the_document_to_a_file(capsys, tmp_path, owner, goal):
    archive_and_start_again(owner)
    target = tmp_path / "plan.md"

    status, out, _ = run(capsys, "goal", "export", "--all", "--output", str(target))

    assert status == 0
    assert out == f"Wrote 2 goals to {target}.\n"
    written = target.read_text(encoding="utf-8")
    assert "## Run a half marathon." in written and "## Publish my first novel." in written


def test_it_says_so_when_there_is_no_goal_to_export(capsys, owner):
    status, out, err = run(capsys, "goal", "export")

    assert status == 1
    assert out == ""
    assert "You have no goal yet" in err


def test_it_explains_a_file_it_cannot_write(capsys, tmp_path, goal):
    status, _, err = run(capsys, "goal", "export", "-o", str(tmp_path / "missing" / "plan.md"))

    assert status == 2
    assert "Could not write" in err
