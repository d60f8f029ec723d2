"""Goal commands for the `hedgerow` CLI: `goal check` and `goal blocker` (rules G1-G3), and
`goal export`, the plan and its check-ins as Markdown (rules G4, G6)."""

from __future__ import annotations

import argparse


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this module's commands to the `hedgerow` parser."""
    goal = commands.add_parser("goal", help="say your big goal clearly and name what blocks it")
    goal_commands = goal.add_subparsers(title="goal commands", metavar="ACTION", required=True)
    check = goal_commands.add_parser(
        "check", parents=[as_json], help="check a goal sentence: one clear, observable goal"
    )
    check.add_argument("text", help="the goal, in quotes")
    check.set_defaults(handler=run_goal_check)
    blocker = goal_commands.add_parser(
        "blocker", parents=[as_json], help='read a "but ..." statement: what kind of blocker?'
    )
    blocker.add_argument("text", help="the blocker, in quotes")
    blocker.set_defaults(handler=run_goal_blocker)
    export = goal_commands.add_parser(
        "export",
        parents=[person],
        help="your goal, its five steps and every check-in as a Markdown document",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--all", action="store_true", help="include your archived goals too")
    export.set_defaults(handler=run_goal_export)


def readable(text: str, field: str) -> str:
    from hedgerow.goals.sentence import usable_text

    return usable_text(text, field=field)


def run_goal_check(args: argparse.Namespace) -> int:
    from hedgerow.goals.sentence import check_goal
    from hedgerow.lib.cli import print_json

    report = check_goal(readable(args.text, "goal"))
    if args.json:
        print_json(report)
        return 0
    print("CLEAR" if report["clear"] else "NOT CLEAR YET")
    for check in report["checks"]:
        mark = "ok " if check["ok"] else "fix"
        print(f"  {mark}  {check['id']}: {check['message']}")
    if report["how"]:
        print(f"Without the how: {report['what']}")
        print(f"How, for your Strategy step once you take that sentence: {report['how']}")
    return 0


def run_goal_blocker(args: argparse.Namespace) -> int:
    from hedgerow.goals.blockers import classify_blocker
    from hedgerow.lib.cli import print_json

    reading = classify_blocker(readable(args.text, "blocker"))
    if args.json:
        print_json(reading)
        return 0
    if reading["kind"] == "none":
        print("No blocker here")
    else:
        print(f'{reading["kind"].capitalize()} blocker, from: "{reading["cue"]}"')
    print(reading["response"])
    return 0


def run_goal_export(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from hedgerow.goals.export import export_markdown, goals_to_export
    from hedgerow.lib.cli import CommandError, acting_person

    goals = list(goals_to_export(acting_person(args.user), include_archived=args.all))
    if not goals:
        raise CommandError(
            "You have no goal yet: write one in the web app under Goal, step 1, first.", status=1
        )
    document = export_markdown(goals, today=timezone.localdate())
    if not args.output or args.output == "-":
        print(document, end="")
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(document)
    except OSError as error:
        raise CommandError(f"Could not write {args.output}: {error.strerror}.") from None
    count = f"{len(goals)} goals" if len(goals) > 1 else "your goal"
    print(f"Wrote {count} to {args.output}.")
    return 0
