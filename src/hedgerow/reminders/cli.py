"""`hedgerow digest send|set` and `hedgerow calendar`: reminders where people already look."""

from __future__ import annotations

import argparse


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    digest = commands.add_parser(
        "digest", help="the weekly email: send what is due, or set your day"
    )
    actions = digest.add_subparsers(title="digest commands", metavar="ACTION", required=True)
    send = actions.add_parser(
        "send",
        parents=[as_json],
        help="email everyone whose weekly digest is due (run daily from cron or a systemd timer)",
    )
    send.add_argument(
        "--dry-run", action="store_true", help="say who would get one, and send nothing"
    )
    send.set_defaults(handler=run_digest_send)
    choose = actions.add_parser(
        "set", parents=[person, as_json], help="the day your weekly digest comes, or off"
    )
    choose.add_argument("day", help="monday … sunday, or off")
    choose.add_argument("--email", help="send it here (else the address you already gave)")
    choose.set_defaults(handler=run_digest_set)

    calendar = commands.add_parser(
        "calendar",
        parents=[person, as_json],
        help="print your private calendar address (an .ics feed to subscribe to)",
    )
    which = calendar.add_mutually_exclusive_group()
    which.add_argument("--new", action="store_true", help="a new address; the old one stops")
    which.add_argument("--off", action="store_true", help="switch the address off")
    calendar.set_defaults(handler=run_calendar)


def run_digest_send(args: argparse.Namespace) -> int:
    from hedgerow.lib.cli import print_json
    from hedgerow.reminders.digest import send_weekly_digests

    outcome = send_weekly_digests(dry_run=args.dry_run)
    if args.json:
        print_json(
            {
                "sent": outcome.sent,
                "failed": [{"to": to, "error": error} for to, error in outcome.failed],
                "would_send": [
                    {"to": d.person.email, "subject": d.subject} for d in outcome.previews
                ],
            }
        )
    elif args.dry_run:
        for digest in outcome.previews:
            print(f"Would send to {digest.person.email}: {digest.subject}")
        if not outcome.previews:
            print("No weekly digest is due now.")
    else:
        for to in outcome.sent:
            print(f"Sent the weekly digest to {to}.")
        for to, error in outcome.failed:
            print(f"Could not send to {to}: {error}")
        if not outcome.sent and not outcome.failed:
            print("No weekly digest is due now.")
    return 1 if outcome.failed else 0


def run_digest_set(args: argparse.Namespace) -> int:
    from hedgerow.lib.cli import acting_person, print_json
    from hedgerow.reminders.services import parse_weekday, save_digest_setting

    owner = acting_person(args.user)
    weekday = parse_weekday(args.day)
    email = owner.email if args.email is None else args.email
    setting = save_digest_setting(person=owner, email=email, weekday=weekday)
    if args.json:
        print_json({"day": setting.digest_day or None, "email": owner.email})
    elif setting.digest_weekday is None:
        print("No weekly digest.")
    else:
        print(f"Your weekly digest comes every {setting.digest_day}, to {owner.email}.")
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.urls import reverse

    from hedgerow.lib.cli import acting_person, print_json
    from hedgerow.reminders import services
    from hedgerow.reminders.access import reminder_setting_or_default

    owner = acting_person(args.user)
    if args.off:
        services.revoke_calendar_address(person=owner)
        url = None
    else:
        setting = reminder_setting_or_default(owner)
        if args.new or not setting.calendar_token:
            setting = services.new_calendar_address(person=owner)
        url = settings.BASE_URL + reverse("reminders:calendar", args=[setting.calendar_token])
    if args.json:
        print_json({"url": url})
    elif url is None:
        print("Your calendar address is switched off; calendars get nothing more.")
    else:
        print("Subscribe to this address in your calendar (keep it to yourself):")
        print(f"  {url}")
    return 0
