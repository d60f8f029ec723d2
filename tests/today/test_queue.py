"""Today's queue: the method's order, each person once with every reason, a daily number."""

from datetime import date, timedelta

import pytest

from hedgerow.accounts.services import profile_of
from hedgerow.network import agenda_actions
from hedgerow.today.compose import build_today
from hedgerow.today.queue import build_queue, sent_this_week
from tests.today.conftest import TODAY

pytestmark = pytest.mark.usefixtures("frozen")


def names(queue) -> list[str]:
    return [person.contact["name"] for person in queue.people]


@pytest.fixture
def everyone(owner, make_contact, make_update, make_follow_up, make_interaction):
    """One person for each kind of reason, and one with three reasons at once."""
    new = make_contact(owner, "Fay New")
    make_update(new, detected_on=date(2026, 3, 14))
    old = make_contact(owner, "Olly Old")
    make_update(old, detected_on=date(2026, 3, 2))
    core_update = make_contact(owner, "Cora Core", is_core=True, core_since=date(2026, 3, 1))
    make_update(core_update, summary="Posted about calm onboarding", kind="post")
    late = make_contact(owner, "Lee Late", is_core=True, core_since=date(2025, 1, 1))
    make_interaction(late, on=TODAY - timedelta(days=200))
    later = make_contact(owner, "Dee Due", is_core=True, core_since=date(2025, 1, 1))
    make_interaction(later, on=TODAY - timedelta(days=90))
    recent = make_contact(owner, "Ren Recent")
    make_follow_up(recent, accepted_on=date(2026, 3, 14))
    earlier = make_contact(owner, "Ed Earlier")
    make_follow_up(earlier, accepted_on=date(2026, 3, 1))
    many = make_contact(owner, "Max Many", is_core=True, core_since=date(2025, 1, 1))
    make_follow_up(many, accepted_on=date(2026, 3, 10))
    make_update(many, detected_on=date(2026, 3, 9))
    return owner


def test_it_orders_people_by_the_method_s_priorities(everyone):
    queue = build_queue(everyone, TODAY, suggestion=None, everyone=True)

    assert names(queue) == [
        "Ren Recent",  # N5 warm replies, newest acceptance first
        "Max Many",
        "Ed Earlier",
        "Cora Core",  # N1 updates from core contacts
        "Lee Late",  # N8 due, most overdue first
        "Dee Due",
        "Fay New",  # other updates, newest first
        "Olly Old",
    ]


def test_it_lists_each_person_once_with_every_reason(everyone):
    queue = build_queue(everyone, TODAY, suggestion=None, everyone=True)
    max_many = next(p for p in queue.people if p.contact["name"] == "Max Many")

    assert [reason.kind for reason in max_many.reasons] == ["follow-up", "update", "due"]
    summaries = [reason.summary for reason in max_many.reasons]
    assert summaries[0] == "Accepted your invitation on 10 Mar 2026: a warm reply is due."
    assert summaries[1] == (
        "New position: Started as Head of Design at Lumen (noticed 9 Mar 2026)."
    )
    assert summaries[2].startswith("Nothing logged since you made them core")


def test_it_holds_the_daily_number_and_counts_the_rest(everyone):
    queue = build_queue(everyone, TODAY, suggestion=None)

    assert len(queue.people) == 7 and queue.daily == 7
    assert queue.waiting == 8 and queue.more == 1

    profile = profile_of(everyone)
    profile.daily_queue = 3
    profile.save()
    assert names(build_queue(everyone, TODAY, suggestion=None)) == [
        "Ren Recent",
        "Max Many",
        "Ed Earlier",
    ]


def test_it_can_be_finished_today(everyone, make_contact):
    profile = profile_of(everyone)
    profile.daily_queue = 3
    profile.save()
    first = build_queue(everyone, TODAY, suggestion=None).people

    for person in first[:2]:
        contact = everyone.contacts.get(pk=person.contact["id"])
        agenda_actions.wrote(contact=contact)
    queue = build_queue(everyone, TODAY, suggestion=None)

    # Two answered: one place is left today, not two new faces (rule N6).
    assert names(queue) == ["Ed Earlier"]
    assert queue.answered_today == 2
    contact = everyone.contacts.get(name="Ed Earlier")
    agenda_actions.skip(contact=contact)
    done = build_queue(everyone, TODAY, suggestion=None)
    assert done.people == [] and done.waiting == 5


