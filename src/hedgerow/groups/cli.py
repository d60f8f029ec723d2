"""Group commands for the `hedgerow` CLI: `group …` (create, invite, join, share, feed, digest;
rule G5) and `round …` (the Great Groups assessment, rule T1).

GROUP is a group's number or its name; ROUND the round's id, as `round open` prints it. JSON
shapes are `feed.FeedJson` and `assessment.RoundResults`, the API's own: add keys, never rename.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hedgerow.lib.cli import CommandError, acting_person, base_url, print_json

ROLES = ("member", "facilitator")  # as groups.models.Membership.Role, for invitations
SCALE = "1 not at all, 2 a little, 3 partly, 4 mostly, 5 fully"


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this module's commands to the `hedgerow` parser."""
    group = commands.add_parser("group", help="a coach and peers around your goal (rule G5)")
    actions = group.add_subparsers(title="group commands", metavar="ACTION", required=True)

    create = actions.add_parser(
        "create", parents=[person, as_json], help="start a group; you coach"
    )
    create.add_argument("name")
    create.add_argument("--purpose", default="", help="what the group is for")
    create.set_defaults(handler=run_create)

    listing = actions.add_parser("list", parents=[person, as_json], help="your groups")
    listing.set_defaults(handler=run_list)

    invite = actions.add_parser("invite", parents=[person], help="print an invitation link")
    invite.add_argument("group", metavar="GROUP", help="the group's number or name")
    invite.add_argument("--role", choices=ROLES, default="member")
    invite.add_argument("--days", type=int, default=14, help="how long the link works (1-90)")
    invite.add_argument("--base-url", help="address people open (default: HEDGEROW_BASE_URL)")
    invite.set_defaults(handler=run_invite)

    members = actions.add_parser("members", parents=[person, as_json], help="who is in a group")
    members.add_argument("group", metavar="GROUP", help="the group's number or name")
    members.set_defaults(handler=run_members)

    remove = actions.add_parser(
        "remove", parents=[person], help="take someone out of a group you coach"
    )
    remove.add_argument("group", metavar="GROUP", help="the group's number or name")
    remove.add_argument("member", metavar="MEMBER", help="their user name")
    remove.set_defaults(handler=run_remove)

    join = actions.add_parser("join", parents=[person], help="join a group by its link")
    join.add_argument("link", metavar="LINK", help="the invitation link (or its last part)")
    join.set_defaults(handler=run_join)

    share = actions.add_parser(
        "share", parents=[person], help="show a goal's weekly check-ins to a group, or stop"
    )
    share.add_argument("group", metavar="GROUP", nargs="?", help="needed when in several groups")
    choice = share.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--goal", nargs="?", type=int, const=0, metavar="ID", help="your goal (default: active)"
    )
    choice.add_argument("--stop", action="store_true", help="stop sharing with the group")
    share.set_defaults(handler=run_share)

    feed = actions.add_parser("feed", parents=[person, as_json], help="what the group shares")
    feed.add_argument("group", metavar="GROUP")
    feed.add_argument("--limit", type=int, default=40)
    feed.set_defaults(handler=run_feed)

    digest = actions.add_parser(
        "digest", help="email everyone whose group digest is due (run daily, e.g. from cron)"
    )
    digest.add_argument("--dry-run", action="store_true", help="say who would get one; send none")
    digest.set_defaults(handler=run_digest)

    rounds = commands.add_parser("round", help="the Great Groups check, anonymous (rule T1)")
    round_actions = rounds.add_subparsers(title="round commands", metavar="ACTION", required=True)
    opening = round_actions.add_parser("open", parents=[person], help="open a round for a group")
    opening.add_argument("group", metavar="GROUP")
    opening.set_defaults(handler=run_round_open)
    answer = round_actions.add_parser(
        "answer", parents=[person], help="rate the fifteen elements, one by one"
    )
    answer.add_argument("round", metavar="ROUND", type=int)
    answer.add_argument("--ratings", metavar="N,N,…", help="all fifteen at once, for scripts")
    answer.add_argument("--comment", help="a comment for the group (asked for otherwise)")
    answer.set_defaults(handler=run_round_answer)
    results = round_actions.add_parser(
        "results", parents=[person, as_json], help="a round's totals, once they protect everyone"
    )
    results.add_argument("round", metavar="ROUND", type=int)
    results.set_defaults(handler=run_round_results)
    close = round_actions.add_parser("close", parents=[person], help="close a round you lead")
    close.add_argument("round", metavar="ROUND", type=int)
    close.set_defaults(handler=run_round_close)


