"""Practice commands for the `hedgerow` CLI: impulses (A2), accomplishments (V1), practice
sessions and the "who I am and what I do" pitch (C1). Django is imported inside the handlers,
so `hedgerow --help` stays quick.

Exit status: 0 on success, 1 when nothing matched (no such impulse, nothing in a range),
2 for unusable input.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from hedgerow.lib.cli import (
    CommandError,
    acting_person,
    parse_day,
    print_json,
    read_text_argument,
)
from hedgerow.vocabulary import ImpulseOutcome, Skill, from_option

DECIDED = [o.option for o in ImpulseOutcome if o is not ImpulseOutcome.OPEN]


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this module's commands to the `hedgerow` parser."""
    _add_impulse(commands, person, as_json)
    _add_accomplishment(commands, person, as_json)
    _add_practice(commands, person, as_json)


# --- parsing --------------------------------------------------------------------------------------


def _add_impulse(commands, person, as_json) -> None:
    impulse = commands.add_parser(
        "impulse",
        parents=[person, as_json],
        help="catch an impulse to act, list open ones, settle one, or see your action ratio",
        description=(
            'Catch an impulse: hedgerow impulse "TEXT". Later, say what became of it with '
            "--settle ID acted|not-acted|substituted. A safe substitute counts as not acting."
        ),
    )
    impulse.add_argument("text", nargs="?", help="the impulse, in a few words")
    modes = impulse.add_mutually_exclusive_group()
    modes.add_argument("--list", action="store_true", help="list open impulses with their ids")
    modes.add_argument(
        "--settle", nargs=2, metavar=("ID", "OUTCOME"), help="acted, not-acted or substituted"
    )
    modes.add_argument("--ratio", action="store_true", help="weekly action ratios and your target")
    modes.add_argument("--target", metavar="PERCENT", help="set the ratio you aim for (0-100)")
    impulse.add_argument("--substitute", default="", help="with substituted: what you did instead")
    impulse.add_argument("--right", help="was it the right call? yes or no")
    impulse.add_argument("--note", default="", help="a note on the decision")
    impulse.set_defaults(handler=run_impulse)