def test_it_says_who_was_written_to_this_week(everyone, make_contact, make_interaction):
    ana = make_contact(everyone, "Ana Ruiz")
    make_interaction(ana, on=TODAY)
    make_interaction(ana, on=TODAY - timedelta(days=1))  # Sunday: last week
    agenda_actions.wrote(contact=everyone.contacts.get(name="Ren Recent"))

    week = sent_this_week(everyone, TODAY)

    assert week.notes == 2
    assert week.who == "Ren Recent and Ana Ruiz"  # in the order they were written to


def test_it_gives_scripts_the_queue_with_its_reasons_and_actions(everyone):
    today = build_today(everyone, TODAY)

    entry = today["queue"][0]
    assert list(entry) == ["contact", "reasons", "actions"]
    contact_id = entry["contact"]["id"]
    assert entry["reasons"] == [
        {
            "kind": "follow-up",
            "summary": "Accepted your invitation on 14 Mar 2026: a warm reply is due.",
            "item_id": today["follow_ups"][-1]["id"],
        }
    ]
    assert entry["actions"] == [
        {
            "name": "write",
            "label": "Write",
            "method": "GET",
            "path": f"/api/v1/coach/draft?occasion=follow-up&contact_id={contact_id}",
        },
        {
            "name": "wrote",
            "label": "I already wrote",
            "method": "POST",
            "path": f"/api/v1/today/contacts/{contact_id}/wrote",
        },
        {
            "name": "not-now",
            "label": "Not now",
            "method": "POST",
            "path": f"/api/v1/today/contacts/{contact_id}/not-now",
        },
        {
            "name": "skip",
            "label": "Skip",
            "method": "POST",
            "path": f"/api/v1/today/contacts/{contact_id}/skip",
        },
    ]
    assert len(today["queue"]) == 7
    assert len(today["updates"]) == 4  # the agenda's own keys still list everything


def test_it_never_lists_someone_else_s_people(everyone, outsider):
    assert build_queue(outsider, TODAY, suggestion=None, everyone=True).people == []


def suggested(contact) -> dict:
    return {
        "id": contact.pk,
        "name": contact.name,
        "emails": [],
        "score": 3.2,
        "explanation": "21 emails both ways 2024-2026, last in February",
        "evidence": {"sent": 11, "received": 10, "meetings": 0, "first_on": "", "last_on": ""},
    }


def test_it_keeps_the_last_place_for_the_week_s_suggestion(everyone, make_contact):
    sam = make_contact(everyone, "Sam Maybe", company="Harbor")

    queue = build_queue(everyone, TODAY, suggestion=suggested(sam))

    assert len(queue.people) == 7 and queue.waiting == 9
    last = queue.people[-1]
    assert last.contact["name"] == "Sam Maybe"
    assert last.reasons[0].summary == (
        "Someone you may know, not yet a connection: 21 emails both ways 2024-2026, "
        "last in February."
    )
    assert last.occasion == "invitation"
    assert last.write_url == f"/coach/contacts/{sam.pk}/invitation/"
    assert last.as_json()["actions"][0]["path"].endswith(f"occasion=invitation&contact_id={sam.pk}")


def test_it_leaves_someone_answered_today_alone_until_tomorrow(everyone, make_update):
    ren = everyone.contacts.get(name="Ren Recent")
    agenda_actions.skip(contact=ren)
    make_update(ren, detected_on=TODAY)  # news about them the same day

    assert "Ren Recent" not in names(build_queue(everyone, TODAY, suggestion=None, everyone=True))
    tomorrow = TODAY + timedelta(days=1)
    assert "Ren Recent" in names(build_queue(everyone, tomorrow, suggestion=None, everyone=True))


def test_it_drops_the_suggestion_once_answered_today(everyone, make_contact):
    sam = make_contact(everyone, "Sam Maybe")
    agenda_actions.wrote(contact=sam)

    queue = build_queue(everyone, TODAY, suggestion=suggested(sam))

    assert "Sam Maybe" not in names(queue)
