"""A year-old cohort's pages: the group feed and a Great Groups round, against the floor.

`python -m bench.groups [--members N]` builds a cohort in a home of its own (30 members by
default, each sharing a goal at week 49 with a check-in every week, two replies and a reaction on
each, and three closed rounds), then times the pages people open most, in this process, as
multiples of a signed-in page that reads next to nothing (the floor), and counts their queries.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from bench.today import median_ms

WEEKS = 48


def setup(home: Path) -> None:
    os.environ["HEDGEROW_HOME"] = str(home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build_cohort(members: int) -> tuple[int, int, int]:
    """The coach's id, the group's id and the latest round's id."""
    from django.utils import timezone

    from hedgerow.accounts.services import add_person
    from hedgerow.goals.models import CheckIn, Goal
    from hedgerow.groups import assessment, services
    from hedgerow.groups.models import Reaction, Reply

    today = timezone.localdate()
    start = today - timedelta(weeks=WEEKS, days=3)
    coach = add_person(username="coach")
    group = services.create_group(creator=coach, name="Cohort", start_date=start)
    lead = group.memberships.get(owner=coach)
    people = [coach]
    for index in range(members):
        person = add_person(username=f"member{index}")
        membership = services.accept_invite(
            invite=services.create_invite(membership=lead), person=person
        )
        goal = Goal.objects.create(owner=person, sentence=f"Goal {index}.", start_date=start)
        services.share_goal(membership=membership, goal=goal)
        people.append(person)
        checkins = CheckIn.objects.bulk_create(
            CheckIn(
                owner=person,
                goal=goal,
                week=week,
                did=f"Week {week}: a step forward.",
                progress=min(10, week // 5),
                confidence=6,
                recorded_on=start + timedelta(weeks=week - 1, days=5),
            )
            for week in range(1, WEEKS + 1)
        )
        moment = timezone.make_aware(datetime.combine(start, time(12)))
        CheckIn.objects.filter(goal=goal).update(created_at=moment)
        Reply.objects.bulk_create(
            Reply(owner=coach, group=group, checkin=c, kind=kind, text="Keep going.")
            for c in checkins
            for kind in ("encouragement", "insight")
        )
        Reaction.objects.bulk_create(
            Reaction(owner=coach, group=group, checkin=c, kind="cheer") for c in checkins
        )
    rnd = None
    for score in (2, 3, 4):
        rnd = assessment.open_round(membership=lead)
        for person in people:
            ratings = {str(n): (score + n + person.pk) % 5 + 1 for n in range(1, 16)}
            assessment.answer_round(rnd=rnd, person=person, ratings=ratings)
    assert rnd is not None
    return coach.pk, group.pk, rnd.pk


def count_queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.groups")
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hedgerow-bench-groups-") as home:
        setup(Path(home))
        coach_id, group_id, round_id = build_cohort(args.members)
        from django.contrib.auth import get_user_model
        from django.test import Client

        client = Client(HTTP_HOST="localhost")  # the hosts a server answers to, never "testserver"
        client.force_login(get_user_model().objects.get(pk=coach_id))
        pages = {
            "group feed (coach)": f"/groups/{group_id}/",
            "Great Groups round": f"/groups/rounds/{round_id}/",
            "rounds and trend": f"/groups/{group_id}/rounds/",
            "your groups": "/groups/",
        }
        floor = median_ms(lambda: client.get("/accounts/settings/"), args.runs)
        checkins = args.members * WEEKS
        print(f"Groups: a cohort of {args.members} members, {checkins:,} shared check-ins")
        print(f"  floor (a page that reads next to nothing): {floor:.1f} ms")
        for name, path in pages.items():
            ms = median_ms(lambda path=path: client.get(path), args.runs)
            queries = count_queries(client, path)
            print(f"  {name:<22} {ms:7.1f} ms  {ms / floor:5.1f}x floor  {queries:3d} queries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
