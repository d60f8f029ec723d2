"""mbox import: Gmail Takeout, Thunderbird and Apple Mail files, noise, bad input, matching."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from hedgerow.accounts.services import profile_of
from hedgerow.cli import main
from hedgerow.network.importers import mbox
from hedgerow.network.importers.base import UnusableInput
from hedgerow.network.importers.mbox import import_mbox
from hedgerow.network.models import Contact, ContactEmail, ImportRun, Interaction, ReviewItem

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "mail"
GMAIL = FIXTURES / "gmail-takeout.mbox"
THUNDERBIRD = FIXTURES / "thunderbird-Inbox"
APPLE = FIXTURES / "apple"
TRUNCATED = FIXTURES / "truncated.mbox"
OWN = "alice.owner@gmail.com"


@pytest.fixture(autouse=True, params=["read here", "read in parts by workers"])
def reading(request, monkeypatch):
    """Every test twice: the file read by this process (small files), then cut in parts that
    worker processes read (big files; here parts of a few messages)."""
    if request.param == "read in parts by workers":
        monkeypatch.setattr(mbox, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(mbox, "PART", 2048)
    return request.param


def emails_with(owner, name: str) -> list[tuple[str, str]]:
    contact = Contact.objects.get(owner=owner, name=name)
    rows = contact.interactions.order_by("occurred_at").values_list("direction", "subject")
    return list(rows)


def test_it_imports_a_gmail_takeout_as_one_interaction_per_message_and_person(owner):
    summary = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    assert summary.counts["interactions_created"] == 6
    assert emails_with(owner, "Ana Ruiz") == [
        ("incoming", "Q3 launch plan"),
        ("outgoing", "Re: Q3 launch plan"),
    ]
    # "Lee, Bo" <Bo.Lee+work@googlemail.com> is one person, named the usual way round.
    assert emails_with(owner, "Bo Lee") == [("outgoing", "Re: Q3 launch plan")]
    ana = Interaction.objects.filter(owner=owner, contact__name="Ana Ruiz").last()  # the first
    assert ana is not None
    assert (ana.kind, ana.source, ana.text, ana.participants) == ("email", "email", "", 2)


def test_it_leaves_out_lists_newsletters_notifications_spam_and_mass_mail(owner):
    summary = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    counts = summary.counts
    assert counts["skipped_bulk_mail"] == 1  # List-Unsubscribe
    assert counts["skipped_spam_or_trash"] == 1  # X-Gmail-Labels: Spam
    assert counts["skipped_automated"] == 1  # noreply@github.com
    assert counts["skipped_many_recipients"] == 1  # the all-hands
    names = set(Contact.objects.filter(owner=owner).values_list("name", flat=True))
    assert not names & {"Shop Weekly", "Lucky Winner", "GitHub", "Dana Chief"}


def test_it_counts_a_message_that_appears_twice_once(owner):
    summary = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    assert summary.counts["interactions_skipped_existing"] == 1
    assert Interaction.objects.filter(owner=owner, contact__name="Ana Ruiz").count() == 2


def test_it_dates_a_message_without_date_by_its_from_line(owner):
    import_mbox(owner=owner, path=GMAIL, me=[OWN])

    carlos = Interaction.objects.get(owner=owner, contact__name="Carlos Mendes")
    assert carlos.occurred_at.isoformat() == "2024-03-06T08:30:00+00:00"


def test_it_reads_8_bit_headers_in_their_legacy_charset(owner):
    import_mbox(owner=owner, path=GMAIL, me=[OWN])

    jose = Interaction.objects.get(owner=owner, contact__name="José García")
    assert jose.subject == "Café mañana"


def test_it_lists_garbled_and_senderless_messages_and_imports_the_rest(owner):
    summary = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    problems = [(p.line, p.message) for p in summary.problems]
    assert problems == [
        (124, "the sender's name “Mei=ZZ” could not be decoded; its address was used"),
        (135, "message skipped: no sender address in “From: undisclosed”"),
    ]
    assert Contact.objects.filter(owner=owner, name="mei@lin.example").exists()


def test_it_changes_nothing_when_the_same_file_is_imported_again(owner):
    import_mbox(owner=owner, path=GMAIL, me=[OWN])
    before = (Contact.objects.count(), Interaction.objects.count(), ContactEmail.objects.count())

    again = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    after = (Contact.objects.count(), Interaction.objects.count(), ContactEmail.objects.count())
    assert after == before
    assert again.counts.get("interactions_created", 0) == 0


def test_it_finds_the_owners_address_when_nobody_said_it_and_saves_it(owner):
    summary = import_mbox(owner=owner, path=GMAIL)

    assert "aliceowner@gmail.com" in profile_of(owner).email_addresses
    assert any("found in the file" in note for note in summary.notes)
    assert summary.counts["interactions_created"] == 6


def test_it_uses_the_addresses_from_settings(owner):
    profile = profile_of(owner)
    profile.email_addresses = "Alice.Owner@googlemail.com"
    profile.save()

    summary = import_mbox(owner=owner, path=GMAIL)

    assert not any("found in the file" in note for note in summary.notes)
    assert summary.counts["interactions_created"] == 6


def test_it_attaches_mail_to_a_contact_by_any_spelling_of_their_address(owner, make_contact):
    bo = make_contact(owner, "Bo Lee")
    ContactEmail.objects.create(owner=owner, contact=bo, email="bolee@gmail.com")

    import_mbox(owner=owner, path=GMAIL, me=[OWN])

    assert bo.interactions.count() == 1
    assert Contact.objects.filter(owner=owner, name="Bo Lee").count() == 1


def test_it_attaches_mail_by_name_when_the_domain_is_their_company(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Acme", connected=True)

    summary = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    assert ana.interactions.count() == 2
    assert summary.counts["contacts_matched_by_name"] == 1
    assert ana.emails.filter(email="ana.ruiz@acme.example").exists()
    assert not ReviewItem.objects.filter(owner=owner).exists()


def test_it_asks_before_attaching_mail_to_a_namesake(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Globex")

    summary = import_mbox(owner=owner, path=GMAIL, me=[OWN])

    assert ana.interactions.count() == 0
    item = ReviewItem.objects.get(owner=owner)
    assert item.contact == ana
    assert item.reason == (
        "Same name as Ana Ruiz (Globex), but acme.example does not say they work there."
    )
    mail_ana = Contact.objects.get(pk=item.candidate["mail_contact_id"])
    assert mail_ana.interactions.count() == 2
    assert summary.counts["review_items_created"] == 1
    again = import_mbox(owner=owner, path=GMAIL, me=[OWN])
    assert again.counts.get("review_items_created", 0) == 0


def test_it_reads_thunderbird_folders_and_leaves_out_deleted_messages(owner):
    summary = import_mbox(owner=owner, path=THUNDERBIRD, me=["alice@posteo.example"])

    assert emails_with(owner, "Greta Svensson") == [
        ("outgoing", "Happy new year"),
        ("incoming", "Re: Happy new year"),
    ]
    assert summary.counts["skipped_spam_or_trash"] == 1


def test_it_reads_an_apple_mail_export_folder(owner):
    summary = import_mbox(owner=owner, path=APPLE, me=["alice@me.example"])

    assert summary.file_name == "apple"
    assert emails_with(owner, "Hiro Tanaka") == [("incoming", "会 議"), ("outgoing", "Re: meeting")]


def test_it_imports_a_cut_off_file_up_to_the_cut_and_says_where(owner):
    summary = import_mbox(owner=owner, path=TRUNCATED, me=[OWN])

    assert summary.counts["interactions_created"] == 3
    assert [(p.line, p.message) for p in summary.problems] == [
        (66, "the file ends inside this message's headers (it was cut off); skipped")
    ]


def test_it_skips_a_message_with_a_10_mb_header_and_reads_on(owner, tmp_path, monkeypatch):
    monkeypatch.setattr(mbox, "BLOCK", 1 << 20)
    huge = b"X-Junk: " + b"a" * (10 << 20) + b"\n"
    message = (
        b"From - Mon Jan 05 09:00:00 2015\nFrom: Greta <greta@svensson.example>\n"
        b"To: alice@posteo.example\nDate: Mon, 05 Jan 2015 09:00:00 +0100\n"
    )
    path = tmp_path / "huge.mbox"
    path.write_bytes(message + huge + b"\nbody\n\n" + message.replace(b"05", b"06") + b"\nok\n")

    summary = import_mbox(owner=owner, path=path, me=["alice@posteo.example"])

    assert summary.counts["interactions_created"] == 1
    assert [(p.line, p.message) for p in summary.problems] == [
        (1, "its headers run past 1 MB, so they are broken; skipped")
    ]


def test_it_keeps_the_text_only_for_owners_who_chose_to(owner):
    profile = profile_of(owner)
    profile.store_message_bodies = True
    profile.save()

    import_mbox(owner=owner, path=GMAIL, me=[OWN])

    first = Interaction.objects.filter(owner=owner, contact__name="Ana Ruiz").last()
    assert first is not None
    assert first.text.startswith("Hi Alice, here is the plan for the Q3 launch.")


def test_it_refuses_a_file_that_is_not_an_mbox_and_writes_nothing(owner, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary,\nFrom today on I keep notes.\n")

    with pytest.raises(UnusableInput, match=r"notes\.txt is not an mbox file"):
        import_mbox(owner=owner, path=path, me=[OWN])
    assert not ImportRun.objects.exists()


def test_it_refuses_when_it_cannot_tell_which_address_is_yours(owner, tmp_path):
    path = tmp_path / "forwarded.mbox"
    path.write_bytes(
        b"From - Mon Jan 05 09:00:00 2015\nFrom: a@one.example\nTo: b@two.example\n\nx\n\n"
        b"From - Mon Jan 06 09:00:00 2015\nFrom: c@three.example\nTo: d@four.example\n\ny\n"
    )

    with pytest.raises(UnusableInput, match="--me ADDRESS"):
        import_mbox(owner=owner, path=path)
    assert not Contact.objects.exists()


def test_it_does_not_guess_between_two_people_in_every_message(owner):
    with pytest.raises(UnusableInput, match="--me ADDRESS"):
        import_mbox(owner=owner, path=THUNDERBIRD)


def test_it_keeps_owners_apart(owner, outsider):
    import_mbox(owner=owner, path=GMAIL, me=[OWN])
    import_mbox(owner=outsider, path=GMAIL, me=[OWN])

    assert Contact.objects.filter(owner=owner).count() == 5
    assert Contact.objects.filter(owner=outsider).count() == 5
    assert Interaction.objects.filter(owner=outsider).count() == 6


def test_it_answers_the_cli_in_json_and_exits_2_on_unusable_input(owner, capsys, tmp_path):
    assert main(["import", "mbox", str(GMAIL), "--me", OWN, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["interactions_created"] == 6
    assert data["problems"][0]["line"] == 124

    empty = tmp_path / "empty.mbox"
    empty.write_bytes(b"")
    assert main(["import", "mbox", str(empty)]) == 2
    assert "empty.mbox is empty" in capsys.readouterr().err


def test_it_cuts_a_big_file_only_where_a_message_starts(owner, tmp_path, monkeypatch):
    path = tmp_path / "twice.mbox"
    path.write_bytes(GMAIL.read_bytes() + TRUNCATED.read_bytes())
    monkeypatch.setattr(mbox, "PART", 2048)

    cuts = mbox.part_bounds(path, path.stat().st_size)

    data = path.read_bytes()
    assert len(cuts) > 2
    assert all(data[start : start + 5] == b"From " for start, _end in cuts)
    assert [end for _s, end in cuts[:-1]] == [start for start, _e in cuts[1:]]
    assert cuts[-1][1] == len(data)


def evidence(owner) -> tuple[dict, dict]:
    """What ContactEvidence keeps per contact, and what counting the interactions says."""
    from hedgerow.network.models import ContactEvidence
    from hedgerow.network.suggest import Evidence, evidence_counted

    fields = ("contact_id", "sent", "received", "meetings", "small", "emails", "first", "last")
    kept = {
        row[0]: Evidence(*row[1:])
        for row in ContactEvidence.objects.filter(owner=owner).values_list(*fields)
    }
    return kept, evidence_counted(owner, date(2099, 1, 1))


def test_it_keeps_each_contacts_evidence_exact_through_an_import(owner, make_contact):
    from hedgerow.network.models import EvidenceRebuild

    ana = make_contact(owner, "Ana Ruiz")
    ContactEmail.objects.create(owner=owner, contact=ana, email="ana.ruiz@acme.example")
    Interaction.objects.create(  # evidence from before the import, kept by the trigger
        owner=owner, contact=ana, kind="email", direction="outgoing", source="linkedin",
        occurred_at=datetime(2019, 1, 1, tzinfo=UTC), participants=2,
    )  # fmt: skip

    import_mbox(owner=owner, path=GMAIL, me=[OWN])

    kept, counted = evidence(owner)
    assert len(kept) == 5 and kept == counted
    assert kept[ana.pk].emails == 3 and kept[ana.pk].first == datetime(2019, 1, 1, tzinfo=UTC)
    assert not EvidenceRebuild.objects.exists()
    # Afterwards every write counts again as it happens.
    Interaction.objects.create(
        owner=owner, contact=ana, kind="email", direction="incoming", source="email",
        occurred_at=datetime(2030, 1, 1, tzinfo=UTC), participants=2,
    )  # fmt: skip
    kept, counted = evidence(owner)
    assert kept == counted and kept[ana.pk].last == datetime(2030, 1, 1, tzinfo=UTC)


def test_it_turns_the_cycle_collector_back_on_however_the_import_ends(owner, tmp_path):
    import gc

    import_mbox(owner=owner, path=GMAIL, me=[OWN])
    assert gc.isenabled()

    (tmp_path / "empty.mbox").write_bytes(b"")
    with pytest.raises(UnusableInput):
        import_mbox(owner=owner, path=tmp_path / "empty.mbox", me=[OWN])
    assert gc.isenabled()


@pytest.mark.parametrize(
    "text",
    [
        "Wed, 11 Nov 2020 10:23:45 +0000",
        "Wed, 11 Nov 2020 10:23:45 -0000",
        "11 Nov 2020 10:23:45 +0530",
        "Mon, 5 Jan 2015 09:00:00 -0800",
        "Mon, 31 Feb 2015 09:00:00 +0100",  # no such day
        "Mon, 05 Foo 2015 09:00:00 +0100",  # no such month
        "Mon, 05 Jan 2015 24:00:00 +0100",
        "Mon, 05 Jan 2015 09:00:00 +9999",
        "Mon, 05 Jan 1960 09:00:00 +0000",  # before mail
        "Mon, 05 JAN 2015 09:00 GMT",  # other forms go to email.utils
        "  Tue, 06 Jan 2015 09:00:00 +0100 (CET)",
    ],
)
def test_it_reads_a_date_in_the_usual_form_as_email_utils_does(text):
    from email.utils import parsedate_to_datetime

    try:
        expected = parsedate_to_datetime(text.strip())
        expected = expected if expected.tzinfo else expected.replace(tzinfo=UTC)
        expected = expected if 1971 <= expected.year <= 2100 else None
    except ValueError:
        expected = None

    found = mbox._parse_date(text)

    assert found == expected
    assert found is None or found.utcoffset() == expected.utcoffset()


def test_it_keeps_evidence_exact_at_every_turn_it_commits(transactional_db, owner, monkeypatch):
    """On SQLite a long import commits in turns, and others write between them: no turn may
    commit the owner's mark, nor evidence that is behind the rows it commits."""
    from django.db import connection

    from hedgerow.network import mail
    from hedgerow.network.importers import turns
    from hedgerow.network.models import EvidenceRebuild
    from hedgerow.network.services import importer_for

    if connection.vendor != "sqlite":
        pytest.skip("imports take turns on SQLite only")
    monkeypatch.setattr(turns, "TURN_BUSY", 0.0)
    monkeypatch.setattr(turns, "TURN_QUIET", 0.0)
    monkeypatch.setattr(mbox, "BLOCK", 2048)  # progress, and so a turn, every few messages
    monkeypatch.setattr(mail, "BATCH_ROWS", 1)  # each interaction written at once
    seen = []

    def between_turns(_raw) -> int:  # after a turn's COMMIT, before the next BEGIN
        kept, counted = evidence(owner)
        seen.append((EvidenceRebuild.objects.exists(), kept == counted, len(kept)))
        return 0

    monkeypatch.setattr(turns, "_let_others_write", between_turns)

    importer_for("mbox")(owner=owner, path=GMAIL, me=[OWN])

    assert len(seen) >= 2 and max(n for _m, _e, n in seen) > 0
    assert all(not marked and exact for marked, exact, _n in seen)
    kept, counted = evidence(owner)
    assert kept == counted and not EvidenceRebuild.objects.exists()
