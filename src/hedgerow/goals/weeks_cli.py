"""`hedgerow checkin`: the weekly check-in (rule G6) from a terminal, and where the weeks stand."""

from __future__ import annotations

import argparse

from hedgerow.lib.cli import CommandError, acting_person, print_json


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this module's commands to the `hedgerow` parser."""
    checkin = commands.add_parser(
        "checkin",
        parents=[person, as_json],
        help="record this week's check-in on your goal (or --show where the weeks stand)",
    )
    checkin.add_argument("--show", action="store_true", help="print week, streak and status")
    checkin.add_argument("--week", type=int, metavar="N", help="an earlier week (default: this)")
    checkin.add_argument("--did", metavar="TEXT", help="what you did this week")
    checkin.add_argument("--learned", metavar="TEXT", default="")
    checkin.add_argument("--obstacles", metavar="TEXT", default="")
    checkin.add_argument("--next", metavar="TEXT", default="", help="next week's actions")
    checkin.add_argument("--progress", type=int, metavar="0-10", help="toward the goal")
    checkin.add_argument("--confidence", type=int, metavar="0-10")
    checkin.set_defaults(handler=run_checkin)


def run_checkin(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from hedgerow.goals import weeks
    from hedgerow.goals.access import active_goal_of
    from hedgerow.goals.services import record_checkin

    goal = active_goal_of(acting_person(args.user))
    if goal is None:
        raise CommandError(
            "You have no goal yet: write one in the web app under Goal, step 1, first."
        )
    today = timezone.localdate()
    if not args.show:
        missing = [
            f"--{name}" for name in ("did", "progress", "confidence") if not _given(args, name)
        ]
        if missing:
            raise CommandError(f"A check-in needs {', '.join(missing)} (or use --show).")
        recorded = record_checkin(
            goal=goal,
            week=args.week,
            did=args.did,
            learned=args.learned,
            obstacles=args.obstacles,
            next_actions=args.next,
            progress=args.progress,
            confidence=args.confidence,
            today=today,
        )
        if not args.json:
            verb = "Recorded" if recorded.created else "Revised"
            print(f"{verb} your check-in for week {recorded.checkin.week}.")
    summary = weeks.plan_status(goal, today)
    if args.json:
        print_json(summary)
    elif args.show:
        print_status(summary)
    return 0


def _given(args: argparse.Namespace, name: str) -> bool:
    value = getattr(args, name)
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def print_status(summary) -> None:
    from hedgerow.goals.weeks import STATUS_LABELS

    print(summary["sentence"])
    if summary["start_date"] is None:
        print("No start date yet: set one in the Commitment step to begin your fifty weeks.")
        return
    if summary["week"] < 1:
        print(f"Your fifty weeks start on {summary['start_date']}.")
        return
    status = STATUS_LABELS.get(summary["status"] or "", "")
    print(
        f"Week {min(summary['week'], 50)} of 50 · {summary['weeks_to_go']} to go · "
        f"streak {summary['streak']} · {status.lower()}"
    )
    due = summary["checkin_due"]
    if due:
        print(f"This week's check-in is open until {due['due_on']}.")
    for row in summary["checkins"][-5:]:
        print(
            f"  week {row['week']}: progress {row['progress']}, "
            f"confidence {row['confidence']} · {row['did']}"
        )
