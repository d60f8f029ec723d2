"""The weekly digest: the day's queue, the week's check-in and group news, in text and HTML,
on the person's day, once a week, through Django's mail (locmem) and a real SMTP server on
loopback; a signed unsubscribe link that works without signing in."""

from __future__ import annotations

import json
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
import time_machine
from django.core import mail

from hedgerow.cli import main
from hedgerow.groups import services as group_services
from hedgerow.groups.models import Group
from hedgerow.reminders import services
from hedgerow.reminders.access import unsubscribe_token
from hedgerow.reminders.digest import send_weekly_digests
from hedgerow.reminders.models import DigestSent, ReminderSetting
from tests.conftest import NOW
from tests.groups.conftest import check_in, goal_for, join, person
from tests.groups.test_digest import smtp_server  # noqa: F401 - the loopback SMTP fixture

pytestmark = pytest.mark.django_db
WEDNESDAY, FRIDAY = 2, 4
UNSUBSCRIBE = "http://127.0.0.1:8000/reminders/unsubscribe/"


@pytest.fixture
def on_wednesdays(owner, alice_week):
    services.save_digest_setting(person=owner, email="alice@example.org", weekday=WEDNESDAY)
    return owner


@pytest.fixture
def cara_shares(owner, alice_week):
    """Cara, in Alice's group, shared a check-in yesterday."""
    cara = person("cara")
    membership = join(Group.objects.get(name="Alicewords circle"), cara)
    with time_machine.travel(NOW - timedelta(days=1), tick=False):
        goal = goal_for(cara, sentence="Run a half marathon in under two hours.")
        group_services.share_goal(membership=membership, goal=goal)
        check_in(goal, 3, did="Ran twelve kilometres on Sunday.")
    return cara


def test_it_sends_the_week_in_text_and_html(on_wednesdays, cara_shares, mallory_week):
    outcome = send_weekly_digests()

    assert outcome.sent == ["alice@example.org"]
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"]
    assert message.subject == (
        "Your week in Hedgerow: 1 person to write to, week 3 of your goal, news from your group"
    )
    body = message.body
    assert "Here is your week in Hedgerow, as you asked, every Wednesday." in body
    assert (
        "Ana Alicewords\n  - Accepted your invitation on 23 Nov 2026: a warm reply is due." in body
    )
    assert (
        "Week 3 of 50: your check-in opens on 27 Nov 2026 (48 weeks to go, counting this one)."
        in body
    )
    assert "== Alicewords circle ==" in body
    assert "cara, week 3: Ran twelve kilometres on Sunday." in body
    assert "One Alicewords thing this week?" not in body  # her own prompt is not news to her
    assert f"Stop these emails: {UNSUBSCRIBE}" in body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "<strong>Ana Alicewords</strong>" in html
    assert "<strong>cara, week 3:</strong> Ran twelve kilometres on Sunday." in html
    assert ">stop these emails</a>" in html
    stop = f"{UNSUBSCRIBE}{unsubscribe_token(on_wednesdays)}/"
    assert stop in body and stop in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{stop}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "mallory" not in (body + html).lower()


def test_it_sends_once_a_week_however_often_it_runs(on_wednesdays, fixed_clock):
    assert send_weekly_digests().sent == ["alice@example.org"]
    assert send_weekly_digests().sent == []
    with time_machine.travel(NOW + timedelta(days=3), tick=False):  # Saturday, same week
        assert send_weekly_digests().sent == []
    with time_machine.travel(NOW + timedelta(days=7), tick=False):  # next Wednesday
        assert send_weekly_digests().sent == ["alice@example.org"]
    assert len(mail.outbox) == 2
    assert DigestSent.objects.filter(owner=on_wednesdays).count() == 2


def test_it_waits_for_the_persons_day_and_catches_up_a_missed_run(owner, alice_week):
    services.save_digest_setting(person=owner, email="alice@example.org", weekday=FRIDAY)

    assert send_weekly_digests().sent == []  # Wednesday: not yet
    with time_machine.travel(NOW + timedelta(days=3), tick=False):  # Saturday: Friday's run missed
        assert send_weekly_digests().sent == ["alice@example.org"]


def test_it_sends_nothing_to_someone_who_has_not_asked(owner, alice_week):
    owner.email = "alice@example.org"
    owner.save()

    assert send_weekly_digests().sent == []
    assert mail.outbox == []


