from datetime import date, timedelta

import pytest

from hedgerow.network.models import ContactEmail, Interaction, Invitation, Update
from tests.network.views.conftest import TODAY, at

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def ana(owner, make_contact):
    contact = make_contact(
        owner,
        "Ana Ruiz",
        company="Lumen",
        position="Designer",
        linkedin_url="https://www.linkedin.com/in/ana-ruiz",
        connected=True,
        connected_on=date(2024, 1, 15),
    )
    ContactEmail.objects.create(owner=owner, contact=contact, email="ana@example.org")
    return contact


def test_it_shows_details_and_a_timeline_newest_first(
    owner_client, ana, make_update, make_interaction
):
    make_interaction(ana, on=date(2026, 2, 1), text="Asked about the launch")
    make_update(ana, summary="Shared a talk on type", detected_on=date(2026, 3, 1))
    Invitation.objects.create(
        owner_id=ana.owner_id,
        contact=ana,
        name=ana.name,
        direction="outgoing",
        sent_at=at(date(2024, 1, 10)),
        status="accepted",
        accepted_on=date(2024, 1, 15),
        note="Great working with you on Atlas",
    )

    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    assert "ana@example.org" in html
    assert 'href="https://www.linkedin.com/in/ana-ruiz"' in html
    assert "Connected since 15 Jan 2024" in html
    story = ["Shared a talk on type", "Asked about the launch", "Great working with you on Atlas"]
    positions = [html.index(text) for text in story]
    assert positions == sorted(positions)


def test_it_caps_the_timeline_and_offers_more(owner_client, ana, make_interaction):
    for n in range(60):
        make_interaction(ana, on=TODAY - timedelta(days=n + 1), text=f"Message {n}")

    first = owner_client.get(f"/contacts/{ana.pk}/").content.decode()
    more = owner_client.get(f"/contacts/{ana.pk}/?entries=100").content.decode()

    assert "Message 49" in first and "Message 50" not in first
    assert "?entries=100" in first
    assert "Message 59" in more


def test_it_shows_a_days_messages_as_one_conversation(owner_client, ana, make_interaction):
    day = date(2026, 2, 1)
    for direction in ("outgoing", "incoming", "outgoing"):
        make_interaction(ana, on=day, direction=direction)
    make_interaction(ana, on=day, text="Kept: the bit about her new team")
    make_interaction(ana, on=date(2026, 1, 5), kind="call")

    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    assert "3 messages (2 from you, 1 from them)" in html
    assert "Kept: the bit about her new team" in html
    assert "Call from you" in html


def test_it_offers_todays_menu_and_no_other_way_to_say_i_wrote(owner_client, ana):
    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    # One way to say "I wrote" (issue 13): the same compact menu as Today, nothing beside it.
    assert f'action="/today/contacts/{ana.pk}/wrote/"' in html
    assert f'formaction="/today/contacts/{ana.pk}/not-now/"' in html
    assert f'formaction="/today/contacts/{ana.pk}/skip/"' in html
    assert f'name="next" value="/contacts/{ana.pk}/"' in html
    for old in ("Log an interaction", "Log it", "Save a note you sent", "I got in touch"):
        assert old not in html
    assert owner_client.post(f"/contacts/{ana.pk}/log/", {"kind": "call"}).status_code == 404


def test_it_records_a_meeting_through_i_already_wrote_and_comes_back(owner_client, ana):
    response = owner_client.post(
        f"/today/contacts/{ana.pk}/wrote/",
        {"kind": "meeting", "on": "2026-03-12", "text": "Lunch", "next": f"/contacts/{ana.pk}/"},
        follow=True,
    )

    assert response.redirect_chain == [(f"/contacts/{ana.pk}/", 302)]
    meeting = Interaction.objects.get(contact=ana)
    assert (meeting.kind, meeting.direction, meeting.text) == ("meeting", "outgoing", "Lunch")
    html = response.content.decode()
    assert "Marked Ana Ruiz as written to." in html
    assert "Undo" in html and "Lunch" in html


