"""`hedgerow export --all PATH` and Settings' "Download everything": every part of a person's
data, in a versioned JSON shape, with vCard and CSV for contacts, and nothing of anyone else's."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
import vobject

from hedgerow.cli import main
from hedgerow.network.importers.vcard import import_vcard
from hedgerow.portability.export import FILES, FORMAT, VERSION

pytestmark = pytest.mark.django_db


def read_zip(path_or_bytes) -> dict[str, str]:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with zipfile.ZipFile(source) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_it_exports_everything_a_person_owns_to_a_zip(alice_data, mallory_data, tmp_path, capsys):
    target = tmp_path / "mine.zip"

    assert main(["export", "--all", str(target), "--user", "alice"]) == 0

    out = capsys.readouterr().out
    assert (
        f"Exported 1 contacts, 1 interactions, 1 updates, 1 invitations and 1 goals to {target}."
        in out
    )
    files = read_zip(target)
    assert sorted(files) == sorted(FILES)
    data = json.loads(files["hedgerow.json"])
    assert (data["format"], data["version"]) == (FORMAT, VERSION)
    assert data["person"]["username"] == "alice"
    (contact,) = data["contacts"]
    assert contact["name"] == "Ana Alicewords"
    assert contact["emails"] == [{"email": "ana@alicewords.org", "label": ""}]
    assert contact["phones"] == [{"number": "+44 20 7946 0001", "label": "work"}]
    assert contact["tags"] == ["Alicewords-circle"]
    assert data["interactions"][0]["text"] == "How did the Alicewords launch go?"
    assert data["interactions"][0]["contact_id"] == contact["id"]
    assert data["updates"][0]["summary"] == "Started at Alicewords Books"
    assert data["invitations"][0]["note"] == "Hello from Alicewords"
    (goal,) = data["goals"]
    assert goal["sentence"] == "Publish the Alicewords novel by June."
    assert [c["did"] for c in goal["checkins"]] == ["Wrote the Alicewords chapter."]
    assert data["practice"]["aspiration"]["aspiration"] == "Write Alicewords books for a living."
    assert data["practice"]["sessions"][0]["situation"] == "Mock Alicewords interview"
    assert data["groups"]["memberships"][0]["group_name"] == "Alicewords circle"
    assert data["groups"]["prompts"][0]["text"] == "One Alicewords thing this week?"
    assert "password" not in files["hedgerow.json"]


def test_it_leaves_out_everything_of_the_outsider(alice_data, mallory_data, tmp_path):
    assert main(["export", "--all", str(tmp_path / "mine.zip"), "--user", "alice"]) == 0

    everything = "".join(read_zip(tmp_path / "mine.zip").values()).lower()
    assert "alicewords" in everything
    assert "mallory" not in everything


def test_it_writes_contacts_as_vcards_an_address_book_reads_back(alice_data, outsider, tmp_path):
    assert main(["export", "--all", str(tmp_path / "out"), "--user", "alice"]) == 0

    text = (tmp_path / "out" / "contacts.vcf").read_text(encoding="utf-8")
    (card,) = vobject.readComponents(text)
    assert card.fn.value == "Ana Alicewords"
    assert card.org.value == ["Alicewords Press"]
    assert card.email.value == "ana@alicewords.org"
    assert card.tel.value == "+44 20 7946 0001"
    assert card.categories.value == ["Alicewords-circle"]
    # Hedgerow's own vCard importer takes it in whole, for someone else.
    summary = import_vcard(owner=outsider, path=tmp_path / "out" / "contacts.vcf")
    assert summary.problems == []
    contact = outsider.contacts.get()
    assert (contact.name, contact.company, contact.position) == (
        "Ana Alicewords",
        "Alicewords Press",
        "Editor",
    )
    assert list(contact.emails.values_list("email", flat=True)) == ["ana@alicewords.org"]


def test_it_writes_contacts_as_csv_one_person_a_row(alice_data, tmp_path):
    assert main(["export", "--all", str(tmp_path / "out"), "--user", "alice"]) == 0

    with (tmp_path / "out" / "contacts.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["name"] == "Ana Alicewords"
    assert row["emails"] == "ana@alicewords.org"
    assert row["tags"] == "Alicewords-circle"
    assert row["is_core"] == "True"


def test_it_refuses_a_folder_that_holds_files_or_a_zip_that_exists(owner, tmp_path, capsys):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    (tmp_path / "old.zip").write_bytes(b"old")

    assert main(["export", "--all", str(tmp_path / "full")]) == 2
    assert main(["export", "--all", str(tmp_path / "old.zip")]) == 2

    err = capsys.readouterr().err
    assert f"{tmp_path / 'full'} is not an empty folder; name a new folder or a .zip file." in err
    assert f"{tmp_path / 'old.zip'} already exists; choose a new name for the export." in err
    assert (tmp_path / "old.zip").read_bytes() == b"old"


def test_it_prints_the_counts_as_json(alice_data, tmp_path, capsys):
    assert main(["export", "--all", str(tmp_path / "x.zip"), "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert report["path"] == str(tmp_path / "x.zip")
    assert report["counts"]["contacts"] == 1
    assert report["counts"]["goals"] == 1
    assert report["counts"]["practice.reflections"] == 1


def test_it_downloads_the_same_zip_from_settings(client, owner, alice_data, mallory_data):
    client.force_login(owner)
    page = client.get("/accounts/settings/").content.decode()
    assert 'action="/accounts/settings/export/"' in page
    assert "Download everything" in page

    response = client.post("/accounts/settings/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        'attachment; filename="hedgerow-alice-2026-11-25.zip"'
    )
    files = read_zip(b"".join(response.streaming_content))
    assert json.loads(files["hedgerow.json"])["contacts"][0]["name"] == "Ana Alicewords"
    assert "mallory" not in "".join(files.values()).lower()


def test_it_lets_only_a_signed_in_person_download(client, alice_data):
    response = client.post("/accounts/settings/export/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_exports_a_person_with_nothing_yet(owner, tmp_path):
    assert main(["export", "--all", str(tmp_path / "empty.zip")]) == 0

    data = json.loads(read_zip(tmp_path / "empty.zip")["hedgerow.json"])
    assert data["contacts"] == [] and data["goals"] == []
    assert data["practice"]["aspiration"] is None


def test_it_escapes_and_folds_what_vcards_cannot_hold_plainly(owner, make_contact, tmp_path):
    notes = "Met at Café Ölberg; talked about ladders, ropes\nand a long trip " + "é" * 80
    make_contact(owner, "Zoë Ångström", company="Smith, Jones; Partners", notes=notes)

    assert main(["export", "--all", str(tmp_path / "out")]) == 0

    raw = (tmp_path / "out" / "contacts.vcf").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    (card,) = vobject.readComponents(raw.decode("utf-8"))
    assert card.fn.value == "Zoë Ångström"
    assert card.org.value == ["Smith, Jones; Partners"]
    assert card.note.value == notes