# --- finding things -------------------------------------------------------------------------------


def one_membership(person, text: str | None):
    """The person's membership of the group named by number or name (or their only group)."""
    from hedgerow.groups.access import memberships_of

    memberships = memberships_of(person).order_by("group__name", "group_id")
    if text is None:
        found = list(memberships[:2])
        if len(found) == 1:
            return found[0]
        if not found:
            raise CommandError("You are not in a group yet: `hedgerow group join LINK`.", status=1)
        raise CommandError("You are in several groups; say which (`hedgerow group list`).")
    if text.isdigit():
        match = memberships.filter(group_id=int(text)).first()
    else:
        match = memberships.filter(group__name__iexact=text.strip()).first()
    if match is None:
        raise CommandError(f"You are in no group {text!r}; `hedgerow group list` shows yours.", 1)
    return match


def one_round(person, number: int):
    from django.http import Http404

    from hedgerow.groups.access import round_of

    try:
        return round_of(person, number)
    except Http404:
        raise CommandError(f"You have no round #{number}.", status=1) from None


def services_say(call, *args: Any, **kwargs: Any) -> Any:
    """Run a service; its refusals become the command's plain error."""
    from django.core.exceptions import PermissionDenied

    from hedgerow.lib.errors import InvalidInput

    try:
        return call(*args, **kwargs)
    except (InvalidInput, PermissionDenied) as error:
        raise CommandError(str(error)) from None


# --- group commands -------------------------------------------------------------------------------


def run_create(args: argparse.Namespace) -> int:
    from hedgerow.groups import services

    group = services_say(
        services.create_group,
        creator=acting_person(args.user),
        name=args.name,
        purpose=args.purpose,
    )
    if args.json:
        print_json({"id": group.pk, "name": group.name})
    else:
        print(f"Started {group.name} (group {group.pk}); you are its coach.")
        print(f"Invite people: hedgerow group invite {group.pk}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from hedgerow.groups.access import memberships_of
    from hedgerow.groups.feed import group_json

    rows = [group_json(m) for m in memberships_of(acting_person(args.user)).order_by("group__name")]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        new = f", {row['unread']} new" if row["unread"] else ""
        print(f"{row['id']}  {row['name']}  ({row['role']}, {row['members']} members{new})")
    if not rows:
        print("You are not in a group yet.")
    return 0


def run_invite(args: argparse.Namespace) -> int:
    from django.urls import reverse

    from hedgerow.groups import services

    membership = one_membership(acting_person(args.user), args.group)
    invite = services_say(
        services.create_invite, membership=membership, role=args.role, days=args.days
    )
    print(f"{base_url(args.base_url)}{reverse('groups:join', args=[invite.token])}")
    expires = invite.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"Works until {expires} for anyone on this Hedgerow who has it.", file=sys.stderr)
    return 0


def run_members(args: argparse.Namespace) -> int:
    from hedgerow.groups.access import members_of
    from hedgerow.groups.feed import member_json

    membership = one_membership(acting_person(args.user), args.group)
    rows = [member_json(member) for member in members_of(membership.group)]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['person']['name']}  ({row['role']}, joined {row['joined_at'][:10]})")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from hedgerow.groups import services
    from hedgerow.groups.access import members_of

    membership = one_membership(acting_person(args.user), args.group)
    member = members_of(membership.group).filter(owner__username=args.member).first()
    if member is None:
        raise CommandError(f"Nobody called {args.member!r} is in {membership.group.name}.", 1)
    services_say(services.remove_member, membership=membership, member=member)
    print(f"{args.member} is no longer in {membership.group.name}.")
    return 0