def test_it_records_a_message_when_how_is_not_said(owner_client, ana):
    owner_client.post(f"/today/contacts/{ana.pk}/wrote/", {"next": f"/contacts/{ana.pk}/"})

    assert Interaction.objects.get(contact=ana).kind == "message"


def test_it_says_what_is_wrong_with_i_already_wrote_and_logs_nothing(owner_client, ana):
    response = owner_client.post(
        f"/today/contacts/{ana.pk}/wrote/",
        {"kind": "carrier pigeon", "on": "2026-03-12", "next": f"/contacts/{ana.pk}/"},
        follow=True,
    )

    assert response.redirect_chain == [(f"/contacts/{ana.pk}/", 302)]
    assert "How you were in touch: choose one from the list." in response.content.decode()
    assert not Interaction.objects.exists()


def test_it_offers_they_got_in_touch_in_the_same_menu_in_a_form_of_its_own(owner_client, ana):
    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    menu = html[
        html.index('<details class="menu">') : html.index(
            "</details>", html.index('<details class="menu">')
        )
    ]
    assert "<legend>They got in touch</legend>" in menu
    assert f'<form id="heard-{ana.pk}" method="post" action="/contacts/{ana.pk}/heard/">' in menu
    # Its fields and button belong to that form, so Enter there never says "I already wrote".
    for field in ("text", "on", "kind"):
        assert f'name="{field}" ' in menu and f'id="heard-{field}-{ana.pk}"' in menu
    assert menu.count(f'form="heard-{ana.pk}"') == 4
    heard_kinds = menu[menu.index(f'id="heard-kind-{ana.pk}"') :].split("</select>")[0]
    assert 'value="meeting"' in heard_kinds and 'value="note"' not in heard_kinds


def test_it_records_that_they_got_in_touch_through_the_cli_and_api_service(owner_client, ana):
    response = owner_client.post(
        f"/contacts/{ana.pk}/heard/",
        {"text": "Asked if I'm free for coffee", "on": "2026-03-12", "kind": "email"},
        follow=True,
    )

    assert response.redirect_chain == [(f"/contacts/{ana.pk}/", 302)]
    heard = Interaction.objects.get(contact=ana)
    assert (heard.kind, heard.direction, heard.text) == (
        "email",
        "incoming",
        "Asked if I'm free for coffee",
    )
    assert heard.occurred_at.date() == date(2026, 3, 12)
    html = response.content.decode()
    assert "Saved: Ana Ruiz got in touch (email, 12 Mar 2026)." in html
    assert "Email from them" in html and "Asked if I&#x27;m free for coffee" in html
    assert "12 Mar 2026" in html[html.index(">Last in touch<") :]


def test_it_records_a_message_today_when_they_got_in_touch_and_nothing_more_is_said(
    owner_client, ana, make_interaction
):
    make_interaction(ana, on=TODAY - timedelta(days=2))  # your note, unanswered until now

    owner_client.post(f"/contacts/{ana.pk}/heard/", {})

    heard = Interaction.objects.get(contact=ana, direction="incoming")
    assert heard.kind == "message" and heard.occurred_at.date() == TODAY
    assert "You last wrote" not in owner_client.get(f"/contacts/{ana.pk}/").content.decode()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"kind": "note"}, "How they got in touch: choose one from the list."),
        ({"on": "2026-03-17"}, "That date is in the future; save it once it has happened."),
        ({"on": "last Tuesday"}, "When they got in touch: Give the date as YYYY-MM-DD"),
    ],
)
def test_it_says_what_is_wrong_with_they_got_in_touch_and_logs_nothing(
    owner_client, ana, data, problem
):
    response = owner_client.post(f"/contacts/{ana.pk}/heard/", data, follow=True)

    assert response.redirect_chain == [(f"/contacts/{ana.pk}/", 302)]
    assert problem in response.content.decode()
    assert not Interaction.objects.exists()


