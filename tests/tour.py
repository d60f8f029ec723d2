"""Every page of Hedgerow, with the demo's data and a few hard cases added, for the whole-product
checks: the browser tour (tests/browser/test_every_page.py, `make screenshots`) and the date scan.

The demo is the lived-in account `make run` serves; on top of it come the things that break a
layout: a very long name and job title, an import with a very long file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

USERNAME = "demo"
PASSWORD = "a-long-pass-phrase"
LONG_FILE = (
    "google-contacts-export-from-the-old-work-laptop-before-the-move-to-lisbon-"
    "final-version-2-really-final.csv"
)
LONG_NAME = ("Maria-Fernanda", "Castellanos-Villalobos de la Torre Wojciechowska")
LONG_CSV = (
    "First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value,Labels\r\n"
    f"{LONG_NAME[0]},{LONG_NAME[1]},"
    "International Federation of Sustainable Infrastructure Investment Cooperatives,"
    "Principal Programme Director for Cross-Border Renewable Transmission Partnerships,"
    "maria.fernanda.castellanos.villalobos.de.la.torre@sustainable-infrastructure.example.org,"
    "friends-from-the-lisbon-conference-two-thousand-twenty-four\r\n"
    "Ngozi,Okonkwo-Adeyemi,Lagos Health Tech,Engineer,ngozi@example.org,\r\n"
)


@dataclass(frozen=True)
class Stop:
    """One page of the tour: a short name (the screenshot's file name) and its address."""

    name: str
    path: str
    status: int = 200


def seed(*, password: str = PASSWORD) -> Any:
    """The demo person and everything `hedgerow demo` loads, plus the hard cases above."""
    from hedgerow.goals.demo import load_goal_demo
    from hedgerow.groups.demo import load_group_demo
    from hedgerow.network.demo import load_demo
    from hedgerow.network.services import import_saved_file, save_upload
    from hedgerow.practice.demo import load_practice_demo

    person = load_demo(username=USERNAME, password=password)
    load_goal_demo(person)
    load_practice_demo(person)
    load_group_demo(person)
    saved = save_upload(
        owner=person, file_name=LONG_FILE, chunks=[LONG_CSV.encode()], keep_message_text=False
    )
    import_saved_file(owner=person, source="google-csv", path=saved)
    return person


def stops(person: Any) -> list[Stop]:
    """Every page a signed-in person can open, with the demo's own records filled in."""
    from hedgerow.groups.models import Membership, Question, Round
    from hedgerow.network.access import contacts_of
    from hedgerow.network.models import ImportRun, Update
    from hedgerow.practice.models import Pitch

    long_named = contacts_of(person).get(last_name=LONG_NAME[1])
    core = contacts_of(person).filter(is_core=True).order_by("pk").first()
    assert core is not None, "the demo has core contacts"
    update = Update.objects.filter(owner=person, acknowledged_on__isnull=True)
    update = update.order_by("-detected_on", "pk")[0]
    run = ImportRun.objects.filter(owner=person, file_name=LONG_FILE).get()
    memberships = Membership.objects.filter(owner=person).select_related("group")
    led = memberships.filter(role__in=Membership.LEAD_ROLES).order_by("pk").first()
    member = memberships.exclude(role__in=Membership.LEAD_ROLES).order_by("pk").first()
    assert led is not None and member is not None, "the demo leads one group and joins another"
    closed = Round.objects.filter(group=member.group, closed_at__isnull=False).order_by("pk")[0]
    still_open = Round.objects.filter(group=member.group, closed_at__isnull=True).order_by("pk")[0]
    question = Question.objects.filter(group=led.group).order_by("pk")[0]
    pitch = Pitch.objects.filter(owner=person).order_by("pk")[0]
    circle, guild = member.group.pk, led.group.pk
    return [
        Stop("today", "/"),
        Stop("today-all", "/today/?all=1"),
        Stop("network", "/network/"),
        Stop("contacts", "/contacts/"),
        Stop("contacts-overdue", "/contacts/?show=overdue&sort=-last"),
        Stop("contact-long-name", f"/contacts/{long_named.pk}/"),
        Stop("contact-core", f"/contacts/{core.pk}/"),
        Stop("composer", f"/coach/contacts/{core.pk}/keep-in-touch/"),
        Stop("composer-update", f"/coach/today/update/{update.pk}/"),
        Stop("review", "/import/review/"),
        Stop("suggestions", "/people-you-may-know/"),
        Stop("imports", "/import/"),
        Stop("import-long-file-name", f"/import/{run.pk}/"),
        Stop("import-undo", f"/import/{run.pk}/undo/"),
        Stop("goal", "/goal/"),
        Stop("goal-new", "/goal/new/"),
        Stop("goal-commitment", "/goal/commitment/"),
        Stop("goal-value", "/goal/value/"),
        Stop("goal-recon", "/goal/recon/"),
        Stop("goal-strategy", "/goal/strategy/"),
        Stop("goal-execution", "/goal/execution/"),
        Stop("goal-checkin", "/goal/checkin/"),
        Stop("practice", "/practice/"),
        Stop("practice-aspiration", "/practice/aspiration/"),
        Stop("practice-impulses", "/practice/impulses/"),
        Stop("practice-visibility", "/practice/visibility/"),
        Stop("practice-skills", "/practice/skills/"),
        Stop("practice-pitch-new", "/practice/pitches/new/"),
        Stop("practice-pitch", f"/practice/pitches/{pitch.pk}/"),
        Stop("groups", "/groups/"),
        Stop("groups-digest", "/groups/digest/"),
        Stop("group-circle", f"/groups/{circle}/"),
        Stop("group-members", f"/groups/{circle}/members/"),
        Stop("group-rounds", f"/groups/{circle}/rounds/"),
        Stop("group-round-results", f"/groups/rounds/{closed.pk}/"),
        Stop("group-round-open", f"/groups/rounds/{still_open.pk}/"),
        Stop("group-leave", f"/groups/{circle}/leave/"),
        Stop("group-guild", f"/groups/{guild}/"),
        Stop("group-guild-settings", f"/groups/{guild}/settings/"),
        Stop("group-questions", f"/groups/{guild}/questions/"),
        Stop("group-question", f"/groups/questions/{question.pk}/"),
        Stop("settings", "/accounts/settings/"),
        Stop("password", "/accounts/password/"),
        Stop("api-docs", "/api/v1/docs"),
        Stop("error-404", "/contacts/999999999/", status=404),
        Stop("error-403", f"/groups/{circle}/settings/", status=403),
    ]


# Dates in any style but ours ("7 Nov 2026", "Nov 2026"): ISO dates, Django's default English
# ("Nov. 7, 2026", "November 7, 2026"), numeric ones ("07/11/2026", "11/7/26").
OTHER_DATE_STYLES = re.compile(
    r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-]|\.\w)"  # not in a file name: linkedin-2026-11-07.zip
    r"|(?<![\w-])\d{4}-\d{2}(?![\w-]|\.\w)"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December) "
    r"\d{4}\b"
)


def other_date_styles(text: str) -> list[str]:
    """Every date written in another style than the interface's own, leaving out the people's own
    words: a goal sentence says "by October 2027" as its writer put it."""
    from hedgerow.goals.models import Goal

    for sentence in Goal.objects.values_list("sentence", flat=True):
        text = text.replace(sentence, "")
    return [match.group(0) for match in OTHER_DATE_STYLES.finditer(text)]
