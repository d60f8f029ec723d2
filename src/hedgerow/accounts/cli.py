"""`hedgerow user …` and `hedgerow token …`: the people on this Hedgerow and their API keys."""

from __future__ import annotations

import argparse
import sys

from hedgerow.lib.cli import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    CommandError,
    acting_person,
    base_url,
    confirm,
)


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this app's commands to the `hedgerow` parser."""
    user = commands.add_parser("user", help="add people and give them sign-in links")
    user_commands = user.add_subparsers(title="user commands", metavar="ACTION", required=True)
    add = user_commands.add_parser("add", help="add a person and print their sign-in link")
    add.add_argument("name")
    add.add_argument(
        "--admin",
        action="store_true",
        help="let them administer this Hedgerow at /admin/ (everyone's accounts)",
    )
    add.add_argument(
        "--base-url", help=f"address people open (default http://{DEFAULT_HOST}:{DEFAULT_PORT})"
    )
    add.set_defaults(handler=run_user_add)
    link = user_commands.add_parser("link", help="print a fresh one-time sign-in link")
    link.add_argument("name")
    link.add_argument("--base-url")
    link.set_defaults(handler=run_user_link)
    listing = user_commands.add_parser("list", help="list the people on this Hedgerow")
    listing.set_defaults(handler=run_user_list)
    remove = user_commands.add_parser(
        "remove", help="delete a person's account and everything it owns, for good"
    )
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="do not ask first")
    remove.set_defaults(handler=run_user_remove)
    admin = user_commands.add_parser("admin", help="give (or with --off take away) /admin/")
    admin.add_argument("name")
    admin.add_argument("--off", action="store_true", help="take administration away")
    admin.set_defaults(handler=run_user_admin)

    token = commands.add_parser("token", help="API keys for scripts using /api/v1/")
    token_commands = token.add_subparsers(title="token commands", metavar="ACTION", required=True)
    token_add = token_commands.add_parser("add", parents=[person], help="create a key, shown once")
    token_add.add_argument("name", help="what the key is for, e.g. 'calendar sync'")
    token_add.set_defaults(handler=run_token_add)
    token_list = token_commands.add_parser("list", parents=[person], help="list your keys")
    token_list.set_defaults(handler=run_token_list)
    token_revoke = token_commands.add_parser("revoke", parents=[person], help="revoke a key")
    token_revoke.add_argument("prefix", help="the key's first characters, as `token list` shows")
    token_revoke.set_defaults(handler=run_token_revoke)


def run_user_add(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import PersonExists, add_person, sign_in_path

    try:
        person = add_person(username=args.name, admin=args.admin)
    except PersonExists as error:
        raise CommandError(str(error)) from None
    print(f"{base_url(args.base_url)}{sign_in_path(person)}")
    return 0


def run_user_link(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import sign_in_path

    person = acting_person(args.name)
    print(f"{base_url(args.base_url)}{sign_in_path(person)}")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    for person in get_user_model().objects.order_by("username"):
        print(f"{person.username}  (admin)" if person.is_superuser else person.username)
    return 0


def run_user_remove(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import delete_account

    person = acting_person(args.name)
    confirm(
        f"Delete {person.username!r} and everything they keep here (contacts, imports, goals, "
        "practice, groups they are in), for good?",
        yes=args.yes,
    )
    print(f"Deleted {delete_account(person=person)!r} and everything in their account.")
    return 0


def run_user_admin(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import set_admin

    person = acting_person(args.name)
    set_admin(person=person, admin=not args.off)
    if args.off:
        print(f"{person.username} no longer administers this Hedgerow.")
    else:
        print(f"{person.username} can now administer this Hedgerow at /admin/.")
    return 0


def run_token_add(args: argparse.Namespace) -> int:
    from hedgerow.accounts.services import create_api_token

    _, key = create_api_token(owner=acting_person(args.user), name=args.name)
    print(key)
    print(
        "Keep it somewhere safe: Hedgerow stores only a fingerprint and cannot show it again.",
        file=sys.stderr,
    )
    return 0


def run_token_list(args: argparse.Namespace) -> int:
    from hedgerow.accounts.access import api_tokens_of

    for token in api_tokens_of(acting_person(args.user)):
        used = f"last used {token.last_used_at:%Y-%m-%d}" if token.last_used_at else "never used"
        print(f"{token.prefix}…  {token.name}  (created {token.created_at:%Y-%m-%d}, {used})")
    return 0


def run_token_revoke(args: argparse.Namespace) -> int:
    from hedgerow.accounts.access import api_tokens_starting
    from hedgerow.accounts.services import revoke_api_token

    tokens = api_tokens_starting(acting_person(args.user), args.prefix)
    if len(tokens) != 1:
        raise CommandError(f"{len(tokens)} keys start with {args.prefix!r}; give exactly one.")
    revoke_api_token(token=tokens[0])
    print(f"Revoked {tokens[0].name!r}.")
    return 0