def token_of(link: str) -> str:
    """The token at the end of an invitation link, or the link itself when it is only that."""
    path = link.strip().split("?")[0].rstrip("/")
    return path.rsplit("/", 1)[-1]


def run_join(args: argparse.Namespace) -> int:
    from hedgerow.groups import access, services

    invite = access.usable_invite(token_of(args.link))
    membership = services_say(
        services.accept_invite, invite=invite, person=acting_person(args.user)
    )
    print(f"You are in {membership.group.name} (group {membership.group_id}).")
    print(f"Share your goal's check-ins with it: hedgerow group share {membership.group_id} --goal")
    return 0


def run_share(args: argparse.Namespace) -> int:
    from hedgerow.goals.access import active_goal_of, goals_of
    from hedgerow.groups import services

    person = acting_person(args.user)
    membership = one_membership(person, args.group)
    if args.stop:
        services.stop_sharing(membership=membership)
        print(f"{membership.group.name} no longer sees your goal.")
        return 0
    goal = goals_of(person).filter(pk=args.goal).first() if args.goal else active_goal_of(person)
    if goal is None:
        raise CommandError("You have no such goal: write one in the web app under Goal.", 1)
    services_say(services.share_goal, membership=membership, goal=goal)
    print(f"{membership.group.name} now sees “{goal.sentence}” and its weekly check-ins.")
    return 0


def run_feed(args: argparse.Namespace) -> int:
    from hedgerow.groups import feed, services

    membership = one_membership(acting_person(args.user), args.group)
    data = feed.feed_json(membership, limit=min(max(args.limit, 1), 200))
    if args.json:
        print_json(data)
        return 0
    print_feed(data)
    services.mark_seen(membership=membership)
    return 0


def print_feed(data: Any) -> None:
    group = data["group"]
    print(f"{group['name']} · {group['members']} members · you are {group['role']}")
    if not data["items"]:
        print("Nothing shared yet.")
    for item in data["items"]:
        mark = "[new] " if item["new"] else ""
        day = item["at"][:10]
        who = item["author"]["name"]
        if item["kind"] == "checkin":
            print(f"\n{mark}{who}, week {item['week']} ({day}): {item['did']}")
            print(f"  progress {item['progress']}/10, confidence {item['confidence']}/10")
            for reply in item["replies"]:
                print(f"  {reply['kind']} from {reply['author']['name']}: {reply['text']}")
        elif item["kind"] == "prompt":
            print(f"\n{mark}{who}'s prompt ({day}): {item['text']}")
        elif item["kind"] == "question":
            print(f"\n{mark}{who} asks ({day}): {item['text']}")
        else:
            state = (
                "open: hedgerow round answer" if item["open"] else "closed: hedgerow round results"
            )
            print(f"\n{mark}Great Groups round {item['number']} ({day}), {state} {item['id']}")


def run_digest(args: argparse.Namespace) -> int:
    from hedgerow.groups.digest import send_due_digests

    outcome = send_due_digests(dry_run=args.dry_run)
    verb = "Would send" if args.dry_run else "Sent"
    count = len(outcome.sent)
    print(f"{verb} {count} digest{'s' if count != 1 else ''}.")
    for address in outcome.sent:
        print(f"  {address}")
    for address, reason in outcome.failed:
        print(f"Could not send to {address} ({reason}); it will be tried again.", file=sys.stderr)
    return 1 if outcome.failed else 0


# --- round commands -------------------------------------------------------------------------------


def run_round_open(args: argparse.Namespace) -> int:
    from hedgerow.groups import assessment

    membership = one_membership(acting_person(args.user), args.group)
    rnd = services_say(assessment.open_round, membership=membership)
    print(f"Round {rnd.number} of {membership.group.name} is open: hedgerow round answer {rnd.pk}")
    return 0