def _add_accomplishment(commands, person, as_json) -> None:
    accomplishment = commands.add_parser(
        "accomplishment", help="log what you did and write an update for your manager or team"
    )
    actions = accomplishment.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[person, as_json], help="log an accomplishment")
    add.add_argument("what", help="what you did")
    add.add_argument("--impact", default="", help="what difference it made")
    add.add_argument("--benefited", default="", help="who benefited")
    add.add_argument("--tell", default="", help="who should know (names or teams, commas)")
    add.add_argument("--on", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    add.set_defaults(handler=run_accomplishment_add)
    update = actions.add_parser(
        "update", parents=[person, as_json], help="a short update over a date range"
    )
    update.add_argument("--from", dest="start", type=parse_day, metavar="YYYY-MM-DD")
    update.add_argument("--to", dest="end", type=parse_day, metavar="YYYY-MM-DD")
    update.add_argument("--format", choices=["markdown", "text"], default="markdown")
    update.set_defaults(handler=run_accomplishment_update)


def _add_practice(commands, person, as_json) -> None:
    practice = commands.add_parser("practice", help="practise the skills confidence grows from")
    actions = practice.add_subparsers(title="actions", metavar="ACTION", required=True)
    log = actions.add_parser("log", parents=[person, as_json], help="log a practice session")
    log.add_argument("--skill", required=True, choices=[skill.option for skill in Skill])
    log.add_argument("--situation", required=True, help="where and with whom")
    log.add_argument("--before", required=True, help="confidence before, 0-10")
    log.add_argument("--after", required=True, help="confidence after, 0-10")
    log.add_argument("--preparation", default="", help="how you prepared")
    log.add_argument("--notes", default="")
    log.add_argument("--on", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    log.set_defaults(handler=run_practice_log)
    summary = actions.add_parser(
        "summary", parents=[person, as_json], help="sessions and average gain per skill"
    )
    summary.set_defaults(handler=run_practice_summary)
    _add_pitch(actions, person, as_json)


def _add_pitch(actions, person, as_json) -> None:
    pitch = actions.add_parser(
        "pitch",
        parents=[person, as_json],
        help='put together a "who I am and what I do" pitch and time it; --save keeps it',
        description=(
            'Each part finishes the words before it: --who "I\'m ...", --what "I ...", '
            '--for-whom "for ...", --proof "One example: ...", --ask "I\'d love to talk about '
            '...". Prints the draft and how long it takes to say; --text times your own wording.'
        ),
    )
    pitch.add_argument("--audience", default="", help="who it is for, e.g. a networking event")
    pitch.add_argument("--who", default="", help="who you are")
    pitch.add_argument("--what", default="", help="what you do")
    pitch.add_argument("--for-whom", dest="for_whom", default="", help="who you do it for")
    pitch.add_argument("--proof", default="", help="an example or result that shows it")
    pitch.add_argument("--ask", default="", help="what you would like to talk about")
    pitch.add_argument("--text", default="", help="the pitch in your own words, instead")
    pitch.add_argument("--save", action="store_true", help="keep it and print its id")
    pitch.set_defaults(handler=run_practice_pitch)
    pitches = actions.add_parser(
        "pitches", parents=[person, as_json], help="your saved pitches and how long each takes"
    )
    pitches.set_defaults(handler=run_practice_pitches)
    timed = actions.add_parser("time", parents=[as_json], help="how long a text takes to say aloud")
    timed.add_argument("source", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    timed.set_defaults(handler=run_practice_time)


# --- impulses (A2) --------------------------------------------------------------------------------


def run_impulse(args: argparse.Namespace) -> int:
    owner = acting_person(args.user)
    if args.text and (args.list or args.settle or args.ratio or args.target is not None):
        raise CommandError("Give either the text of a new impulse or an option, not both.")
    if args.list:
        return _list_impulses(owner, args.json)
    if args.settle:
        return _settle_impulse(owner, args)
    if args.ratio:
        return _print_ratios(owner, args.json)
    if args.target is not None:
        return _set_target(owner, args.target)
    if not (args.text or "").strip():
        raise CommandError('Say what the impulse is: hedgerow impulse "call Sam about the job".')
    return _capture(owner, args.text, args.json)


def _capture(owner, text: str, as_json: bool) -> int:
    from hedgerow.practice.services import capture_impulse, impulse_json

    impulse = capture_impulse(owner=owner, text=text)
    if as_json:
        print_json(impulse_json(impulse))
    else:
        print(f"Caught #{impulse.pk}. Decide later with: hedgerow impulse --settle {impulse.pk} …")
    return 0


def _list_impulses(owner, as_json: bool) -> int:
    from hedgerow.practice.access import impulses_of
    from hedgerow.practice.models import Impulse
    from hedgerow.practice.services import impulse_json

    open_ones = list(impulses_of(owner).filter(outcome=Impulse.Outcome.OPEN))
    if as_json:
        print_json([impulse_json(impulse) for impulse in open_ones])
        return 0
    for impulse in open_ones:
        print(f"#{impulse.pk}  {impulse.captured_at:%Y-%m-%d}  {impulse.text}")
    if not open_ones:
        print("No impulses waiting for a decision.")
    return 0


def _settle_impulse(owner, args: argparse.Namespace) -> int:
    from django.http import Http404

    from hedgerow.practice.access import impulse_of
    from hedgerow.practice.services import impulse_json, settle_impulse

    raw_id, raw_outcome = args.settle
    if not raw_id.isdigit():
        raise CommandError(
            f"{raw_id!r} is not an impulse id; `hedgerow impulse --list` shows them."
        )
    if raw_outcome not in DECIDED:
        raise CommandError(f"Outcome must be one of {', '.join(DECIDED)}, not {raw_outcome!r}.")
    outcome = from_option(ImpulseOutcome, raw_outcome)
    if outcome == "substituted" and not args.substitute.strip():
        raise CommandError("Say what you did instead: --substitute TEXT.")
    right = _yes_no(args.right)
    try:
        impulse = impulse_of(owner, int(raw_id))
    except Http404:
        raise CommandError(f"You have no impulse #{raw_id}.", status=1) from None
    settle_impulse(
        impulse=impulse,
        outcome=outcome,
        substitute=args.substitute,
        was_right=right,
        note=args.note,
    )
    if args.json:
        print_json(impulse_json(impulse))
    else:
        print(f"#{impulse.pk}: {impulse.get_outcome_display().lower()}.")
    return 0


def _yes_no(value: str | None) -> bool | None:
    if value is None:
        return None
    answer = {"yes": True, "no": False}.get(value.strip().lower())
    if answer is None:
        raise CommandError(f"--right takes yes or no, not {value!r}.")
    return answer


def _print_ratios(owner, as_json: bool) -> int:
    from hedgerow.practice.services import overall_ratio, target_ratio, weekly_ratios

    weeks = weekly_ratios(owner=owner)
    target = target_ratio(owner)
    overall = overall_ratio(weeks)
    if as_json:
        print_json(
            {
                "target": target,
                "overall": None if overall is None else round(overall, 4),
                "weeks": [week.as_json() for week in weeks],
            }
        )
        return 0
    print("Week of       acted  not  safer  open  ratio")
    for week in weeks:
        print(
            f"{week.start.isoformat()}  {week.acted:5}  {week.not_acted:3}  "
            f"{week.substituted:5}  {week.open:4}  {_percent(week.ratio):>5}"
        )
    print(f"\nLast {len(weeks)} weeks: {_percent(overall)} acted on; your target is {target:.0%}.")
    print(
        "Open impulses count once you decide; doing something safer instead counts as not acting."
    )
    return 0


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _set_target(owner, raw: str) -> int:
    from hedgerow.practice.services import set_action_target

    text = raw.strip().rstrip("%")
    if not text.isdigit():
        raise CommandError(f"--target takes a whole percentage from 0 to 100, not {raw!r}.")
    set_action_target(owner=owner, ratio=int(text) / 100)
    print(f"Your target is {int(text)}% of impulses acted on.")
    return 0


# --- accomplishments (V1) -------------------------------------------------------------------------


def run_accomplishment_add(args: argparse.Namespace) -> int:
    from hedgerow.practice.services import accomplishment_json, log_accomplishment

    owner = acting_person(args.user)
    done = log_accomplishment(
        owner=owner,
        what=args.what,
        impact=args.impact,
        beneficiaries=args.benefited,
        who_should_know=args.tell,
        on=args.on,
    )
    if args.json:
        print_json(accomplishment_json(done))
    else:
        print(f"Logged for {done.happened_on.isoformat()}: {done.what}")
    return 0


def run_accomplishment_update(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from hedgerow.practice.services import compose_update

    end: date = args.end or timezone.localdate()
    start: date = args.start or end - timedelta(days=27)
    update = compose_update(owner=acting_person(args.user), start=start, end=end)
    if args.json:
        print_json(
            {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "count": update.count,
                "tell": update.tell,
                "markdown": update.markdown,
                "text": update.text,
            }
        )
        return 0 if update.count else 1
    if not update.count:
        raise CommandError(
            f"Nothing logged from {start.isoformat()} to {end.isoformat()}; "
            'add some with `hedgerow accomplishment add "WHAT"`.',
            status=1,
        )
    print(update.markdown if args.format == "markdown" else update.text, end="")
    return 0


# --- practice sessions (C1) -----------------------------------------------------------------------


def run_practice_log(args: argparse.Namespace) -> int:
    from hedgerow.practice.services import log_practice, practice_session_json

    owner = acting_person(args.user)
    session = log_practice(
        owner=owner,
        skill=from_option(Skill, args.skill),
        situation=args.situation,
        before=_score(args.before, "--before"),
        after=_score(args.after, "--after"),
        preparation=args.preparation,
        notes=args.notes,
        on=args.on,
    )
    gain = session.confidence_after - session.confidence_before
    if args.json:
        print_json(practice_session_json(session))
    else:
        change = f"up {gain}" if gain > 0 else "steady" if gain == 0 else f"down {-gain}"
        print(f"Logged {session.get_skill_display().lower()} practice: confidence {change}.")
    return 0


def _score(raw: str, flag: str) -> int:
    """A whole number, as typed; whether it is 0 to 10 is the service's to say."""
    if not raw.strip().isdigit():
        raise CommandError(f"{flag} takes a whole number from 0 to 10, not {raw!r}.")
    return int(raw)


def run_practice_summary(args: argparse.Namespace) -> int:
    from hedgerow.practice.services import summarize_skills

    summaries = summarize_skills(acting_person(args.user))
    if args.json:
        print_json([summary.as_json() for summary in summaries])
        return 0
    for summary in summaries:
        gain = "-" if summary.average_gain is None else f"{summary.average_gain:+.1f}"
        last = summary.last_on.isoformat() if summary.last_on else "not yet"
        print(
            f"{summary.skill.replace('_', '-'):24} {summary.sessions:3} session(s)  "
            f"average gain {gain:>4}  last {last}"
        )
    return 0


# --- "who I am and what I do" (C1) ----------------------------------------------------------------

# As the pitch page says it: rule C1, an introduction gets about a minute of attention.
TOO_LONG = (
    "That is longer than the minute or so people listen to an introduction. "
    "Try keeping one example and one thing to talk about."
)


def run_practice_pitch(args: argparse.Namespace) -> int:
    from hedgerow.practice import services as practice

    parts = {
        "who_i_am": args.who,
        "what_i_do": args.what,
        "for_whom": args.for_whom,
        "proof": args.proof,
        "ask": args.ask,
    }
    if args.save:
        return _save_pitch(args, parts)
    # The same draft the page's "Put it together" makes; text of one's own wins, as on saving.
    text = args.text.strip() or practice.assemble_pitch(**parts)
    if not text:
        raise CommandError("The pitch is empty; give at least --who or --what.")
    length = practice.spoken_length(text)
    if args.json:
        print_json({"text": text, "spoken": practice.spoken_length_json(length)})
        return 0
    print(text, end="\n\n")
    _print_length(length, advise=True)
    print("Happy with it? Run the same again with --save to keep it.")
    return 0


def _save_pitch(args: argparse.Namespace, parts: dict[str, str]) -> int:
    from hedgerow.practice import services as practice

    owner = acting_person(args.user)
    try:
        pitch = practice.save_pitch(
            owner=owner,
            audience=args.audience,
            who_i_am=parts["who_i_am"],
            what_i_do=parts["what_i_do"],
            for_whom=parts["for_whom"],
            proof=parts["proof"],
            ask=parts["ask"],
            text=args.text,
        )
    except practice.InvalidInput as error:
        raise CommandError(str(error)) from None
    if args.json:
        print_json(practice.pitch_json(pitch))
        return 0
    print(f"Saved pitch #{pitch.pk}. Say it aloud once or twice; it gets easier.")
    _print_length(practice.spoken_length(pitch.text), advise=True)
    return 0


def _print_length(length, *, advise: bool) -> None:
    words = f"{length.words} word{'s' if length.words != 1 else ''}"
    if length.shortest != length.longest:
        words += f", {length.shortest}-{length.longest} seconds at 130-150 words a minute"
    print(f"Spoken, it takes {length.label} ({words}).")
    if advise and length.too_long:
        print(TOO_LONG)


def run_practice_pitches(args: argparse.Namespace) -> int:
    from hedgerow.practice import services as practice
    from hedgerow.practice.access import pitches_of

    pitches = list(pitches_of(acting_person(args.user)))
    if args.json:
        print_json([practice.pitch_json(pitch) for pitch in pitches])
        return 0
    if not pitches:
        print('No pitches yet. Try: hedgerow practice pitch --who "..." --what "..." --save')
    for pitch in pitches:
        length = practice.spoken_length(pitch.text)
        print(f"#{pitch.pk}  {pitch.audience or 'Any audience'}  ({length.label})")
        print(f"    {pitch.text}")
    return 0


def run_practice_time(args: argparse.Namespace) -> int:
    from hedgerow.practice import services as practice

    text = read_text_argument(args.source)
    length = practice.spoken_length(text)
    if not length.words:
        where = "standard input" if args.source == "-" else args.source
        raise CommandError(f"{where}: has no words to time.")
    if args.json:
        print_json(practice.spoken_length_json(length))
    else:
        _print_length(length, advise=False)
    return 0