def test_it_warns_before_and_after_a_second_unanswered_note(owner_client, ana, make_interaction):
    make_interaction(ana, on=TODAY - timedelta(days=2))

    before = owner_client.get(f"/contacts/{ana.pk}/").content.decode()
    after = owner_client.post(
        f"/today/contacts/{ana.pk}/wrote/",
        {"kind": "email", "on": "2026-03-16", "next": f"/contacts/{ana.pk}/"},
        follow=True,
    )

    assert "You last wrote to Ana Ruiz 2 days ago" in before
    assert "message-warning" in after.content.decode()


def test_it_does_not_warn_once_they_have_replied(owner_client, ana, make_interaction):
    make_interaction(ana, on=TODAY - timedelta(days=4))
    make_interaction(ana, on=TODAY - timedelta(days=2), direction="incoming")

    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    assert "You last wrote" not in html


def test_it_records_an_update_seen_elsewhere(owner_client, ana):
    owner_client.post(
        f"/contacts/{ana.pk}/update/",
        {"kind": "post", "summary": "Wrote about calm software", "url": "example.org/post"},
    )

    update = Update.objects.get(contact=ana)
    assert (update.kind, update.summary) == ("post", "Wrote about calm software")
    assert update.url == "https://example.org/post"
    assert update.detected_on == TODAY
    assert "Wrote about calm software" in owner_client.get("/").content.decode()


def test_it_makes_a_contact_core_and_shows_the_next_due_date(owner_client, ana):
    owner_client.post(f"/contacts/{ana.pk}/core/", {"is_core": "on", "cadence_days": "60"})

    ana.refresh_from_db()
    assert ana.is_core and ana.cadence_days == 60 and ana.core_since == TODAY
    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()
    assert "15 May 2026" in html  # 16 March + 60 days


def test_it_refuses_a_cadence_outside_30_to_180_days(owner_client, ana):
    response = owner_client.post(
        f"/contacts/{ana.pk}/core/", {"is_core": "on", "cadence_days": "7"}
    )

    assert response.status_code == 400
    assert b"between 30 and 180 days" in response.content
    ana.refresh_from_db()
    assert not ana.is_core


def test_it_saves_notes_and_tags(owner_client, ana):
    owner_client.post(
        f"/contacts/{ana.pk}/notes/", {"notes": "Met at Config", "tags": "design, mentor, "}
    )

    ana.refresh_from_db()
    assert ana.notes == "Met at Config"
    assert sorted(t.name for t in ana.tags.all()) == ["design", "mentor"]


@pytest.mark.parametrize("suffix", ["", "log/", "heard/", "update/", "core/", "notes/"])
def test_it_gives_an_outsider_404(client, outsider, ana, suffix):
    client.force_login(outsider)
    data = {"kind": "message", "direction": "outgoing", "on": "2026-03-12", "summary": "x"}
    data |= {"cadence_days": "60", "is_core": "on", "notes": "mine now"}

    response = (
        client.post(f"/contacts/{ana.pk}/{suffix}", data)
        if suffix
        else client.get(f"/contacts/{ana.pk}/")
    )

    assert response.status_code == 404
    ana.refresh_from_db()
    assert not ana.is_core and ana.notes == ""
    assert not Interaction.objects.exists() and not Update.objects.exists()


def test_it_puts_the_actions_in_one_place_then_notes_then_the_timeline(
    owner_client, ana, make_interaction
):
    ana.notes = "Met at the Lisbon design week; loves sailing."
    ana.save()
    make_interaction(ana, on=date(2026, 2, 1), text="Asked about the launch")

    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    order = ["Write", "I already wrote", "Note an update", "Your notes", "Timeline", "Details"]
    positions = [html.index(f">{label}<") for label in order]
    assert positions == sorted(positions)
    assert "loves sailing" in html
    for occasion in ("keep-in-touch", "acknowledgement", "follow-up", "invitation"):
        assert f"/coach/contacts/{ana.pk}/{occasion}/" in html
