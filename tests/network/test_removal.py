"""Deleting what is yours: a contact (with everything about them), one interaction, an import
(undone, then forgotten), on the web, in the CLI and through the API; someone else's is a 404."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import time_machine

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.network.importers.linkedin import import_linkedin
from hedgerow.network.models import (
    Contact,
    ContactEmail,
    ImportRun,
    Interaction,
    Invitation,
    Update,
)
from hedgerow.network.services import log_interaction
from tests.conftest import NOW
from tests.network.views.archives import linkedin_zip

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def bearer(person) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_api_token(owner=person, name='t')[1]}"}


@pytest.fixture
def ana(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", notes="Met at the meetup")
    ContactEmail.objects.create(owner=owner, contact=ana, email="ana@example.org")
    log_interaction(contact=ana, kind="call", text="Talked about the move")
    Update.objects.create(
        owner=owner, contact=ana, kind="post", summary="A talk", detected_on=date(2026, 11, 20)
    )
    Invitation.objects.create(
        owner=owner,
        contact=ana,
        name="Ana Ruiz",
        direction="outgoing",
        sent_at="2026-10-01T09:00:00Z",
    )
    return ana


def gone(contact: Contact) -> bool:
    return not (
        Contact.objects.filter(pk=contact.pk).exists()
        or Interaction.objects.filter(contact_id=contact.pk).exists()
        or Update.objects.filter(contact_id=contact.pk).exists()
        or Invitation.objects.filter(owner_id=contact.owner_id, name=contact.name).exists()
        or ContactEmail.objects.filter(contact_id=contact.pk).exists()
    )


# --- a contact -----------------------------------------------------------------------------------


def test_it_asks_then_deletes_a_contact_with_everything_about_them(owner_client, ana):
    page = owner_client.get(f"/contacts/{ana.pk}/delete/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Delete Ana Ruiz?" in text and "1 interaction, 1 update and 1 invitation" in text
    assert (
        f"/contacts/{ana.pk}/delete/" in owner_client.get(f"/contacts/{ana.pk}/").content.decode()
    )

    response = owner_client.post(f"/contacts/{ana.pk}/delete/")

    assert response.status_code == 302 and response["Location"] == "/contacts/"
    assert gone(ana)


def test_it_never_deletes_someone_elses_contact(client, outsider, ana, capsys):
    client.force_login(outsider)
    assert client.get(f"/contacts/{ana.pk}/delete/").status_code == 404
    assert client.post(f"/contacts/{ana.pk}/delete/").status_code == 404
    assert client.delete(f"/api/v1/contacts/{ana.pk}", headers=bearer(outsider)).status_code == 404
    status, _, _ = run(capsys, "contact", "remove", "Ana Ruiz", "--yes", "--user", "mallory")
    assert status == 1
    assert Contact.objects.filter(pk=ana.pk).exists()


def test_it_deletes_a_contact_from_the_cli_only_when_told_to(capsys, owner, ana):
    status, _, err = run(capsys, "contact", "remove", "Ana")
    assert status == 2 and "--yes" in err
    assert Contact.objects.filter(pk=ana.pk).exists()

    status, out, _ = run(capsys, "contact", "remove", "Ana", "--yes")

    assert status == 0 and out == "Deleted Ana Ruiz and everything about them.\n"
    assert gone(ana)


def test_it_deletes_a_contact_through_the_api(client, owner, ana):
    response = client.delete(f"/api/v1/contacts/{ana.pk}", headers=bearer(owner))
    assert response.status_code == 204
    assert gone(ana)
    assert client.get(f"/api/v1/contacts/{ana.pk}", headers=bearer(owner)).status_code == 404


# --- an interaction ------------------------------------------------------------------------------


def test_it_deletes_one_interaction_on_the_web_cli_and_api(
    owner_client, client, owner, ana, capsys
):
    first = Interaction.objects.get(contact=ana)
    second = log_interaction(contact=ana, kind="meeting").interaction
    third = log_interaction(contact=ana, kind="email").interaction
    page = owner_client.get(f"/contacts/{ana.pk}/").content.decode()
    assert f"/interactions/{first.pk}/delete/" in page

    response = owner_client.post(f"/interactions/{first.pk}/delete/")
    assert response["Location"] == f"/contacts/{ana.pk}/"

    status, out, _ = run(capsys, "interactions", "Ana", "--json")
    assert status == 0 and {row["id"] for row in json.loads(out)} == {second.pk, third.pk}
    status, out, _ = run(capsys, "interaction", "remove", str(second.pk))
    assert status == 0 and "Deleted the meeting" in out

    api = client.delete(f"/api/v1/interactions/{third.pk}", headers=bearer(owner))
    assert api.status_code == 204
    assert not Interaction.objects.filter(contact=ana).exists()
    assert Contact.objects.filter(pk=ana.pk).exists()


def test_it_never_deletes_someone_elses_interaction(client, owner_client, outsider, ana, capsys):
    item = Interaction.objects.get(contact=ana)
    client.force_login(outsider)
    assert client.post(f"/interactions/{item.pk}/delete/").status_code == 404
    api = client.delete(f"/api/v1/interactions/{item.pk}", headers=bearer(outsider))
    assert api.status_code == 404
    assert run(capsys, "interaction", "remove", str(item.pk), "--user", "mallory")[0] == 1
    assert Interaction.objects.filter(pk=item.pk).exists()


# --- an import -----------------------------------------------------------------------------------


@pytest.fixture
def imported(owner, tmp_path):
    summary = import_linkedin(owner=owner, path=linkedin_zip(tmp_path))
    return ImportRun.objects.get(pk=summary.run_id)


def test_it_deletes_an_import_by_undoing_it_first(owner_client, owner, imported):
    assert Contact.objects.filter(owner=owner).exists()
    page = owner_client.get(f"/import/{imported.pk}/delete/")
    assert page.status_code == 200
    assert "First it is undone" in page.content.decode()

    response = owner_client.post(f"/import/{imported.pk}/delete/")

    assert response["Location"] == "/import/"
    assert not ImportRun.objects.filter(pk=imported.pk).exists()
    assert not Contact.objects.filter(owner=owner).exists()


def test_it_deletes_an_import_from_the_cli_and_the_api(client, capsys, owner, tmp_path, imported):
    status, out, _ = run(capsys, "import", "remove", str(imported.pk), "--json")
    body = json.loads(out)
    assert status == 0 and body["run_id"] == imported.pk and body["removed"]["network.contact"]
    assert not ImportRun.objects.filter(pk=imported.pk).exists()

    again = import_linkedin(owner=owner, path=linkedin_zip(tmp_path, later=True))
    response = client.delete(f"/api/v1/imports/{again.run_id}", headers=bearer(owner))
    assert response.status_code == 200
    assert response.json()["removed"]["network.contact"] == again.counts["contacts_created"]
    assert not ImportRun.objects.filter(owner=owner).exists()


def test_it_deletes_an_undone_import_as_just_its_record(owner_client, owner, imported, capsys):
    run(capsys, "import", "undo", str(imported.pk))
    status, out, _ = run(capsys, "import", "remove", str(imported.pk))
    assert status == 0 and out == f"Deleted import #{imported.pk} of {imported.file_name}.\n"


def test_it_asks_to_delete_later_imports_first(client, owner, tmp_path, imported):
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        later = import_linkedin(owner=owner, path=linkedin_zip(tmp_path, later=True))

    response = client.delete(f"/api/v1/imports/{imported.pk}", headers=bearer(owner))

    assert response.status_code == 409
    assert f"#{later.run_id}" in response.json()["detail"]
    assert ImportRun.objects.filter(pk=imported.pk).exists()


def test_it_never_deletes_someone_elses_import(client, outsider, imported, capsys):
    client.force_login(outsider)
    assert client.post(f"/import/{imported.pk}/delete/").status_code == 404
    assert (
        client.delete(f"/api/v1/imports/{imported.pk}", headers=bearer(outsider)).status_code == 404
    )
    assert run(capsys, "import", "remove", str(imported.pk), "--user", "mallory")[0] == 1
    assert ImportRun.objects.filter(pk=imported.pk).exists()
