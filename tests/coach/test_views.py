"""The composer pages: open from Today or a contact, check live (htmx) or by button, mark sent."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hedgerow.accounts.services import profile_of
from hedgerow.network.models import ContactEmail, Interaction, Invitation, Update

pytestmark = pytest.mark.usefixtures("fixed_clock")
HTMX = {"HTTP_HX_REQUEST": "true"}
TODAY = date(2026, 11, 25)
GOOD_NOTE = (
    "Hi Ana, congratulations on your new role as Head of Design at Northwind! What drew you to it?"
)


@pytest.fixture
def ana(owner, make_contact):
    contact = make_contact(
        owner, "Ana Ruiz", company="Lumen", linkedin_url="https://www.linkedin.com/in/ana-ruiz"
    )
    ContactEmail.objects.create(owner=owner, contact=contact, email="ana@example.org")
    return contact


@pytest.fixture
def update(ana):
    return Update.objects.create(
        owner=ana.owner,
        contact=ana,
        kind=Update.Kind.NEW_POSITION,
        summary="Now Head of Design at Northwind (was Designer at Lumen)",
        detail={"new": {"company": "Northwind", "position": "Head of Design"}},
        detected_on=date(2026, 11, 20),
    )


def test_it_opens_the_composer_from_a_today_item_with_a_draft(owner_client, update):
    response = owner_client.get(f"/coach/today/update/{update.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Write to Ana Ruiz" in html
    assert "Head of Design at Northwind" in html  # the draft, in the box
    assert 'hx-trigger="input changed delay:400ms"' in html
    assert f'hx-post="/coach/today/update/{update.pk}/check/"' in html
    # One polite line carries the verdict; the list itself is not live, or every pause reads it all.
    assert 'id="checks">' in html
    assert 'id="check-status" role="status" aria-live="polite"' in html
    assert "Ready to send." in html.split('id="check-status"')[1].split("</p>")[0]
    assert 'href="https://www.linkedin.com/in/ana-ruiz"' in html
    assert 'href="mailto:ana@example.org"' in html
    assert "hedgerow/composer.js" in html
    assert "Nothing logged yet." in html
    assert "{#" not in html and "{%" not in html  # no template comment leaks onto the page


def test_today_offers_the_composer_for_each_item(owner_client, update):
    html = owner_client.get("/").content.decode()

    assert f'href="/coach/today/update/{update.pk}/"' in html


def test_the_contact_page_offers_every_occasion(owner_client, ana):
    html = owner_client.get(f"/contacts/{ana.pk}/").content.decode()

    for occasion in ("acknowledgement", "invitation", "follow-up", "keep-in-touch"):
        assert f'href="/coach/contacts/{ana.pk}/{occasion}/"' in html


def test_it_leaves_out_links_it_has_no_address_for(owner, owner_client, make_contact):
    bo = make_contact(owner, "Bo Li")

    html = owner_client.get(f"/coach/contacts/{bo.pk}/keep-in-touch/").content.decode()

    assert "mailto:" not in html
    assert "LinkedIn profile" not in html


def test_it_flags_a_draft_with_a_placeholder(owner, owner_client, make_contact):
    bo = make_contact(owner, "Bo Li")

    html = owner_client.get(f"/coach/contacts/{bo.pk}/invitation/").content.decode()

    assert "[something we worked on or experienced together]" in html
    assert "Not ready yet:" in html
    assert 'data-check="placeholders"' in html
    assert "required, needs a look" in html


def test_it_answers_htmx_with_the_checks_alone(owner_client, update):
    response = owner_client.post(
        f"/coach/today/update/{update.pk}/check/", {"text": GOOD_NOTE}, **HTMX
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Ready to send." in html
    assert f"{len(GOOD_NOTE)} characters" in html


def test_it_checks_without_javascript_and_keeps_the_text(owner_client, update):
    response = owner_client.post(
        f"/coach/today/update/{update.pk}/check/", {"text": "Hello there."}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert "Hello there.</textarea>" in html
    assert "Not ready yet:" in html
    assert 'data-check="closing-ask"' in html


def test_it_marks_the_note_sent_and_settles_the_update(owner_client, ana, update):
    response = owner_client.post(f"/coach/today/update/{update.pk}/send/", {"text": GOOD_NOTE})

    assert response.status_code == 302
    assert response["Location"] == "/"
    update.refresh_from_db()
    assert update.acknowledged_on == TODAY
    note = Interaction.objects.get(contact=ana)
    assert (note.kind, note.direction, note.source, note.text) == (
        "message",
        "outgoing",
        "hedgerow",
        GOOD_NOTE,
    )
    today = owner_client.get("/").content.decode()
    assert "Your note to Ana Ruiz is logged." in today
    assert f"/coach/today/update/{update.pk}/" not in today


def test_it_settles_the_open_update_from_the_contact_page_too(owner_client, ana, update):
    owner_client.post(f"/coach/contacts/{ana.pk}/acknowledgement/send/", {"text": GOOD_NOTE})

    update.refresh_from_db()
    assert update.acknowledged_on == TODAY


def test_it_asks_for_words_before_marking_an_empty_note_sent(owner_client, update):
    response = owner_client.post(f"/coach/today/update/{update.pk}/send/", {"text": "  "})

    assert response.status_code == 400
    assert "Your note is empty" in response.content.decode()
    update.refresh_from_db()
    assert update.acknowledged_on is None
    assert not Interaction.objects.exists()


def test_it_warns_before_a_second_unanswered_note(owner_client, ana, update):
    Interaction.objects.create(
        owner=ana.owner,
        contact=ana,
        kind="message",
        direction="outgoing",
        occurred_at=datetime(2026, 11, 20, 12, tzinfo=UTC),
    )

    html = owner_client.get(f"/coach/today/update/{update.pk}/").content.decode()

    assert "20 Nov 2026; no reply yet." in html
    assert 'id="n6-warning"' in html
    assert "5 days ago and haven" in html


def test_it_shows_the_invitation_allowance_and_counts_the_note(owner, owner_client, ana):
    profile = profile_of(owner)
    profile.invitation_notes_per_month = 1
    profile.save()

    html = owner_client.get(f"/coach/contacts/{ana.pk}/invitation/").content.decode()
    assert "0 of 1 personalised notes sent this month." in html
    assert "of 300 (200 on a free account)" in html

    note = "Hi Ana, I still think of the Lumen offsite. What are you working on now?"
    response = owner_client.post(f"/coach/contacts/{ana.pk}/invitation/send/", {"text": note})

    assert response.status_code == 302
    sent = Invitation.objects.get(contact=ana)
    assert (sent.status, sent.note, sent.source) == ("pending", note, "hedgerow")
    today = owner_client.get("/").content.decode()
    assert "Your invitation to Ana Ruiz is saved as sent." in today
    assert "used this month&#x27;s 1 personalised invitation notes" in today


def test_it_keeps_a_follow_up_composer_on_the_accepted_invitation(owner_client, ana):
    accepted = Invitation.objects.create(
        owner=ana.owner,
        contact=ana,
        name=ana.name,
        direction="outgoing",
        status="accepted",
        accepted_on=date(2026, 11, 20),
        sent_at=datetime(2026, 11, 1, tzinfo=UTC),
    )

    html = owner_client.get(f"/coach/today/follow-up/{accepted.pk}/").content.decode()
    assert "A warm reply after they accepted" in html

    owner_client.post(
        f"/coach/today/follow-up/{accepted.pk}/send/", {"text": "Thanks! Coffee soon?"}
    )
    accepted.refresh_from_db()
    assert accepted.replied_on == TODAY


def test_it_offers_another_phrasing(owner_client, ana):
    first = owner_client.get(f"/coach/contacts/{ana.pk}/follow-up/").content.decode()
    second = owner_client.get(f"/coach/contacts/{ana.pk}/follow-up/?phrasing=1").content.decode()

    assert f'href="/coach/contacts/{ana.pk}/follow-up/?phrasing=1"' in first
    assert f'href="/coach/contacts/{ana.pk}/follow-up/?phrasing=2"' in second
    box = [page.split('name="text"')[1].split("</textarea>")[0] for page in (first, second)]
    assert box[0] != box[1]


@pytest.mark.parametrize(
    "url",
    [
        "/coach/today/update/{update}/",
        "/coach/contacts/{contact}/invitation/",
        "/coach/contacts/{contact}/keep-in-touch/",
    ],
)
def test_someone_elses_composer_is_not_found(client, outsider, update, url):
    client.force_login(outsider)
    address = url.format(update=update.pk, contact=update.contact_id)

    assert client.get(address).status_code == 404
    assert client.post(f"{address}check/", {"text": "Hi"}, **HTMX).status_code == 404
    assert client.post(f"{address}send/", {"text": "Hi?"}).status_code == 404
    update.refresh_from_db()
    assert update.acknowledged_on is None
    assert not Interaction.objects.exists()


def test_it_does_not_know_other_occasions(owner_client, ana):
    assert owner_client.get(f"/coach/contacts/{ana.pk}/birthday/").status_code == 404


def test_it_saves_the_monthly_invitation_allowance(owner, owner_client):
    page = owner_client.get("/accounts/settings/").content.decode()
    assert "Personalised invitation notes a month" in page
    assert 'name="invitation_notes_per_month" value="5"' in page

    owner_client.post("/accounts/settings/", {"linkedin_url": "", "invitation_notes_per_month": 12})

    assert profile_of(owner).invitation_notes_per_month == 12


@pytest.mark.parametrize("value", ["101", "-1", "many"])
def test_it_names_the_field_when_the_allowance_is_unusable(owner, owner_client, value):
    response = owner_client.post(
        "/accounts/settings/", {"linkedin_url": "", "invitation_notes_per_month": value}
    )

    assert response.status_code == 400
    assert "Personalised invitation notes a month: give a" in response.content.decode()
    assert profile_of(owner).invitation_notes_per_month == 5


def test_it_writes_to_a_due_core_contact_and_takes_them_off_today(owner_client, ana):
    ana.is_core = True
    ana.core_since = date(2026, 6, 1)
    ana.save()
    assert f'href="/coach/today/due/{ana.pk}/"' in owner_client.get("/").content.decode()

    page = owner_client.get(f"/coach/today/due/{ana.pk}/").content.decode()
    assert "Keep in touch" in page

    owner_client.post(
        f"/coach/today/due/{ana.pk}/send/", {"text": "Hi Ana! How are things at Lumen?"}
    )

    assert Interaction.objects.filter(contact=ana, source="hedgerow").count() == 1
    assert f'href="/coach/today/due/{ana.pk}/"' not in owner_client.get("/").content.decode()


def test_it_checks_live_without_writing_a_draft(owner_client, update, monkeypatch):
    def no_draft(**kwargs):
        raise AssertionError("the live check must not write a draft")

    monkeypatch.setattr("hedgerow.coach.views.write_draft", no_draft)

    response = owner_client.post(
        f"/coach/today/update/{update.pk}/check/", {"text": GOOD_NOTE}, **HTMX
    )

    assert response.status_code == 200
    assert "Ready to send." in response.content.decode()


# --- "I know, send anyway" (issue 10) --------------------------------------------------------

PLAIN_NOTE = "Hi Ana, congratulations on your new role as Head of Design at Northwind."


def test_it_offers_to_set_aside_each_failed_required_check(owner_client, update):
    url = f"/coach/today/update/{update.pk}/check/"
    fragment = owner_client.post(url, {"text": PLAIN_NOTE}, **HTMX).content.decode()

    assert 'name="set_aside" value="closing-ask"' in fragment
    assert "I know, send anyway" in fragment
    assert "Not ready yet:" in fragment
    chosen = {"text": PLAIN_NOTE, "set_aside": ["closing-ask", "length"]}
    fragment = owner_client.post(url, chosen, **HTMX).content.decode()
    assert "Ready to send, your way." in fragment, fragment.split("is-blocking")[1:]
    assert "You set aside 1 check for this note" in fragment  # "length" passed: not counted
    assert 'value="closing-ask" checked' in fragment


def test_it_counts_checks_set_aside_on_sent_notes_and_nothing_else(owner_client, update):
    from hedgerow.coach.models import SetAside

    owner_client.post(
        f"/coach/today/update/{update.pk}/send/",
        {"text": PLAIN_NOTE, "set_aside": ["closing-ask", "spelling", "no-ask"]},
    )

    assert list(SetAside.objects.values_list("check_id", "count")) == [("closing-ask", 1)]
    owner_client.post(f"/coach/today/update/{update.pk}/send/", {"text": GOOD_NOTE})
    assert SetAside.objects.get().count == 1


def test_it_says_what_the_note_answers_without_repeating_the_work_line(owner_client, update, ana):
    ana.position = "Head of Design"
    ana.company = "Northwind"
    ana.save()

    html = owner_client.get(f"/coach/today/update/{update.pk}/").content.decode()

    answers = html.split("<dt>Your note answers</dt><dd>")[1].split("</dd>")[0]
    assert answers == (
        "New position: Now Head of Design at Northwind (was Designer at Lumen) "
        "(noticed 20 Nov 2026)."
    )
    keep = owner_client.get(f"/coach/contacts/{ana.pk}/keep-in-touch/").content.decode()
    assert "<dd>Keeping in touch: nothing logged with them yet.</dd>" in keep


def test_it_puts_what_needs_a_look_first_and_folds_what_passes(owner_client, update):
    response = owner_client.post(
        f"/coach/today/update/{update.pk}/check/", {"text": "Congrats."}, **HTMX
    )

    html = response.content.decode()
    failing, _, folded = html.partition('<details class="checks-passing">')
    assert "is-ok" not in failing and "is-blocking" in failing
    assert "is-blocking" not in folded and "is-ok" in folded
    assert "check-summary" in failing
    summary = folded.split("<summary>")[1].split("</summary>")[0]
    assert "other checks pass" in summary and "Spelling" in summary

    ready = owner_client.post(
        f"/coach/today/update/{update.pk}/check/", {"text": GOOD_NOTE}, **HTMX
    ).content.decode()
    assert '<ul class="checks">' in ready.split("<details")[1]  # all of them, folded
    assert "All " in ready and "checks pass" in ready
