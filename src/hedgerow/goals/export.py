"""A person's goal as data and as a portable Markdown document.

`goal_plan` is the whole Uber Plan (rule G4) as JSON-ready data: the API's `GET /goals/plan`
returns it and the Markdown export renders it, so the two never disagree. `goal_checkins` is every
weekly check-in (rule G6) in full. `export_markdown` writes the plan and a table of check-ins for
one or more goals: something a person can keep, print or take elsewhere.
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, Prefetch, QuerySet
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.goals.access import goals_of
from hedgerow.goals.models import PLAN_WEEKS, CheckIn, Goal, ReconItem
from hedgerow.goals.services import plan_steps
from hedgerow.goals.weeks import CheckinRow, checkin_row, week_last_day
from hedgerow.lib.http import User
from hedgerow.network.models import Contact


class StepJson(TypedDict):
    number: int
    slug: str
    title: str
    done: bool


class BlockerJson(TypedDict):
    id: int
    text: str
    kind: str
    cue: str
    response: str


class LinkedContactJson(TypedDict):
    id: int
    name: str


class ReconItemJson(TypedDict):
    id: int
    kind: str
    side: str
    text: str
    contacts: list[LinkedContactJson]


class ApproachJson(TypedDict):
    id: int
    text: str
    from_goal_sentence: bool


class MilestoneJson(TypedDict):
    id: int
    title: str
    due_on: str | None
    done_on: str | None


class NextActionJson(TypedDict):
    id: int
    text: str
    done_on: str | None


class PlanJson(TypedDict):
    goal_id: int
    sentence: str
    why_now: str
    start_date: str | None
    end_date: str | None
    archived_at: str | None
    lifted_how: str
    value: str
    value_for: str
    steps: list[StepJson]
    blockers: list[BlockerJson]
    recon: list[ReconItemJson]
    approaches: list[ApproachJson]
    milestones: list[MilestoneJson]
    next_actions: list[NextActionJson]


class CheckinJson(CheckinRow):
    """A check-in in full: the row `hedgerow checkin --json` lists, plus the rest of what was
    written (keys are only ever added to that row)."""

    learned: str
    obstacles: str
    next_actions: str


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- the plan as data -----------------------------------------------------------------------------


def goal_plan(goal: Goal) -> PlanJson:
    """Everything in the five steps of one goal (rule G4), in the order the pages show it."""
    recon = goal.recon_items.prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.order_by("name", "id"))
    )
    return {
        "goal_id": goal.pk,
        "sentence": goal.sentence,
        "why_now": goal.why_now,
        "start_date": _iso(goal.start_date),
        "end_date": _iso(goal.end_date),
        "archived_at": goal.archived_at.isoformat() if goal.archived_at else None,
        "lifted_how": goal.lifted_how,
        "value": goal.value,
        "value_for": goal.value_for,
        "steps": [
            {"number": s.number, "slug": s.slug, "title": s.title, "done": s.done}
            for s in plan_steps(goal)
        ],
        "blockers": [
            {"id": b.pk, "text": b.text, "kind": b.kind, "cue": b.cue, "response": b.response}
            for b in goal.blockers.all()
        ],
        "recon": [
            {
                "id": item.pk,
                "kind": item.kind,
                "side": item.side,
                "text": item.text,
                "contacts": [{"id": c.pk, "name": c.name} for c in item.contacts.all()],
            }
            for item in recon
        ],
        "approaches": [
            {"id": a.pk, "text": a.text, "from_goal_sentence": a.from_goal_sentence}
            for a in goal.approaches.all()
        ],
        "milestones": [
            {"id": m.pk, "title": m.title, "due_on": _iso(m.due_on), "done_on": _iso(m.done_on)}
            for m in goal.milestones.all()
        ],
        "next_actions": [
            {"id": a.pk, "text": a.text, "done_on": _iso(a.done_on)}
            for a in goal.next_actions.all()
        ],
    }


def goal_checkins(goal: Goal) -> list[CheckinJson]:
    """Every weekly check-in of one goal, week 1 first."""
    return [_checkin_json(checkin) for checkin in goal.checkins.order_by("week")]


def _checkin_json(checkin: CheckIn) -> CheckinJson:
    row = checkin_row(checkin)
    return {
        "week": row["week"],
        "recorded_on": row["recorded_on"],
        "did": row["did"],
        "progress": row["progress"],
        "confidence": row["confidence"],
        "learned": checkin.learned,
        "obstacles": checkin.obstacles,
        "next_actions": checkin.next_actions,
    }


def goals_to_export(owner: User, *, include_archived: bool = False) -> QuerySet[Goal]:
    """The goal being pursued now and, when asked, the archived ones too (newest first)."""
    goals = goals_of(owner)
    if not include_archived:
        goals = goals.filter(archived_at__isnull=True)
    return goals.order_by(F("archived_at").desc(nulls_first=True), "-created_at", "-id")


# --- the plan as Markdown -------------------------------------------------------------------------

RECON_HEADINGS = (
    (ReconItem.Kind.OBSTACLE, "Obstacles"),
    (ReconItem.Kind.ENABLER, "Enablers"),
    (ReconItem.Kind.BLIND_SPOT, "Blind spots"),
)
SIDES = dict(ReconItem.Side.choices)
NOT_YET = "_Not written yet._"


def export_markdown(goals: list[Goal], *, today: date) -> str:
    """One Markdown document: for each goal the sentence, the five steps and every check-in."""
    title = "Your goal" if len(goals) == 1 else "Your goals"
    lines = [f"# {title}", "", f"Exported from Hedgerow on {_long_day(today)}."]
    for goal in goals:
        lines += ["", *_goal_lines(goal_plan(goal), goal_checkins(goal))]
    return "\n".join(lines).rstrip() + "\n"


def export_filename(today: date) -> str:
    return f"hedgerow-goal-{today.isoformat()}.md"


def _goal_lines(plan: PlanJson, checkins: list[CheckinJson]) -> list[str]:
    heading = f"## {_inline(plan['sentence'])}"
    lines = [heading, ""]
    if plan["archived_at"]:
        lines += [f"_Archived on {_long_day(date.fromisoformat(plan['archived_at'][:10]))}._", ""]
    return (
        lines
        + _commitment(plan)
        + _value(plan)
        + _recon(plan)
        + _strategy(plan)
        + _execution(plan)
        + _checkins(checkins)
    )


def _commitment(plan: PlanJson) -> list[str]:
    start = date.fromisoformat(plan["start_date"]) if plan["start_date"] else None
    weeks = (
        f"{_long_day(start)} to {_long_day(week_last_day(start, PLAN_WEEKS))}"
        if start
        else "no start date yet"
    )
    lines = [
        "### 1. Commitment",
        "",
        f"- **Goal:** {_inline(plan['sentence'])}",
        f"- **Why now:** {_inline(plan['why_now']) or 'not written yet'}",
        f"- **Fifty weeks:** {weeks}",
        "",
    ]
    if plan["blockers"]:  # rule G2: each "but ..." with the reply that fits its kind
        lines += ["What might get in the way, and the question that helps:", ""]
        for blocker in plan["blockers"]:
            kind = "not a blocker" if blocker["kind"] == "none" else blocker["kind"]
            reply = _inline(blocker["response"])
            lines.append(
                f"- {_inline(blocker['text'])} (_{kind}_)" + (f": {reply}" if reply else "")
            )
        lines.append("")
    return lines


def _value(plan: PlanJson) -> list[str]:
    return [
        "### 2. Value proposition",
        "",
        f"- **The value:** {_inline(plan['value']) or 'not written yet'}",
        f"- **For whom:** {_inline(plan['value_for']) or 'not written yet'}",
        "",
    ]


def _recon(plan: PlanJson) -> list[str]:
    lines = ["### 3. Reconnaissance", ""]
    if not plan["recon"]:
        return [*lines, NOT_YET, ""]
    for kind, heading in RECON_HEADINGS:
        items = [item for item in plan["recon"] if item["kind"] == kind]
        if not items:
            continue
        lines += [f"#### {heading}", ""]
        for item in items:
            side = SIDES.get(item["side"], item["side"]).lower()
            people = ", ".join(c["name"] for c in item["contacts"])
            helpers = f" People who could help: {people}." if people else ""
            lines.append(f"- {_inline(item['text'])} ({side}).{helpers}")
        lines.append("")
    return lines


def _strategy(plan: PlanJson) -> list[str]:
    lines = ["### 4. Strategy", ""]
    if not plan["approaches"]:
        return [*lines, NOT_YET, ""]
    for approach in plan["approaches"]:
        origin = " (from your goal sentence)" if approach["from_goal_sentence"] else ""
        lines.append(f"- {_inline(approach['text'])}{origin}")
    return [*lines, ""]


def _execution(plan: PlanJson) -> list[str]:
    lines = ["### 5. Execution", "", "#### Milestones", ""]
    for milestone in plan["milestones"]:
        due = f", by {_short_day(milestone['due_on'])}" if milestone["due_on"] else ""
        done = f" (done {_short_day(milestone['done_on'])})" if milestone["done_on"] else ""
        mark = "x" if milestone["done_on"] else " "
        lines.append(f"- [{mark}] {_inline(milestone['title'])}{due}{done}")
    if not plan["milestones"]:
        lines.append(NOT_YET)
    lines += ["", "#### Next actions", ""]
    for action in plan["next_actions"]:
        mark = "x" if action["done_on"] else " "
        lines.append(f"- [{mark}] {_inline(action['text'])}")
    if not plan["next_actions"]:
        lines.append(NOT_YET)
    return [*lines, ""]


CHECKIN_COLUMNS = (
    "Week",
    "Recorded",
    "What I did",
    "What I learned",
    "Obstacles",
    "Next week",
    "Progress",
    "Confidence",
)
NUMBER_COLUMNS = {"Week", "Progress", "Confidence"}


def _checkins(checkins: list[CheckinJson]) -> list[str]:
    """Rule G6: every weekly check-in, one table row each."""
    lines = ["### Weekly check-ins", ""]
    if not checkins:
        return [*lines, "_No check-ins yet._", ""]
    align = ["---:" if column in NUMBER_COLUMNS else "---" for column in CHECKIN_COLUMNS]
    lines += [_row(list(CHECKIN_COLUMNS)), _row(align)]
    for row in checkins:
        cells = [
            str(row["week"]),
            row["recorded_on"].isoformat(),
            _cell(row["did"]),
            _cell(row["learned"]),
            _cell(row["obstacles"]),
            _cell(row["next_actions"]),
            f"{row['progress']}/10",
            f"{row['confidence']}/10",
        ]
        lines.append(_row(cells))
    return [*lines, ""]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _inline(text: str) -> str:
    """Free text on one line, so a line break someone typed cannot end a list item or heading."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Free text in a table cell: one line, and a pipe is text, not a column break."""
    return _inline(text).replace("|", "\\|")


def _long_day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _short_day(iso: str | None) -> str:
    return _long_day(date.fromisoformat(iso)) if iso else ""
