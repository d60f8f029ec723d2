"""LinkedIn exports of every vintage (issue 9), on fixtures we wrote to reproduce each class.

tests/fixtures/linkedin/namesakes-2021  no URL column (2019 to early 2023): two John Smiths, two
                                        identical Maria Lopez rows, three hidden members.
tests/fixtures/linkedin/namesakes-2022  the same person a year on: the Intel John Smith moved to
                                        AMD; rows in another order.
"""

from __future__ import annotations

from pathlib import Path

import time_machine

from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.models import Contact, Update
from tests.network.importers.test_linkedin import snapshot

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "linkedin"
DAY = "2026-11-12 09:00:00+00:00"
LATER = "2027-01-12 09:00:00+00:00"


def run(owner, path: Path, day: str = DAY, **kwargs):
    with time_machine.travel(day, tick=False):
        return import_linkedin(owner=owner, path=path, **kwargs)


def test_it_keeps_namesakes_apart_without_urls(owner):
    summary = run(owner, FIXTURES / "namesakes-2021")

    johns = Contact.objects.filter(owner=owner, name="John Smith").order_by("connected_on")
    assert [(j.company, str(j.connected_on)) for j in johns] == [
        ("Intel", "2019-03-12"),
        ("Sprout Labs", "2020-11-04"),
    ]
    assert Contact.objects.filter(owner=owner, name="Maria Lopez").count() == 2
    assert summary.counts["contacts_created"] == 5


def test_it_changes_nothing_when_an_export_without_urls_comes_again(owner):
    run(owner, FIXTURES / "namesakes-2021")
    before = snapshot(owner)

    summary = run(owner, FIXTURES / "namesakes-2021", day=LATER)

    assert snapshot(owner) == before
    assert summary.counts["updates_created"] == 0
    assert summary.counts["contacts_unchanged"] == 5


def test_it_sees_one_namesakes_new_job_by_the_date_you_connected(owner):
    run(owner, FIXTURES / "namesakes-2021")

    summary = run(owner, FIXTURES / "namesakes-2022", day=LATER)

    update = Update.objects.get(owner=owner)
    assert update.contact.connected_on.isoformat() == "2019-03-12"
    assert update.summary == "Now Senior Process Engineer at AMD (was Process Engineer at Intel)"
    assert summary.counts["no_longer_connected"] == 0
    assert Contact.objects.filter(owner=owner, name="John Smith").count() == 2


def test_it_counts_hidden_members_in_one_note(owner):
    summary = run(owner, FIXTURES / "namesakes-2021")

    assert summary.problems == []
    assert (
        "3 members hide their details from exports; LinkedIn leaves their rows blank, so they "
        "are not among your contacts."
    ) in summary.notes
