"""The private calendar feed: an .ics any calendar can subscribe to, without signing in, with
the day's people to write to, core contacts on the day they fall due, and the weekly check-ins;
stable UIDs, DTSTAMP, all-day dates; revocable; nothing of anyone else's."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from icalendar import Calendar

from hedgerow.cli import main
from hedgerow.reminders.models import ReminderSetting

pytestmark = pytest.mark.django_db


def events_of(response) -> dict[str, object]:
    feed = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in feed.walk("VEVENT")}


def test_it_serves_the_feed_without_sign_in(client, alice_week, mallory_week, feed_token):
    response = client.get(f"/calendar/{feed_token}.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert client.head(f"/calendar/{feed_token}.ics").status_code == 200  # some calendars ask first
    feed = Calendar.from_ical(response.content)
    assert str(feed["VERSION"]) == "2.0"
    assert str(feed["PRODID"]) == "-//Hedgerow//Reminders//EN"
    assert str(feed["X-WR-CALNAME"]) == "Hedgerow"
    assert "mallory" not in response.content.decode().lower()


def test_it_lists_todays_people_core_contacts_due_and_check_ins(client, alice_week, feed_token):
    ana, ben = alice_week

    events = events_of(client.get(f"/calendar/{feed_token}.ics"))

    today = events[f"note-{ana.pk}@127.0.0.1"]
    assert str(today["SUMMARY"]) == "Write to Ana Alicewords"
    assert today["DTSTART"].dt == date(2026, 11, 25)  # a date: an all-day event
    assert today["DTEND"].dt == date(2026, 11, 26)
    assert today["DTSTAMP"].dt == datetime.fromisoformat("2026-11-25T09:00:00+00:00")
    assert "Accepted your invitation on 23 Nov 2026: a warm reply is due." in str(
        today["DESCRIPTION"]
    )
    due = events[f"note-{ben.pk}@127.0.0.1"]
    assert str(due["SUMMARY"]) == "Time to catch up with Ben Okafor"
    assert due["DTSTART"].dt == date(2027, 1, 29)  # 75 days after they last met
    assert "You wanted to be in touch every 75 days; last in touch 15 Nov 2026." in str(
        due["DESCRIPTION"]
    )
    goal_id = ana.owner.goals.get().pk
    week3 = events[f"checkin-{goal_id}-3@127.0.0.1"]
    assert str(week3["SUMMARY"]) == "Goal check-in, week 3 of 50"
    assert (week3["DTSTART"].dt, week3["DTEND"].dt) == (date(2026, 11, 27), date(2026, 11, 30))
    assert "48 weeks to go, counting this one." in str(week3["DESCRIPTION"])
    assert f"checkin-{goal_id}-2@127.0.0.1" not in events  # checked in, and past
    assert f"checkin-{goal_id}-50@127.0.0.1" in events
    assert all(str(e.get("TRANSP")) == "TRANSPARENT" for e in events.values())


def test_it_keeps_each_uid_from_one_fetch_to_the_next(client, alice_week, feed_token):
    first = events_of(client.get(f"/calendar/{feed_token}.ics"))
    second = events_of(client.get(f"/calendar/{feed_token}.ics"))

    assert set(first) == set(second)
    assert len(first) == 2 + 48  # two people, and check-ins for weeks 3 to 50


def test_it_stops_an_address_that_was_switched_off_or_replaced(
    owner_client, client, alice_week, feed_token
):
    owner_client.post("/accounts/settings/reminders/calendar/")
    newer = ReminderSetting.objects.get(owner=alice_week[0].owner).calendar_token

    assert client.get(f"/calendar/{feed_token}.ics").status_code == 404
    assert client.get(f"/calendar/{newer}.ics").status_code == 200
    owner_client.post("/accounts/settings/reminders/calendar/revoke/")
    assert client.get(f"/calendar/{newer}.ics").status_code == 404
    assert client.get("/calendar/.ics").status_code == 404
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_it_shows_the_address_on_settings_with_copy_and_new(owner_client, feed_token):
    page = owner_client.get("/accounts/settings/").content.decode()

    assert f'value="http://127.0.0.1:8000/calendar/{feed_token}.ics" readonly' in page
    assert 'data-copy-field="calendar-address"' in page
    assert "Make a new address" in page and "Switch it off" in page


def test_it_offers_a_calendar_address_to_someone_without_one(owner_client):
    page = owner_client.get("/accounts/settings/").content.decode()

    assert "Make a calendar address" in page
    assert ".ics" not in page and 'id="calendar-address"' not in page


def test_it_prints_and_switches_the_address_from_the_cli(owner, capsys):
    assert main(["calendar"]) == 0
    token = ReminderSetting.objects.get(owner=owner).calendar_token
    assert f"http://127.0.0.1:8000/calendar/{token}.ics" in capsys.readouterr().out

    assert main(["calendar"]) == 0  # the same address again
    assert token in capsys.readouterr().out
    assert main(["calendar", "--new", "--json"]) == 0
    assert token not in capsys.readouterr().out
    assert main(["calendar", "--off"]) == 0
    assert ReminderSetting.objects.get(owner=owner).calendar_token == ""
