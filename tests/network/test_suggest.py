"""People you may know (rule N10): ranked by evidence, explained, and acted on everywhere."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from hedgerow.accounts.models import Position
from hedgerow.cli import main
from hedgerow.coach.drafts import write_draft
from hedgerow.network.models import ContactEmail, Interaction, Invitation, Suggestion
from hedgerow.network.replies import reply_figures
from hedgerow.network.suggest import score, suggestions, weekly_suggestion
from hedgerow.today.compose import build_today
from tests.conftest import NOW

OUT, IN = Interaction.Direction.OUTGOING, Interaction.Direction.INCOMING


def mail(contact, direction, on: date, subject: str = "", kind: str = "email", people: int = 2):
    return Interaction.objects.create(
        owner_id=contact.owner_id,
        contact=contact,
        kind=kind,
        direction=direction if kind != "meeting" else Interaction.Direction.MUTUAL,
        occurred_at=datetime(on.year, on.month, on.day, 10, tzinfo=UTC),
        source="email" if kind == "email" else "calendar",
        subject=subject,
        participants=people,
    )


@pytest.fixture
def history(owner, make_contact, fixed_clock):
    """Ana: a long exchange both ways and meetings. Bo: one note, long ago. Cy: only wrote to
    the owner. Dee: a connection already."""
    ana = make_contact(owner, "Ana Ruiz", company="Acme")
    ContactEmail.objects.create(owner=owner, contact=ana, email="ana@acme.example")
    for month in range(1, 11):
        mail(ana, OUT, date(2026, month, 3), "Re: Q3 launch")
        mail(ana, IN, date(2026, month, 4), "Q3 launch")
    mail(ana, OUT, date(2021, 5, 3), "Hello")
    for day in (5, 12, 19, 26):
        mail(ana, None, date(2026, 3, day), "Q3 launch sync", kind="meeting")
    bo = make_contact(owner, "Bo Lee")
    mail(bo, OUT, date(2019, 6, 1), "Quick question")
    cy = make_contact(owner, "Cy Twombly")
    mail(cy, IN, date(2026, 11, 1), "Buy my course")
    dee = make_contact(owner, "Dee Connected", connected=True)
    mail(dee, OUT, date(2026, 11, 1), "Hi")
    mail(dee, IN, date(2026, 11, 2), "Hi")
    return {"ana": ana, "bo": bo, "cy": cy, "dee": dee}


def test_it_ranks_people_by_the_evidence_of_a_real_relationship(owner, history):
    found = suggestions(owner)

    assert [s.contact.name for s in found] == ["Ana Ruiz", "Bo Lee"]
    assert found[0].score > found[1].score


def test_it_explains_each_suggestion_in_one_line(owner, history):
    ana, bo = suggestions(owner)

    assert ana.explanation == "21 emails both ways 2021–2026, 4 meetings, last in October"  # noqa: RUF001
    assert bo.explanation == "1 email from you 2019, last in Jun 2019"


def test_it_prints_the_contract_json_best_first(owner, history, capsys):
    assert main(["suggest", "--json", "--limit", "1"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data == [
        {
            "id": history["ana"].pk,
            "name": "Ana Ruiz",
            "emails": ["ana@acme.example"],
            "score": data[0]["score"],
            "explanation": "21 emails both ways 2021–2026, 4 meetings, last in October",  # noqa: RUF001
            "evidence": {
                "sent": 11,
                "received": 10,
                "meetings": 4,
                "first_on": "2021-05-03",
                "last_on": "2026-10-04",
            },
        }
    ]


def test_it_ignores_everything_after_as_of(owner, history, capsys):
    assert main(["suggest", "--json", "--as-of", "2020-01-01"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert [(s["name"], s["evidence"]["last_on"]) for s in data] == [("Bo Lee", "2019-06-01")]


def test_it_leaves_out_the_invited_the_dismissed_and_the_set_aside(owner, history, capsys):
    Invitation.objects.create(
        owner=owner,
        contact=history["ana"],
        name="Ana Ruiz",
        direction=Invitation.Direction.OUTGOING,
        sent_at=NOW,
    )
    assert main(["suggest", "dismiss", str(history["bo"].pk)]) == 0
    assert suggestions(owner) == []
    assert main(["suggest", "restore", str(history["bo"].pk)]) == 0
    assert main(["suggest", "snooze", str(history["bo"].pk), "--days", "10"]) == 0
    assert suggestions(owner) == []
    later = NOW.date() + timedelta(days=11)
    assert [s.contact.name for s in suggestions(owner, as_of=later)] == ["Bo Lee"]


def test_it_weighs_a_shared_employer(owner, make_contact, fixed_clock):
    one, other = make_contact(owner, "One Person"), make_contact(owner, "Other Person")
    ContactEmail.objects.create(owner=owner, contact=other, email="other@globex.example")
    for person in (one, other):
        mail(person, OUT, date(2024, 2, 1))
        mail(person, IN, date(2024, 2, 2))
    Position.objects.create(owner=owner, company="Globex", started_on=date(2023, 1, 1))
    from hedgerow.network.models import MailAddress

    MailAddress.objects.create(
        owner=owner, address="other@globex.example", contact=other, how="new"
    )

    top = suggestions(owner)[0]

    assert top.contact == other
    assert "both at Globex" in top.explanation


def test_the_score_prefers_both_ways_over_one_way_and_recent_over_old():
    both = score(sent=5, received=5, meetings=0, small=10, span_days=100, days_since=30)
    one_way = score(sent=10, received=0, meetings=0, small=10, span_days=100, days_since=30)
    old = score(sent=5, received=5, meetings=0, small=10, span_days=100, days_since=900)
    assert both > one_way
    assert both > old


def test_it_offers_one_suggestion_a_week_on_today(owner, history):
    first = build_today(owner)["suggestion"]
    assert first is not None
    assert first["name"] == "Ana Ruiz"
    assert Suggestion.objects.get(owner=owner, contact=history["ana"]).offered_week == date(
        2026, 11, 23
    )

    from hedgerow.network.suggest import dismiss_suggestion

    dismiss_suggestion(contact=history["ana"])
    # Acted on: nothing more this week (N10 is an opening, not a backlog)…
    assert weekly_suggestion(owner) is None
    # …and next week, the next person.
    with time_machine.travel(NOW + timedelta(days=7), tick=False):
        assert weekly_suggestion(owner)["name"] == "Bo Lee"  # type: ignore[index]


def _queries(call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        value = call()
    return value, len(captured)


def test_it_keeps_the_weeks_reason_and_reads_it_in_one_query(owner, history):
    first, working_out = _queries(lambda: weekly_suggestion(owner))
    kept, reading = _queries(lambda: weekly_suggestion(owner))

    assert kept == first and kept is not None
    assert kept["explanation"].startswith("21 emails both ways")
    assert reading == 1 < working_out


def test_it_works_the_reason_out_again_after_a_note_or_an_import(owner, history):
    from hedgerow.network.models import ImportRun

    assert weekly_suggestion(owner)["explanation"].startswith("21 emails")  # type: ignore[index]
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        mail(history["ana"], OUT, date(2026, 11, 20), "One more thing")
        again, working_out = _queries(lambda: weekly_suggestion(owner))
        assert again["explanation"].startswith("22 emails")  # type: ignore[index]
        assert working_out > 1
        assert _queries(lambda: weekly_suggestion(owner))[1] == 1
    with time_machine.travel(NOW + timedelta(minutes=2), tick=False):
        ContactEmail.objects.filter(contact=history["ana"]).delete()
        ImportRun.objects.create(
            owner=owner,
            source="mbox",
            file_name="x.mbox",
            digest="0" * 64,
            started_at=datetime.now(UTC),
        )
        assert weekly_suggestion(owner)["emails"] == []  # type: ignore[index]
    # Another day: worked out again once ("last in March" reads differently once the year turns).
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        assert _queries(lambda: weekly_suggestion(owner))[1] > 1
        assert _queries(lambda: weekly_suggestion(owner))[1] == 1


@pytest.mark.parametrize("act", ["dismiss", "snooze", "invite", "connect"])
def test_acting_on_the_kept_suggestion_takes_it_off_until_the_next_one(owner, history, act):
    from hedgerow.network.suggest import dismiss_suggestion, snooze_suggestion

    ana = history["ana"]
    assert weekly_suggestion(owner)["name"] == "Ana Ruiz"  # type: ignore[index]
    if act == "dismiss":
        dismiss_suggestion(contact=ana)
    elif act == "snooze":
        snooze_suggestion(contact=ana, days=30)
    elif act == "invite":
        Invitation.objects.create(
            owner=owner, contact=ana, name=ana.name, direction=OUT, sent_at=NOW
        )
    else:
        ana.connected = True
        ana.save()

    assert weekly_suggestion(owner) is None  # none until Monday (N10)…
    with time_machine.travel(NOW + timedelta(days=7), tick=False):
        assert weekly_suggestion(owner)["name"] == "Bo Lee"  # type: ignore[index]  # …then the next


def test_today_page_reads_the_kept_suggestion_in_fewer_queries(owner_client, history):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def visit() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as captured:
            html = owner_client.get("/").content.decode()
        return html, len(captured)

    first, working_out = visit()
    again, reading = visit()

    assert "21 emails both ways" in first and "21 emails both ways" in again
    assert reading <= working_out - 5


def test_today_page_shows_the_weeks_suggestion_with_its_actions(owner_client, history):
    html = owner_client.get("/").content.decode()

    assert "Someone you may know" in html
    assert "21 emails both ways" in html
    assert reverse("coach:contact", args=[history["ana"].pk, "invitation"]) in html


def test_the_page_lists_suggestions_and_acts_on_them(owner_client, owner, history):
    page = owner_client.get(reverse("network:suggestions"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Ana Ruiz" in html and "Bo Lee" in html
    assert "we emailed about Q3 launch in 2026" in html

    owner_client.post(reverse("network:suggestion-dismiss", args=[history["bo"].pk]))
    owner_client.post(reverse("network:suggestion-snooze", args=[history["ana"].pk]))

    html = owner_client.get(reverse("network:suggestions")).content.decode()
    assert "No one to suggest yet" in html
    assert "Set aside (2)" in html


def test_the_invitation_draft_recalls_what_you_shared(owner, history):
    draft = write_draft(contact=history["ana"], occasion="invitation")

    assert "our emails about Q3 launch in 2026" in draft.text
    assert draft.about == "Q3 launch"


def test_the_api_lists_and_dismisses(owner, history, client):
    client.force_login(owner)

    listed = client.get("/api/v1/suggestions?limit=5").json()
    assert [s["name"] for s in listed] == ["Ana Ruiz", "Bo Lee"]
    assert set(listed[0]) == {"id", "name", "emails", "score", "explanation", "evidence"}

    answer = client.post(f"/api/v1/suggestions/{history['ana'].pk}/dismiss")
    assert answer.status_code == 204
    assert [s["name"] for s in client.get("/api/v1/suggestions").json()] == ["Bo Lee"]


def test_no_one_acts_on_someone_elses_suggestions(owner, outsider, history, client):
    client.force_login(outsider)

    assert client.post(f"/api/v1/suggestions/{history['ana'].pk}/dismiss").status_code == 404
    assert (
        client.post(reverse("network:suggestion-dismiss", args=[history["ana"].pk])).status_code
        == 404
    )
    assert client.get("/api/v1/suggestions").json() == []


def test_reply_figures_count_answered_notes_by_month(owner, history):
    months = {m["month"]: m for m in reply_figures(owner, NOW.date())}

    assert months["2026-10"] == {"month": "2026-10", "sent": 1, "answered": 1}
    # Dee answered the next day; Bo never did (and long ago).
    assert months["2026-11"] == {"month": "2026-11", "sent": 1, "answered": 1}
    assert len(months) == 12
    today = build_today(owner)
    assert today["network"]["replies"][-1]["month"] == "2026-11"


def test_reply_figures_take_an_answer_from_the_same_person_within_thirty_days(
    owner, outsider, make_contact, fixed_clock
):
    ana, bo, cy = (make_contact(owner, n) for n in ("Ana Ruiz", "Bo Chen", "Cy Dunn"))
    mail(ana, OUT, date(2026, 9, 1))
    mail(ana, IN, date(2026, 10, 2))  # 31 days later: too late to count as the answer
    mail(bo, OUT, date(2026, 9, 2))
    mail(cy, IN, date(2026, 9, 3))  # someone else wrote back
    mail(cy, OUT, date(2026, 11, 20))
    mail(cy, IN, date(2026, 11, 26))  # after the day the figures are for
    mail(ana, OUT, date(2026, 10, 5), kind="meeting")  # together: not a note
    mail(bo, OUT, date(2026, 10, 6))
    mail(bo, IN, date(2026, 11, 5), kind="call")  # on the 30th day, by phone
    mail(make_contact(outsider, "Di Egan"), OUT, date(2026, 10, 7))  # not the owner's

    months = {m["month"]: (m["sent"], m["answered"]) for m in reply_figures(owner, NOW.date())}

    assert (months["2026-09"], months["2026-10"], months["2026-11"]) == ((2, 0), (1, 1), (1, 0))


def test_reply_figures_put_each_note_in_its_own_month_at_the_edges(
    owner, make_contact, fixed_clock
):
    ana = make_contact(owner, "Ana Ruiz")
    for at in (
        datetime(2025, 11, 30, 23, 59, tzinfo=UTC),  # the month before the twelve: not counted
        datetime(2025, 12, 1, 0, 0, tzinfo=UTC),  # the first moment of the first month
        datetime(2026, 9, 30, 23, 59, 59, tzinfo=UTC),
        datetime(2026, 10, 1, 0, 0, tzinfo=UTC),
    ):
        Interaction.objects.create(
            owner=owner, contact=ana, kind="message", direction=OUT, occurred_at=at
        )

    sent = {m["month"]: m["sent"] for m in reply_figures(owner, NOW.date())}

    assert (sent["2025-12"], sent["2026-09"], sent["2026-10"]) == (1, 1, 1)
    assert sum(sent.values()) == 3 and next(iter(sent)) == "2025-12"


def kept_evidence(owner) -> dict:
    """What the database keeps per contact, next to what counting the interactions says."""
    from hedgerow.network.models import ContactEvidence
    from hedgerow.network.suggest import Evidence, evidence_counted

    fields = ("contact_id", "sent", "received", "meetings", "small", "emails", "first", "last")
    kept = {
        row[0]: Evidence(*row[1:])
        for row in ContactEvidence.objects.filter(owner=owner).values_list(*fields)
    }
    return {"kept": kept, "counted": evidence_counted(owner, date(2099, 1, 1))}


def test_it_keeps_each_contacts_evidence_exact_through_every_kind_of_write(
    owner, outsider, history, make_contact
):
    from hedgerow.lib.bulk import insert_rows

    ana, bo, cy = history["ana"], history["bo"], history["cy"]
    other = make_contact(outsider, "Not Yours")
    mail(other, OUT, date(2026, 5, 1))
    insert_rows(  # as importers write
        Interaction,
        ["owner", "contact", "kind", "direction", "occurred_at", "source", "participants"],
        [(owner.pk, cy.pk, "email", OUT, datetime(2026, 11, 5, tzinfo=UTC), "email", 9)],
    )
    mail(bo, OUT, date(2026, 2, 1), kind="note")  # notes are no evidence
    assert kept_evidence(owner)["kept"] == kept_evidence(owner)["counted"]

    latest = Interaction.objects.filter(contact=ana).latest("occurred_at")
    latest.delete()  # the last one goes: "last" is found again
    Interaction.objects.filter(contact=bo).update(contact=cy)  # a merge moves them
    Interaction.objects.filter(contact=cy, kind="email").update(kind="note")
    first = Interaction.objects.filter(contact=ana).earliest("occurred_at")
    first.occurred_at = datetime(2026, 6, 6, tzinfo=UTC)
    first.save()

    found = kept_evidence(owner)
    assert found["kept"] == found["counted"]
    assert bo.pk not in found["kept"]
    assert (found["kept"][ana.pk].sent, found["kept"][ana.pk].received) == (11, 9)


def test_it_ranks_from_the_kept_evidence_as_it_would_from_the_interactions(owner, history):
    from hedgerow.network.suggest import evidence_of

    today = date(2026, 12, 1)
    assert evidence_of(owner, today) == kept_evidence(owner)["counted"]
    past = date(2026, 6, 1)  # later interactions exist: counted from the interactions
    assert evidence_of(owner, past) != evidence_of(owner, today)
