"""The CLI contract: flags, JSON shapes and exit statuses other programs rely on."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from hedgerow.accounts.services import add_person
from hedgerow.cli import main
from hedgerow.network.models import Contact, ContactEmail, Interaction, Invitation, Update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_prints_todays_agenda_as_json(capsys, owner, make_contact):
    ana = make_contact(
        owner,
        "Ana Ruiz",
        company="Acme",
        position="CTO",
        connected=True,
        connected_on=date(2026, 10, 3),
        linkedin_url="https://www.linkedin.com/in/ana-ruiz",
    )
    Update.objects.create(
        owner=owner,
        contact=ana,
        kind="new_position",
        summary="Now CTO at Acme",
        detected_on=date(2026, 11, 20),
    )
    Invitation.objects.create(
        owner=owner,
        name="Bo Li",
        direction="outgoing",
        sent_at=datetime(2026, 11, 1, tzinfo=UTC),
        linkedin_url="https://www.linkedin.com/in/bo-li",
    )

    status, out, _ = run(capsys, "today", "--json", "--as-of", "2026-11-25")

    assert status == 0
    agenda = json.loads(out)
    assert agenda["as_of"] == "2026-11-25"
    assert list(agenda) == [
        "as_of",
        "updates",
        "follow_ups",
        "due",
        "pending_invitations",
        "network",
        "checkin",
        "suggestion",
        "queue",
    ]
    update = agenda["updates"][0]
    assert update["contact"] == {
        "id": ana.pk,
        "name": "Ana Ruiz",
        "company": "Acme",
        "position": "CTO",
        "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
    }
    assert (update["kind"], update["summary"], update["detected_on"]) == (
        "new_position",
        "Now CTO at Acme",
        "2026-11-20",
    )
    pending = agenda["pending_invitations"][0]
    assert (pending["name"], pending["sent_on"], pending["days_waiting"]) == (
        "Bo Li",
        "2026-11-01",
        24,
    )
    assert agenda["network"]["connections"] == 1
    assert agenda["network"]["by_month"] == [{"month": "2026-10", "added": 1, "total": 1}]


def test_it_lists_contacts_as_json(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Acme", connected=True, is_core=True)
    ContactEmail.objects.create(owner=owner, contact=ana, email="ana@acme.example")

    status, out, _ = run(capsys, "contacts", "ana", "--json")

    assert status == 0
    assert json.loads(out) == [
        {
            "id": ana.pk,
            "name": "Ana Ruiz",
            "emails": ["ana@acme.example"],
            "company": "Acme",
            "position": "",
            "linkedin_url": "",
            "connected": True,
            "core": True,
        }
    ]


def test_it_finds_contacts_by_email_and_profile_url(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", linkedin_url="https://www.linkedin.com/in/ana-ruiz")
    ContactEmail.objects.create(owner=owner, contact=ana, email="ana@acme.example")

    _, by_email, _ = run(capsys, "contacts", "ANA@acme.example", "--json")
    _, by_url, _ = run(capsys, "contacts", "http://linkedin.com/in/Ana-Ruiz/", "--json")

    assert [c["id"] for c in json.loads(by_email)] == [ana.pk]
    assert [c["id"] for c in json.loads(by_url)] == [ana.pk]


def test_it_lists_several_matches_and_exits_2(capsys, owner, make_contact):
    make_contact(owner, "Ana Ruiz")
    make_contact(owner, "Ana Lopez")

    status, _, err = run(capsys, "log", "Ana", "--kind", "call")

    assert status == 2
    assert "Ana Ruiz" in err and "Ana Lopez" in err
    assert not Interaction.objects.exists()


def test_it_makes_a_core_contact_with_a_cadence(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")

    status, out, _ = run(capsys, "core", "add", "Ana Ruiz", "--every", "60")

    assert status == 0 and "every 60 days" in out
    ana.refresh_from_db()
    assert (ana.is_core, ana.cadence_days, ana.core_since) == (True, 60, date(2026, 11, 25))


def test_it_refuses_a_cadence_out_of_range(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")

    status, _, err = run(capsys, "core", "add", "Ana", "--every", "7")

    assert status == 2 and "between 30 and 180" in err
    ana.refresh_from_db()
    assert not ana.is_core


def test_it_logs_an_interaction_and_warns_gently_about_a_second_note(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")

    status, out, _ = run(
        capsys, "log", "Ana", "--kind", "message", "--on", "2026-11-20", "--text", "Congrats!"
    )
    assert status == 0 and "gentle" not in out

    status, out, _ = run(capsys, "log", "Ana", "--kind", "email")
    assert status == 0
    assert "haven't heard back" in out

    kinds = list(ana.interactions.order_by("occurred_at").values_list("kind", "text"))
    assert kinds == [("message", "Congrats!"), ("email", "")]


def test_it_rejects_a_badly_formed_date(capsys, owner, make_contact):
    make_contact(owner, "Ana Ruiz")
    with pytest.raises(SystemExit) as exit_info:
        main(["log", "Ana", "--kind", "call", "--on", "25/11/2026"])
    assert exit_info.value.code == 2
    assert "not a date like 2026-11-25" in capsys.readouterr().err


def test_it_adds_a_person_and_prints_a_sign_in_link(capsys, db):
    status, out, _ = run(capsys, "user", "add", "bo")

    assert status == 0
    assert out.startswith("http://127.0.0.1:8000/accounts/link/")


def test_it_asks_who_when_several_people_use_it(capsys, owner):
    add_person(username="bo")

    status, _, err = run(capsys, "today")
    assert status == 2 and "--user" in err

    status, out, _ = run(capsys, "today", "--user", "bo", "--json")
    assert status == 0 and json.loads(out)["updates"] == []


def test_it_only_sees_the_acting_persons_contacts(capsys, owner, outsider, make_contact):
    make_contact(outsider, "Secret Person")
    make_contact(owner, "Ana Ruiz")

    _, out, _ = run(capsys, "contacts", "--json", "--user", "alice")

    assert [c["name"] for c in json.loads(out)] == ["Ana Ruiz"]
    assert Contact.objects.count() == 2


def test_it_creates_the_owner_and_prints_a_link_on_first_serve(capsys, db, monkeypatch):
    served = []
    monkeypatch.setattr("hedgerow.cli.serve_forever", lambda args: served.append(args.port))
    monkeypatch.setattr("hedgerow.cli.local_owner_name", lambda: "sam")

    status, out, _ = run(capsys, "serve", "--port", "8123")

    assert status == 0 and served == [8123]
    assert "Your account is 'sam'" in out
    assert "http://127.0.0.1:8123/accounts/link/" in out

    status, out, _ = run(capsys, "serve", "--port", "8123")
    assert "/accounts/link/" not in out


def test_it_creates_lists_and_revokes_api_keys(capsys, client, owner):
    status, key, _ = run(capsys, "token", "add", "calendar sync")
    key = key.strip()
    assert status == 0 and key.startswith("hr_")
    assert (
        client.get("/api/v1/today", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    )

    _, listing, _ = run(capsys, "token", "list")
    assert "calendar sync" in listing and key[:10] in listing

    status, _, _ = run(capsys, "token", "revoke", key[:10])
    assert status == 0
    assert (
        client.get("/api/v1/today", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    )


LINKEDIN_FIRST = Path(__file__).parent / "fixtures" / "linkedin" / "first"


def test_it_imports_a_linkedin_export_and_prints_json(capsys, owner):
    status, out, _ = run(capsys, "import", "linkedin", str(LINKEDIN_FIRST), "--json")

    assert status == 0
    summary = json.loads(out)
    assert summary["source"] == "linkedin"
    assert summary["counts"]["contacts_created"] > 0
    assert {"file", "line", "message"} <= set(summary["problems"][0])
    assert Contact.objects.filter(owner=owner).count() == summary["counts"]["contacts_created"]

    status, out, _ = run(capsys, "import", "linkedin", str(LINKEDIN_FIRST), "--json")
    again = json.loads(out)["counts"]
    assert again["contacts_created"] == again["interactions_created"] == 0


def test_it_prints_a_readable_summary(capsys, owner):
    status, out, _ = run(capsys, "import", "linkedin", str(LINKEDIN_FIRST))

    assert status == 0
    assert out.startswith("Imported first:")
    assert "row(s) skipped" in out and "line" in out


def test_it_refuses_an_unusable_input_with_status_2(capsys, owner, tmp_path):
    not_an_archive = tmp_path / "notes.txt"
    not_an_archive.write_text("hello")

    status, out, err = run(capsys, "import", "linkedin", str(not_an_archive))

    assert status == 2 and out == ""
    assert err.startswith("hedgerow: ") and "notes.txt" in err
    assert err.count("\n") == 1
    assert not Contact.objects.exists()


def test_it_loads_the_demo_into_its_own_home(capsys, db, settings, tmp_path):
    settings.HOME = tmp_path

    status, _, _ = run(capsys, "demo", "--no-serve")

    assert status == 0 and (tmp_path / "DEMO").exists()
    agenda = json.loads(run(capsys, "today", "--json")[1])
    assert agenda["updates"] and agenda["follow_ups"] and agenda["due"]
    assert agenda["pending_invitations"]


def test_it_refuses_to_mix_the_demo_with_real_data(capsys, owner, settings, tmp_path):
    settings.HOME = tmp_path

    status, _, err = run(capsys, "demo", "--no-serve")

    assert status == 2 and "real data" in err
    assert not (tmp_path / "DEMO").exists()


def test_it_marks_an_update_done_and_snoozes_a_follow_up(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")
    update = Update.objects.create(
        owner=owner, contact=ana, kind="post", summary="x", detected_on=date(2026, 11, 20)
    )
    invitation = Invitation.objects.create(
        owner=owner,
        contact=ana,
        name="Ana Ruiz",
        direction="outgoing",
        status="accepted",
        sent_at=datetime(2026, 11, 1, tzinfo=UTC),
        accepted_on=date(2026, 11, 3),
    )

    assert run(capsys, "done", "update", str(update.pk))[0] == 0
    status, out, _ = run(capsys, "snooze", "follow-up", str(invitation.pk), "--days", "30")

    assert status == 0 and "2026-12-25" in out
    update.refresh_from_db()
    invitation.refresh_from_db()
    assert update.acknowledged_on == date(2026, 11, 25)
    assert invitation.snoozed_until == date(2026, 12, 25)


def test_it_logs_contact_when_a_due_core_contact_is_done(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", is_core=True, core_since=date(2026, 1, 1))

    status, out, _ = run(capsys, "done", "due", str(ana.pk))

    assert status == 0 and "got in touch" in out
    assert ana.interactions.count() == 1


def test_it_never_acts_on_someone_elses_item(capsys, owner, outsider, make_contact):
    theirs = make_contact(outsider, "Eve")
    update = Update.objects.create(
        owner=outsider, contact=theirs, kind="post", summary="x", detected_on=date(2026, 11, 20)
    )

    status, _, err = run(capsys, "done", "update", str(update.pk), "--user", "alice")

    assert status == 1 and "no update item" in err
    update.refresh_from_db()
    assert update.acknowledged_on is None


def test_it_records_an_update_seen_elsewhere(capsys, owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz")

    status, _, _ = run(
        capsys,
        "record-update",
        "Ana",
        "Wrote about soil health",
        "--kind",
        "post",
        "--url",
        "https://example.org/soil",
    )

    assert status == 0
    update = Update.objects.get(contact=ana)
    assert (update.kind, update.summary, update.url) == (
        "post",
        "Wrote about soil health",
        "https://example.org/soil",
    )


def test_it_lists_and_resolves_the_review_list(capsys, owner, make_contact, tmp_path):
    make_contact(owner, "Ana Ruiz", company="Lumen")
    card = tmp_path / "ana.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruíz\r\nN:Ruíz;Ana;;;\r\nORG:Lumen Labs\r\n"
        "EMAIL:ana@lumen.example\r\nEND:VCARD\r\n"
    )
    run(capsys, "import", "vcard", str(card))

    status, out, _ = run(capsys, "review", "--json")
    items = json.loads(out)
    assert status == 0 and len(items) == 1 and items[0]["contact"]["name"] == "Ana Ruiz"

    status, out, _ = run(capsys, "review", "merge", str(items[0]["id"]))

    assert status == 0 and "Merged into Ana Ruiz" in out
    assert Contact.objects.filter(owner=owner).count() == 1
    assert json.loads(run(capsys, "review", "--json")[1]) == []


def test_it_shows_the_weekly_checkin_on_today_when_it_is_due(capsys, owner):
    from hedgerow.goals.services import start_goal

    start_goal(owner=owner, sentence="I will run a half marathon.", start_date=date(2026, 11, 19))

    status, out, _ = run(capsys, "today", "--as-of", "2026-11-25")  # day 7 of week 1

    assert status == 0
    assert "Your week 1 check-in is open until 2026-11-25" in out
    assert "`hedgerow checkin`" in out


def test_it_tells_quickly_whether_every_migration_is_applied(db):
    from django.db.migrations.recorder import MigrationRecorder

    from hedgerow.cli import every_migration_applied

    assert every_migration_applied()  # the test database is migrated
    recorder = MigrationRecorder.Migration.objects
    recorder.filter(app="network", name="0009_suggestion_reason").delete()
    assert not every_migration_applied()  # then the migration executor judges
