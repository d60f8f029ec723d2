"""Acting on Today's items: write a note, mark done, snooze, log — with htmx and without."""

from datetime import date, timedelta

import pytest

from hedgerow.network.models import Interaction
from tests.network.views.conftest import TODAY

pytestmark = pytest.mark.usefixtures("frozen")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def ana(owner, make_contact):
    return make_contact(owner, "Ana Ruiz", company="Lumen")


def test_it_marks_an_update_done(owner_client, ana, make_update):
    update = make_update(ana)

    response = owner_client.post(f"/today/update/{update.pk}/done/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    update.refresh_from_db()
    assert update.acknowledged_on == TODAY
    assert "Started as Head of Design" not in owner_client.get("/").content.decode()


def test_it_answers_htmx_with_the_settled_item(owner_client, ana, make_update):
    update = make_update(ana)

    response = owner_client.post(f"/today/update/{update.pk}/done/", **HTMX)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="item-update-{update.pk}"' in html
    assert "Marked done." in html


def test_it_logs_a_note_and_settles_the_update(owner_client, ana, make_update):
    update = make_update(ana)

    owner_client.post(
        f"/today/update/{update.pk}/note/", {"text": "Congratulations! How is it going?"}
    )

    update.refresh_from_db()
    assert update.acknowledged_on == TODAY
    note = Interaction.objects.get(contact=ana)
    assert note.kind == "message"
    assert note.direction == "outgoing"
    assert note.text == "Congratulations! How is it going?"


def test_it_asks_for_words_before_saving_an_empty_note(owner_client, ana, make_update):
    update = make_update(ana)

    response = owner_client.post(f"/today/update/{update.pk}/note/", {"text": "  "}, **HTMX)

    assert response["HX-Retarget"] == f"#errors-update-{update.pk}"
    assert b"Write a few words first" in response.content
    update.refresh_from_db()
    assert update.acknowledged_on is None
    assert not Interaction.objects.exists()


def test_it_settles_a_follow_up_with_a_warm_reply(owner_client, ana, make_follow_up):
    invitation = make_follow_up(ana)

    owner_client.post(f"/today/follow-up/{invitation.pk}/note/", {"text": "Thanks! Coffee?"})

    invitation.refresh_from_db()
    assert invitation.replied_on == TODAY


def test_it_marks_a_follow_up_done(owner_client, ana, make_follow_up):
    invitation = make_follow_up(ana)

    owner_client.post(f"/today/follow-up/{invitation.pk}/done/")

    invitation.refresh_from_db()
    assert invitation.replied_on == TODAY
    assert not Interaction.objects.exists()


def test_it_treats_done_on_a_due_contact_as_getting_in_touch(owner_client, owner, make_contact):
    cleo = make_contact(owner, "Cleo Park", is_core=True, core_since=date(2025, 1, 1))

    owner_client.post(f"/today/due/{cleo.pk}/done/")

    logged = Interaction.objects.get(contact=cleo)
    assert logged.kind == "message"
    assert f"/today/due/{cleo.pk}/done/" not in owner_client.get("/").content.decode()


def test_it_logs_an_interaction_of_any_kind(owner_client, ana, make_update):
    update = make_update(ana)

    owner_client.post(
        f"/today/update/{update.pk}/log/",
        {"kind": "call", "direction": "mutual", "on": "2026-03-14", "text": "Caught up"},
    )

    call = Interaction.objects.get(contact=ana)
    assert (call.kind, call.direction, call.text) == ("call", "mutual", "Caught up")
    assert call.occurred_at.date() == date(2026, 3, 14)
    update.refresh_from_db()
    assert update.acknowledged_on == TODAY


def test_it_refuses_a_date_in_the_future(owner_client, ana, make_update):
    update = make_update(ana)

    owner_client.post(
        f"/today/update/{update.pk}/log/",
        {"kind": "call", "direction": "outgoing", "on": "2026-04-01"},
    )

    assert not Interaction.objects.exists()


def test_it_shows_the_gentle_warning_after_a_second_note(
    owner_client, ana, make_update, make_interaction
):
    update = make_update(ana)
    make_interaction(ana, on=TODAY - timedelta(days=5))

    response = owner_client.post(
        f"/today/update/{update.pk}/note/", {"text": "Also, congrats!"}, follow=True
    )

    html = response.content.decode()
    assert "Your note to Ana Ruiz is logged." in html
    assert "You last wrote to Ana Ruiz 5 days ago" in html
    assert "message-warning" in html


def test_it_shows_the_warning_in_the_htmx_answer_too(
    owner_client, ana, make_update, make_interaction
):
    update = make_update(ana)
    make_interaction(ana, on=TODAY - timedelta(days=5))

    response = owner_client.post(f"/today/update/{update.pk}/note/", {"text": "Hi!"}, **HTMX)

    assert b"You last wrote to Ana Ruiz 5 days ago" in response.content


def test_it_hides_a_snoozed_update_until_the_date(owner_client, ana, make_update, frozen):
    update = make_update(ana)

    owner_client.post(f"/today/update/{update.pk}/snooze/", {"days": "7"})

    update.refresh_from_db()
    assert update.snoozed_until == TODAY + timedelta(days=7)
    assert "Started as Head of Design" not in owner_client.get("/").content.decode()
    frozen.shift(timedelta(days=7))
    assert "Started as Head of Design" in owner_client.get("/").content.decode()


def test_it_snoozes_follow_ups_and_due_contacts_for_a_month(
    owner_client, owner, ana, make_contact, make_follow_up
):
    invitation = make_follow_up(ana)
    cleo = make_contact(owner, "Cleo Park", is_core=True, core_since=date(2025, 1, 1))

    owner_client.post(f"/today/follow-up/{invitation.pk}/snooze/", {"days": "30"})
    owner_client.post(f"/today/due/{cleo.pk}/snooze/", {"days": "30"})

    invitation.refresh_from_db()
    cleo.refresh_from_db()
    assert invitation.snoozed_until == TODAY + timedelta(days=30)
    assert cleo.due_snoozed_until == TODAY + timedelta(days=30)


def test_it_returns_to_the_page_it_came_from_but_never_elsewhere(owner_client, ana, make_update):
    first, second = make_update(ana), make_update(ana)

    here = owner_client.post(f"/today/update/{first.pk}/done/", {"next": "/?all=updates"})
    away = owner_client.post(f"/today/update/{second.pk}/done/", {"next": "https://example.com/"})

    assert here["Location"] == "/?all=updates"
    assert away["Location"] == "/"


@pytest.mark.parametrize("action", ["done", "note", "snooze", "log"])
def test_it_gives_an_outsider_404_for_someone_else_s_items(
    client, outsider, ana, make_update, make_follow_up, action
):
    update = make_update(ana)
    invitation = make_follow_up(ana)
    client.force_login(outsider)
    data = {"text": "x", "days": "7", "kind": "message", "direction": "outgoing"}
    data["on"] = "2026-03-14"

    for url in (
        f"/today/update/{update.pk}/{action}/",
        f"/today/follow-up/{invitation.pk}/{action}/",
        f"/today/due/{ana.pk}/{action}/",
    ):
        assert client.post(url, data).status_code == 404

    update.refresh_from_db()
    invitation.refresh_from_db()
    assert update.acknowledged_on is None and update.snoozed_until is None
    assert invitation.replied_on is None
    assert not Interaction.objects.exists()


def test_it_only_accepts_posts(owner_client, ana, make_update):
    update = make_update(ana)

    assert owner_client.get(f"/today/update/{update.pk}/done/").status_code == 405
