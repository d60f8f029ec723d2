"""`hedgerow contact remove`, `hedgerow interactions`, `hedgerow interaction remove`: deleting
what is yours from the terminal (the import's own `hedgerow import remove RUN_ID` is in cli.py)."""

from __future__ import annotations

import argparse

from hedgerow.lib.cli import CommandError, acting_person, confirm, print_json


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    contact = commands.add_parser("contact", help="delete a contact (see `contacts` to find one)")
    contact_commands = contact.add_subparsers(
        title="contact commands", metavar="ACTION", required=True
    )
    remove = contact_commands.add_parser(
        "remove", parents=[person], help="delete a contact and everything about them, for good"
    )
    remove.add_argument("query", help="their name, email or LinkedIn profile URL")
    remove.add_argument("--yes", action="store_true", help="do not ask first")
    remove.set_defaults(handler=run_contact_remove)

    listing = commands.add_parser(
        "interactions", parents=[person, as_json], help="a contact's interactions, newest first"
    )
    listing.add_argument("query", help="their name, email or LinkedIn profile URL")
    listing.set_defaults(handler=run_interactions)

    interaction = commands.add_parser("interaction", help="delete one interaction")
    interaction_commands = interaction.add_subparsers(
        title="interaction commands", metavar="ACTION", required=True
    )
    remove_one = interaction_commands.add_parser(
        "remove", parents=[person], help="delete one interaction, by the id `interactions` shows"
    )
    remove_one.add_argument("id", type=int)
    remove_one.set_defaults(handler=run_interaction_remove)


def run_contact_remove(args: argparse.Namespace) -> int:
    from hedgerow.network.cli import one_contact
    from hedgerow.network.removal import delete_contact, footprint_of

    found = one_contact(acting_person(args.user), args.query)
    seen = footprint_of(found)
    confirm(
        f"Delete {found.name} with {seen.interactions} interactions, {seen.updates} updates and "
        f"{seen.invitations} invitations, for good?",
        yes=args.yes,
    )
    print(f"Deleted {delete_contact(contact=found)} and everything about them.")
    return 0


def interaction_json(item) -> dict:
    """The JSON shape of one interaction, the same as GET /api/v1/interactions gives."""
    return {
        "id": item.pk,
        "contact_id": item.contact_id,
        "kind": item.kind,
        "direction": item.direction,
        "occurred_at": item.occurred_at.isoformat(),
        "source": item.source,
        "subject": item.subject,
        "text": item.text,
    }


def run_interactions(args: argparse.Namespace) -> int:
    from hedgerow.network.cli import one_contact

    found = one_contact(acting_person(args.user), args.query)
    rows = found.interactions.order_by("-occurred_at", "-id")
    if args.json:
        print_json([interaction_json(item) for item in rows])
        return 0
    for item in rows:
        said = " — ".join(part for part in (item.subject, item.text) if part)
        line = f"#{item.pk}  {item.occurred_at:%Y-%m-%d}  {item.kind} ({item.direction})"
        print(f"{line}  {said[:80]}".rstrip())
    return 0


def run_interaction_remove(args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.network.access import interaction_of
    from hedgerow.network.removal import delete_interaction

    try:
        item = interaction_of(acting_person(args.user), args.id)
    except Http404:
        raise CommandError(f"You have no interaction #{args.id}.", status=1) from None
    delete_interaction(interaction=item)
    print(f"Deleted the {item.kind} of {item.occurred_at:%Y-%m-%d} with {item.contact.name}.")
    return 0