def test_it_previews_with_dry_run_and_sends_nothing(on_wednesdays, capsys):
    assert main(["digest", "send", "--dry-run"]) == 0

    assert capsys.readouterr().out == (
        "Would send to alice@example.org: Your week in Hedgerow: 1 person to write to, "
        "week 3 of your goal\n"
    )
    assert mail.outbox == []
    assert not DigestSent.objects.exists()
    assert main(["digest", "send", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sent"] == ["alice@example.org"]
    assert main(["digest", "send"]) == 0
    assert capsys.readouterr().out == "No weekly digest is due now.\n"


def test_it_gives_the_week_back_when_sending_fails(on_wednesdays, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    outcome = send_weekly_digests()

    assert outcome.sent == [] and outcome.failed[0][0] == "alice@example.org"
    assert not DigestSent.objects.exists()  # the next run tries again


def test_it_delivers_through_a_real_smtp_server(on_wednesdays, cara_shares, smtp_server):  # noqa: F811
    assert send_weekly_digests().sent == ["alice@example.org"]

    ((sender, recipients, raw),) = smtp_server.messages
    assert (sender, recipients) == ("hedgerow@localhost", ["alice@example.org"])
    message = message_from_bytes(raw, policy=policy.default)
    assert message["Subject"].startswith("Your week in Hedgerow: 1 person to write to")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Accepted your invitation on 23 Nov 2026: a warm reply is due." in text
    assert "cara, week 3: Ran twelve kilometres on Sunday." in text
    assert "Open Today</a>" in html


def test_it_unsubscribes_by_the_signed_link_without_sign_in(client, on_wednesdays):
    link = f"/reminders/unsubscribe/{unsubscribe_token(on_wednesdays)}/"

    page = client.get(link)
    assert page.status_code == 200
    assert "Stop the weekly email for alice?" in page.content.decode()
    assert ReminderSetting.objects.get(owner=on_wednesdays).digest_weekday == WEDNESDAY

    done = client.post(link)  # as a mail program's one-click unsubscribe does: no CSRF token
    assert done.status_code == 200
    assert "Done: no more weekly emails." in done.content.decode()
    assert ReminderSetting.objects.get(owner=on_wednesdays).digest_weekday is None
    assert send_weekly_digests().sent == []


def test_it_refuses_a_tampered_unsubscribe_link(client, on_wednesdays, outsider):
    token = unsubscribe_token(on_wednesdays)
    forged = unsubscribe_token(outsider)[:-3] + token[-3:]

    assert client.post(f"/reminders/unsubscribe/{forged}/").status_code == 404
    assert client.post("/reminders/unsubscribe/x/").status_code == 404
    assert ReminderSetting.objects.get(owner=on_wednesdays).digest_weekday == WEDNESDAY


def test_it_sets_the_day_and_address_on_settings(owner_client, owner):
    page = owner_client.get("/accounts/settings/").content.decode()
    assert '<label for="digest-day">Send it on</label>' in page

    response = owner_client.post(
        "/accounts/settings/reminders/digest/",
        {"digest_day": "4", "email": "alice@example.org"},
        follow=True,
    )

    assert (
        "Your weekly digest comes every Friday, to alice@example.org." in response.content.decode()
    )
    assert ReminderSetting.objects.get(owner=owner).digest_weekday == FRIDAY
    owner.refresh_from_db()
    assert owner.email == "alice@example.org"
    assert '<option value="4" selected>Friday</option>' in response.content.decode()


def test_it_refuses_a_digest_without_an_address(owner_client, owner):
    response = owner_client.post(
        "/accounts/settings/reminders/digest/", {"digest_day": "0", "email": ""}, follow=True
    )

    assert (
        "Email address: give one for the weekly digest, or turn it off."
        in response.content.decode()
    )
    assert not ReminderSetting.objects.filter(owner=owner, digest_weekday__isnull=False).exists()


def test_it_sets_the_day_from_the_cli(owner, capsys):
    assert main(["digest", "set", "friday", "--email", "alice@example.org"]) == 0
    assert capsys.readouterr().out == (
        "Your weekly digest comes every Friday, to alice@example.org.\n"
    )
    assert main(["digest", "set", "someday"]) == 2
    assert "Digest day: 'someday' is not a day of the week (or off)." in capsys.readouterr().err
    assert main(["digest", "set", "off"]) == 0
    assert ReminderSetting.objects.get(owner=owner).digest_weekday is None
