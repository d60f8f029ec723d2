"""The email digest of group activity: what is new since the last one, nothing already read, both
parts of the message, through Django's locmem backend and through a real SMTP server on
loopback (aiosmtpd), and never twice."""

from __future__ import annotations

import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail

from hedgerow.groups import digest, leaders, services
from hedgerow.groups.models import DigestSetting
from tests.conftest import NOW
from tests.groups.conftest import check_in, goal_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
LATER = NOW + timedelta(days=1)


@pytest.fixture
def news(group, coach_in, ben_in, cara_in, ben, cara):
    """Cara wants a daily digest; yesterday ben shared a check-in and the coach asked a question."""
    services.save_digest_setting(person=cara, email="cara@example.org", frequency="daily")
    DigestSetting.objects.filter(owner=cara).update(last_sent_at=NOW - timedelta(days=1))
    goal = goal_for(ben)
    services.share_goal(membership=ben_in, goal=goal)
    checkin = check_in(goal, 3, did="Sent the synopsis to Lumen Press.")
    services.reply_to_checkin(membership=cara_in, checkin=checkin, kind="insight", text="Nice")
    leaders.ask_question(membership=coach_in, text="What should we read next?")
    services.post_prompt(membership=coach_in, text="One brave thing this week?")
    return checkin


def test_it_sends_what_is_new_in_text_and_html(news, cara):
    with time_machine.travel(LATER, tick=False):
        outcome = digest.send_due_digests()

    assert outcome.sent == ["cara@example.org"]
    (message,) = mail.outbox
    assert message.to == ["cara@example.org"]
    assert message.subject == "What's new in Thursday circle"
    assert "ben, week 3: Sent the synopsis to Lumen Press." in message.body
    assert "alice asks the group: What should we read next?" in message.body
    assert "week 3 (48 to go): One brave thing this week?" in message.body
    assert "http://127.0.0.1:8000/groups/" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "<strong>ben, week 3:</strong> Sent the synopsis to Lumen Press." in html
    assert message.extra_headers["List-Unsubscribe"] == "<http://127.0.0.1:8000/groups/digest/>"
    assert "Nice" not in message.body  # her own reply is not news to her


def test_it_sends_a_digest_once(news):
    with time_machine.travel(LATER, tick=False):
        digest.send_due_digests()
        assert digest.send_due_digests().sent == []
    assert len(mail.outbox) == 1


def test_it_leaves_out_what_was_read_in_the_app(news, cara_in):
    services.mark_seen(membership=cara_in)

    with time_machine.travel(LATER, tick=False):
        assert digest.send_due_digests().sent == []
    assert mail.outbox == []


def test_it_tells_ben_about_replies_to_his_checkin(news, ben):
    services.save_digest_setting(person=ben, email="ben@example.org", frequency="weekly")

    with time_machine.travel(LATER, tick=False):
        digest.send_due_digests()

    body = next(m.body for m in mail.outbox if m.to == ["ben@example.org"])
    assert "Insight from cara: Nice" in body
    assert "Sent the synopsis" not in body  # his own check-in


def test_it_waits_for_the_week_to_pass_for_weekly_digests(news, cara):
    DigestSetting.objects.filter(owner=cara).update(frequency="weekly")

    with time_machine.travel(LATER, tick=False):
        assert digest.send_due_digests().sent == []
    with time_machine.travel(NOW + timedelta(days=6), tick=False):
        assert digest.send_due_digests().sent == ["cara@example.org"]


def test_it_sends_nothing_to_people_who_said_never(news, cara):
    services.save_digest_setting(person=cara, email="cara@example.org", frequency="never")

    with time_machine.travel(LATER, tick=False):
        assert digest.send_due_digests().sent == []


def test_it_keeps_the_digest_when_sending_fails(news, cara, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = False

    with time_machine.travel(LATER, tick=False):
        outcome = digest.send_due_digests()

    assert outcome.sent == []
    assert outcome.failed[0][0] == "cara@example.org"
    assert DigestSetting.objects.get(owner=cara).last_sent_at == NOW - timedelta(days=1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls it by this name
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 10
    try:
        yield inbox
    finally:
        controller.stop()


def test_it_delivers_through_a_real_smtp_server(news, smtp_server):
    with time_machine.travel(LATER, tick=False):
        outcome = digest.send_due_digests()

    assert outcome.sent == ["cara@example.org"]
    ((sender, recipients, raw),) = smtp_server.messages
    assert (sender, recipients) == ("hedgerow@localhost", ["cara@example.org"])
    message = message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "What's new in Thursday circle"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "ben, week 3: Sent the synopsis to Lumen Press." in text
    assert "Open Thursday circle</a>" in html
