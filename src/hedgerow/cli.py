"""The `hedgerow` command: the same services as the web app, for terminals and scripts.

Flags and JSON shapes here are contracts other programs rely on; add, never rename.
Exit status: 0 on success, 1 when nothing matched, 2 for unusable input or ambiguous queries.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hedgerow.lib.cli import DEFAULT_HOST, DEFAULT_PORT, CommandError, base_url
from hedgerow.lib.errors import InvalidInput


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    import django

    django.setup()
    try:
        if args.handler is not run_manage:
            ensure_database()
        return args.handler(args) or 0
    except CommandError as error:
        print(f"hedgerow: {error}", file=sys.stderr)
        return error.status
    except InvalidInput as error:  # a service's one sentence about unusable input: exit 2
        print(f"hedgerow: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) stopped early; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# --- parsing -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hedgerow",
        description="Cultivate your professional network, one thoughtful note at a time.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    person = argparse.ArgumentParser(add_help=False)
    person.add_argument(
        "--user", metavar="NAME", help="act for this person (when there are several)"
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON for scripts")

    serving = argparse.ArgumentParser(add_help=False)
    serving.add_argument("--host", default=DEFAULT_HOST)
    serving.add_argument("--port", type=int, default=DEFAULT_PORT)
    serving.add_argument(
        "--threads", type=int, default=8, help="requests served at once (default 8)"
    )
    serving.add_argument(
        "--no-worker",
        action="store_true",
        help="don't start a worker for background imports (run `hedgerow worker` yourself)",
    )

    serve = commands.add_parser("serve", parents=[serving], help="serve the web app")
    serve.set_defaults(handler=run_serve)

    demo = commands.add_parser(
        "demo", parents=[serving], help="load the demo dataset into HEDGEROW_HOME and serve it"
    )
    demo.add_argument("--no-serve", action="store_true", help="load the data, then stop")
    demo.set_defaults(handler=run_demo)

    # Each app adds its own commands; none of them imports Django before it runs.
    from hedgerow.accounts import cli as accounts_cli
    from hedgerow.coach import cli as coach_cli
    from hedgerow.goals import cli as goal_cli
    from hedgerow.goals import weeks_cli
    from hedgerow.groups import cli as groups_cli
    from hedgerow.network import cli as network_cli
    from hedgerow.network import mail_cli
    from hedgerow.portability import cli as portability_cli
    from hedgerow.practice import cli as practice_cli
    from hedgerow.reminders import cli as reminders_cli
    from hedgerow.today import cli as today_cli

    app_clis = (
        accounts_cli, today_cli, network_cli, mail_cli, coach_cli, goal_cli, weeks_cli, practice_cli
    )  # fmt: skip
    for app_cli in (*app_clis, groups_cli, reminders_cli, portability_cli):
        app_cli.add_commands(commands, person, as_json)

    worker = commands.add_parser(
        "worker", help="run imports started from the web, in the background"
    )
    worker.add_argument("--once", action="store_true", help="run what is queued, then stop")
    # Set by `hedgerow serve` for the worker it starts: end when that process ends.
    worker.add_argument("--parent", type=int, help=argparse.SUPPRESS)
    worker.set_defaults(handler=run_worker)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("arguments", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=run_manage)
    return parser


# --- shared steps ------------------------------------------------------------------------------


def ensure_database() -> None:
    """Bring the database schema up to date, quietly, so a fresh home just works."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if every_migration_applied():
        return
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def every_migration_applied() -> bool:
    """Whether each app's every migration file is recorded as applied: the usual case, told
    in a few milliseconds from the file names, where building the migration graph costs every
    command a tenth of a second of CPU. Anything else (a file not applied, a squashed one) is
    for the migration executor to judge."""
    import importlib.util
    import pkgutil

    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False
    applied = set(recorder.applied_migrations())
    for config in apps.get_app_configs():
        module_name, _explicit = MigrationLoader.migrations_module(config.label)
        spec = importlib.util.find_spec(module_name) if module_name else None
        if spec is None or not spec.submodule_search_locations:
            continue  # an app without migrations
        for found in pkgutil.iter_modules(spec.submodule_search_locations):
            name = found.name
            if not found.ispkg and name[0] not in "_~" and (config.label, name) not in applied:
                return False
    return True


# --- commands ----------------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    from hedgerow.accounts.services import add_person, sign_in_path

    url = base_url(None, args.host, args.port)
    if not get_user_model().objects.exists():
        owner = add_person(username=local_owner_name())
        print(f"Welcome to Hedgerow. Your account is {owner.username!r}.")
        print("Open this one-time link to sign in and choose a password:")
        print(f"  {url}{sign_in_path(owner)}")
    serve_forever(args)
    return 0


def local_owner_name() -> str:
    import getpass

    try:
        return getpass.getuser() or "owner"
    except (KeyError, OSError):
        return "owner"


def serve_forever(args: argparse.Namespace) -> None:
    """Waitress, a production WSGI server, and (unless --no-worker) a worker for background
    imports that ends with this process, so one command runs everything on a laptop."""
    from waitress import serve

    from hedgerow.lib.workers import WorkerChild
    from hedgerow.wsgi import application

    child = None if args.no_worker else WorkerChild().start()
    url = f"http://{args.host}:{args.port}/"
    print(f"Hedgerow is running at {url} — press Ctrl+C to stop.", flush=True)
    try:
        serve(application, host=args.host, port=args.port, threads=args.threads, ident="hedgerow")
    finally:
        if child is not None:
            child.stop()


def run_demo(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from hedgerow.goals.demo import load_goal_demo
    from hedgerow.groups.demo import load_group_demo
    from hedgerow.network.demo import load_demo
    from hedgerow.practice.demo import load_practice_demo

    home = Path(settings.HOME)
    marker = home / "DEMO"
    if not marker.exists() and get_user_model().objects.exists():
        raise CommandError(
            f"{home} holds someone's real data; the demo only runs in a home of its own "
            "(set HEDGEROW_HOME to an empty folder)."
        )
    marker.write_text("This Hedgerow home holds made-up demo data.\n")
    print("Preparing the demo network (the first time takes a few seconds)…", flush=True)
    person = load_demo(username="demo", password="demo")  # noqa: S106 - published password
    load_goal_demo(person)
    load_practice_demo(person)
    load_group_demo(person)
    if args.no_serve:
        return 0
    print(f"\nSign in at http://{args.host}:{args.port}/ with name 'demo' and password 'demo'.")
    serve_forever(args)
    return 0


def run_worker(args: argparse.Namespace) -> int:
    """Run queued imports (network/tasks.py) until stopped: the database queue's worker, or
    RQ's when HEDGEROW_REDIS_URL is set. What imports whose process died left is undone first."""
    from django.conf import settings
    from django.core.management import call_command

    from hedgerow.lib.processes import die_with_parent
    from hedgerow.network.background import give_up_abandoned_jobs
    from hedgerow.network.importers.turns import roll_back_abandoned_runs

    if args.parent:
        die_with_parent(args.parent)
    roll_back_abandoned_runs()  # imports whose process died after some of their turns
    give_up_abandoned_jobs()
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
        options = {
            "job_class": "django_tasks_rq.Job",
            "worker_class": "hedgerow.lib.rq_worker.Worker",
            "burst": args.once,
        }
        call_command("rqworker", "default", **options)
    else:
        options = {"batch": args.once, "startup_delay": False, "reload": False, "verbosity": 0}
        call_command("db_worker", **options)
    return 0


def run_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hedgerow manage", *args.arguments])
    return 0
