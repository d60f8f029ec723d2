from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hedgerow.accounts.services import profile_of
from hedgerow.network.models import Contact, ImportJob, ImportRun, ReviewItem, Update
from tests.network.views.archives import linkedin_zip


def upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/zip")


def post_archive(client, path: Path, follow: bool = False, **extra):
    data = {"source": "linkedin", "file": upload(path), **extra}
    return client.post("/import/", data, follow=follow)


def test_it_shows_the_upload_form(owner_client):
    html = owner_client.get("/import/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "LinkedIn archive (.zip)" in html
    assert "Keep the text of LinkedIn messages" in html
    assert "No imports yet" in html


def test_it_imports_an_archive_and_shows_the_summary_and_problems(owner_client, owner, tmp_path):
    response = post_archive(owner_client, linkedin_zip(tmp_path))

    run = ImportRun.objects.get(owner=owner)
    job = ImportJob.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == f"/import/jobs/{job.pk}/"
    assert (job.status, job.run) == ("done", run)
    assert owner_client.get(response["Location"])["Location"] == f"/import/{run.pk}/"
    assert Contact.objects.filter(owner=owner).count() == 2
    html = owner_client.get(f"/import/{run.pk}/").content.decode()
    assert "Basic_LinkedInDataExport.zip" in html
    assert "2 contacts created" in html
    assert "<td>Connections.csv</td>" in html
    assert "someday" in html  # the bad date, named in the problem
    assert html.count("<td>Connections.csv</td>") == len(run.problems)


def test_it_turns_a_later_export_into_updates_on_today(owner_client, owner, tmp_path):
    post_archive(owner_client, linkedin_zip(tmp_path))
    post_archive(owner_client, linkedin_zip(tmp_path, later=True))

    update = Update.objects.get(owner=owner)
    assert update.kind == "new_position"
    assert "Northwind" in owner_client.get("/").content.decode()


def test_it_explains_an_unusable_file_and_writes_nothing(owner_client, owner, tmp_path):
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("just some text")

    response = post_archive(owner_client, not_zip, follow=True)

    html = response.content.decode()
    assert "We couldn't import that file." in html
    assert "notes.zip is not a readable .zip archive: it may have been cut off" in html
    assert "imports/tmp" not in html
    assert not Contact.objects.exists()
    assert not ImportRun.objects.exists()


def test_it_asks_for_a_file(owner_client):
    response = owner_client.post("/import/", {"source": "linkedin"})
    assert response.status_code == 400
    assert b"Choose the file to import." in response.content


def test_it_remembers_whether_to_keep_message_text(owner_client, owner, tmp_path):
    post_archive(owner_client, linkedin_zip(tmp_path), keep_message_text="on")
    assert profile_of(owner).store_message_bodies is True

    post_archive(owner_client, linkedin_zip(tmp_path))
    assert profile_of(owner).store_message_bodies is False


def test_it_lists_past_imports_of_the_owner_only(client, owner, outsider, tmp_path):
    client.force_login(owner)
    post_archive(client, linkedin_zip(tmp_path))
    run = ImportRun.objects.get(owner=owner)

    assert f"/import/{run.pk}/" in client.get("/import/").content.decode()
    client.force_login(outsider)
    assert f"/import/{run.pk}/" not in client.get("/import/").content.decode()
    assert client.get(f"/import/{run.pk}/").status_code == 404


@pytest.fixture
def review_item(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Lumen")
    candidate = {
        "name": "Ana Ruiz-Vega",
        "first_name": "Ana",
        "last_name": "Ruiz-Vega",
        "emails": [{"email": "ana@example.org", "label": "work"}],
        "company": "Lumen",
        "named": True,
        "file": "contacts.vcf",
        "line": 12,
    }
    return ReviewItem.objects.create(
        owner=owner,
        contact=ana,
        source="vcard",
        candidate=candidate,
        reason="similar name at the same company",
        external_id="card-1",
    )


def test_it_lists_possible_matches_side_by_side(owner_client, review_item):
    html = owner_client.get("/import/review/").content.decode()
    assert "Ana Ruiz-Vega" in html
    assert "ana@example.org" in html
    assert "contacts.vcf, line 12" in html
    assert "Same person — merge" in html


@pytest.mark.parametrize(
    ("decision", "resolution"), [("merge", "merged"), ("separate", "separate")]
)
def test_it_resolves_a_possible_match(owner_client, owner, review_item, decision, resolution):
    response = owner_client.post(f"/import/review/{review_item.pk}/", {"decision": decision})

    assert response.status_code == 302
    review_item.refresh_from_db()
    assert review_item.resolution == resolution
    assert review_item.resolved_at is not None
    expected = 1 if decision == "merge" else 2
    assert Contact.objects.filter(owner=owner).count() == expected


def test_it_gives_an_outsider_404_on_a_review_item(client, outsider, review_item):
    client.force_login(outsider)

    assert (
        client.post(f"/import/review/{review_item.pk}/", {"decision": "merge"}).status_code == 404
    )
    assert "Ana Ruiz-Vega" not in client.get("/import/review/").content.decode()
    review_item.refresh_from_db()
    assert review_item.resolved_at is None
