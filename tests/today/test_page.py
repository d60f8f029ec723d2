"""The Today page: a short queue, one Write per person, a compact menu, Undo, "Done for today"."""

from datetime import date, timedelta

import pytest

from hedgerow.accounts.services import profile_of
from hedgerow.network.models import AgendaAction, Interaction, Invitation
from tests.today.conftest import TODAY, at

pytestmark = pytest.mark.usefixtures("frozen")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def ana(owner, make_contact):
    return make_contact(owner, "Ana Ruiz", company="Lumen", position="CTO", connected=True)


def page(client, path="/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_it_welcomes_a_new_person_and_points_to_import(owner_client):
    html = page(owner_client)
    assert "Welcome to Hedgerow" in html
    assert 'href="/import/"' in html


def test_it_shows_a_person_once_with_every_reason_and_one_write(
    owner_client, ana, make_update, make_follow_up
):
    make_update(ana, url="https://example.com/post")
    invitation = make_follow_up(ana)

    html = page(owner_client)

    assert html.count('class="card person"') == 1
    assert "Accepted your invitation on 12 Mar 2026: a warm reply is due." in html
    assert "New position: Started as Head of Design at Lumen (noticed 10 Mar 2026)." in html
    assert 'href="https://example.com/post"' in html
    # Write opens the composer for the most pressing reason: the warm reply (N5).
    assert f'href="/coach/today/follow-up/{invitation.pk}/"' in html
    assert html.count(">Write<") == 1
    for action in ("wrote", "not-now", "skip"):
        assert f"/today/contacts/{ana.pk}/{action}/" in html
    assert "1 person to write to" in html


def test_it_keeps_the_queue_short_and_the_rest_behind_show_all(
    owner_client, owner, make_contact, make_update
):
    for n in range(12):
        make_update(make_contact(owner, f"Person {n:02}"), detected_on=date(2026, 3, 1 + n))

    html = page(owner_client)
    assert html.count('class="card person"') == 7
    assert "Show all (12)" in html

    everyone = page(owner_client, "/?all=1")
    assert everyone.count('class="card person"') == 12
    assert "12 people with a reason to hear from you" in everyone

    profile = profile_of(owner)
    profile.daily_queue = 3
    profile.save()
    assert page(owner_client).count('class="card person"') == 3


def test_it_pages_show_all_for_a_long_list(owner_client, owner, make_contact, make_update):
    for n in range(30):
        make_update(make_contact(owner, f"Person {n:02}"))

    first = page(owner_client, "/?all=1")
    second = page(owner_client, "/?all=1&page=2")

    assert first.count('class="card person"') == 25
    assert second.count('class="card person"') == 5
    assert "Page 2 of 2" in second


def test_it_says_done_for_today_with_what_was_sent_this_week(owner_client, ana, make_update):
    make_update(ana)
    owner_client.post(f"/today/contacts/{ana.pk}/wrote/", {"text": "Congratulations!"})

    html = page(owner_client)

    assert "Done for today" in html
    assert "This week you sent 1 note, to Ana Ruiz." in html
    assert 'class="card person"' not in html


def test_it_shows_invitations_and_growth_as_one_calm_line_each(owner_client, owner, ana):
    ana.connected, ana.connected_on = True, date(2026, 1, 5)
    ana.save()
    Invitation.objects.create(
        owner=owner,
        name="Dana Fox",
        direction=Invitation.Direction.OUTGOING,
        sent_at=at(TODAY - timedelta(days=40)),
    )

    html = page(owner_client)

    assert "1 invitation still waiting" in html
    assert "1 connection</a> · 1 new in the last 12 months." in html
    assert "Dana Fox" not in html  # the names are one click away
    network = page(owner_client, "/network/")
    assert "Dana Fox" in network and ">40<" in network
    assert '<th scope="row">Jan 2026</th><td class="num">1</td>' in network


def test_it_warns_before_a_second_note_within_two_weeks(
    owner_client, ana, make_update, make_interaction
):
    make_update(ana)
    make_interaction(ana, on=TODAY - timedelta(days=3))

    assert "You last wrote to Ana Ruiz 3 days ago" in page(owner_client)


def test_it_never_shows_someone_else_s_people(client, outsider, ana, make_update):
    make_update(ana, summary="A private update")
    client.force_login(outsider)

    html = page(client)

    assert "Ana Ruiz" not in html and "A private update" not in html


# --- the answers -----------------------------------------------------------------------------


def test_it_marks_someone_written_to_and_offers_undo_without_javascript(
    owner_client, ana, make_update
):
    update = make_update(ana)

    response = owner_client.post(
        f"/today/contacts/{ana.pk}/wrote/", {"text": "Congrats!", "on": "2026-03-15"}
    )

    assert response.status_code == 302 and response["Location"] == "/"
    update.refresh_from_db()
    assert update.acknowledged_on == TODAY
    note = Interaction.objects.get(contact=ana)
    assert note.text == "Congrats!" and note.occurred_at.date() == date(2026, 3, 15)
    html = page(owner_client)
    action = AgendaAction.objects.get()
    assert "Marked Ana Ruiz as written to." in html
    assert f'action="/today/actions/{action.pk}/undo/"' in html


def test_it_answers_htmx_with_the_queue_and_a_banner(owner_client, ana, make_update):
    make_update(ana)

    response = owner_client.post(f"/today/contacts/{ana.pk}/skip/", {"next": "/"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="queue"')
    assert "Skipped Ana Ruiz for now, without writing." in html
    assert "/undo/" in html and "Done for today" in html
    assert "<html" not in html


def test_it_sets_someone_aside_until_the_day_chosen(owner_client, ana, make_update):
    update = make_update(ana)

    owner_client.post(f"/today/contacts/{ana.pk}/not-now/", {"until": "next-month"})

    update.refresh_from_db()
    assert update.snoozed_until == date(2026, 4, 16)
    assert "Ana Ruiz comes back on 16 Apr 2026" in page(owner_client)


def test_it_takes_an_answer_back(owner_client, ana, make_update):
    update = make_update(ana)
    owner_client.post(f"/today/contacts/{ana.pk}/wrote/", {"text": "Hi"})
    action = AgendaAction.objects.get()

    response = owner_client.post(f"/today/actions/{action.pk}/undo/", **HTMX)

    assert "Undone: Ana Ruiz is back on Today as before." in response.content.decode()
    update.refresh_from_db()
    assert update.acknowledged_on is None
    assert not Interaction.objects.exists()
    assert 'class="card person"' in response.content.decode()


def test_it_says_what_is_wrong_and_changes_nothing(owner_client, ana, make_update):
    make_update(ana)

    future = owner_client.post(f"/today/contacts/{ana.pk}/wrote/", {"on": "2026-04-01"}, **HTMX)
    garbled = owner_client.post(f"/today/contacts/{ana.pk}/wrote/", {"on": "soon"}, **HTMX)
    no_choice = owner_client.post(f"/today/contacts/{ana.pk}/not-now/", {"until": "x"})

    assert "can&#x27;t be in the future" in future.content.decode()
    assert 'role="alert"' in future.content.decode()
    assert "When you wrote: Give the date as YYYY-MM-DD" in garbled.content.decode()
    assert no_choice.status_code == 302
    assert not Interaction.objects.exists() and not AgendaAction.objects.exists()


def test_it_returns_to_the_page_it_came_from_but_never_elsewhere(
    owner_client, owner, ana, make_contact, make_update
):
    bo = make_contact(owner, "Bo Chen")
    make_update(ana)
    make_update(bo)

    here = owner_client.post(f"/today/contacts/{ana.pk}/skip/", {"next": "/?all=1&page=1"})
    away = owner_client.post(f"/today/contacts/{bo.pk}/skip/", {"next": "https://example.com/"})

    assert here["Location"] == "/?all=1&page=1"
    assert away["Location"] == "/"


@pytest.mark.parametrize("action", ["wrote", "not-now", "skip"])
def test_it_gives_an_outsider_404_for_someone_else_s_people(
    client, outsider, ana, make_update, action
):
    update = make_update(ana)
    client.force_login(outsider)

    response = client.post(f"/today/contacts/{ana.pk}/{action}/", {"until": "tomorrow"})

    assert response.status_code == 404
    update.refresh_from_db()
    assert update.acknowledged_on is None and update.snoozed_until is None
    assert not Interaction.objects.exists()


def test_it_gives_an_outsider_404_for_someone_else_s_undo(client, owner_client, outsider, ana):
    owner_client.post(f"/today/contacts/{ana.pk}/wrote/")
    action = AgendaAction.objects.get()
    client.force_login(outsider)

    assert client.post(f"/today/actions/{action.pk}/undo/").status_code == 404
    assert Interaction.objects.count() == 1


def test_it_only_accepts_posts(owner_client, ana):
    assert owner_client.get(f"/today/contacts/{ana.pk}/wrote/").status_code == 405


def test_it_reads_twenty_people_in_as_many_queries_as_two(
    owner_client, owner, make_contact, make_update, make_follow_up, make_interaction
):
    """No query per person (issue 13's bench: 30,000 contacts): every reason, warning and
    calm line is read for the whole queue at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hedgerow.network.services import set_core

    def add_people(start: int, count: int) -> None:
        for n in range(start, start + count):
            person = make_contact(owner, f"Person {n:02}", connected=True)
            make_update(person, detected_on=date(2026, 3, 1 + n % 9))
            make_follow_up(person)
            make_interaction(person, TODAY - timedelta(days=1 + n % 10))  # a warning (N6)
            if n % 2:
                set_core(contact=person, on=date(2025, 1, 1))

    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            page(owner_client, path)
        return len(captured)

    add_people(0, 2)
    page(owner_client)  # the first look of the week chooses the week's suggestion (N10)
    few = queries("/"), queries("/?all=1")
    add_people(2, 18)
    many = queries("/"), queries("/?all=1")

    assert page(owner_client, "/?all=1").count('class="card person"') == 20
    assert many == few