def run_round_answer(args: argparse.Namespace) -> int:
    from hedgerow.groups import assessment
    from hedgerow.lib.errors import InvalidInput

    person = acting_person(args.user)
    rnd = one_round(person, args.round)
    if assessment.has_answered(rnd=rnd, person=person):
        raise CommandError(f"You have answered round {rnd.number} already; one answer each.")
    if not rnd.is_open:
        raise CommandError(f"Round {rnd.number} is closed: hedgerow round results {rnd.pk}")
    ratings = parse_ratings(args.ratings) if args.ratings else ask_ratings(rnd)
    comment = (
        args.comment
        if args.comment is not None
        else ask("A comment for the group (Enter to skip): ")
    )
    try:
        count = assessment.answer_round(rnd=rnd, person=person, ratings=ratings, comment=comment)
    except (assessment.AlreadyAnswered, InvalidInput) as error:
        raise CommandError(str(error)) from None
    print(f"Thank you. Your answer is in round {rnd.number}'s totals with no name on it; ", end="")
    print(f"{count} answered so far.")
    return 0


def parse_ratings(text: str) -> dict[str, int]:
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 15 or not all(part in {"1", "2", "3", "4", "5"} for part in parts):
        raise CommandError("--ratings takes fifteen scores from 1 to 5, like 4,3,5,…")
    return {str(number): int(score) for number, score in enumerate(parts, start=1)}


def ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise CommandError("Stopped before the end; nothing was sent.") from None


def ask_ratings(rnd) -> dict[str, int]:
    """The fifteen elements one by one on a terminal; a score that isn't 1-5 is asked again."""
    from hedgerow.groups.elements import ELEMENTS

    print(f"Great Groups check, round {rnd.number} of {rnd.group.name}.")
    print(f"How true is each for your group today? {SCALE}.")
    print("Your answer joins the round's totals with no name on it: nobody can look it up.\n")
    ratings: dict[str, int] = {}
    for element in ELEMENTS:
        while True:
            given = ask(f"{element.number:>2}/15  {element.text}\n       1-5: ").strip()
            if given in {"1", "2", "3", "4", "5"}:
                ratings[str(element.number)] = int(given)
                break
            print(f"       Please type a number from 1 to 5 ({SCALE}).")
    return ratings


def run_round_results(args: argparse.Namespace) -> int:
    from hedgerow.groups import assessment

    results = assessment.results_of(one_round(acting_person(args.user), args.round))
    if args.json:
        print_json(results)
        return 0
    print_results(results)
    return 0


BARS = " ▁▂▃▄▅▆▇█"


def print_results(results: Any) -> None:
    print(f"Great Groups check, round {results['number']}: {results['responses']} answered")
    if not results["visible"]:
        print(results["why_hidden"])
        return
    print(f"\n{'element':<40} average  1 2 3 4 5")
    for row in results["elements"]:
        counts = list(row["distribution"].values())
        top = max(counts) or 1
        shape = " ".join(BARS[round(8 * count / top)] for count in counts)
        title = f"{row['number']:>2}. {row['title']}"
        print(f"{title:<40} {row['mean']:>7.1f}  {shape}")
    print("\nThree to talk about:")
    for weak in results["weakest"]:
        print(f"  {weak['number']}. {weak['title']} ({weak['mean']:.1f}): {weak['prompt']}")
    if results["comments"]:
        print("\nComments:")
        for comment in results["comments"]:
            print(f"  • {comment}")


def run_round_close(args: argparse.Namespace) -> int:
    from hedgerow.groups import access, assessment

    person = acting_person(args.user)
    rnd = one_round(person, args.round)
    membership = access.membership_of(person, rnd.group_id)
    rnd = services_say(assessment.close_round, membership=membership, rnd=rnd)
    shown = "its results show" if rnd.released else "its results stay hidden"
    print(f"Round {rnd.number} is closed; {shown}: hedgerow round results {rnd.pk}")
    return 0
