from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hedgerow.network.models import ContactEmail, Tag


@pytest.fixture
def people(owner, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Lumen", position="Designer", connected=True)
    bo = make_contact(owner, "Bo Chen", company="Orbit", is_core=True, connected=True)
    cleo = make_contact(owner, "Cleo Park", company="Lumen Labs", connected_on=date(2020, 5, 1))
    ContactEmail.objects.create(owner=owner, contact=cleo, email="cleo@example.org")
    mentor = Tag.objects.create(owner=owner, name="mentor")
    bo.tags.add(mentor)
    return {"ana": ana, "bo": bo, "cleo": cleo, "mentor": mentor}


def names(response) -> list[str]:
    return [contact.name for contact in response.context["page"].object_list]


def test_it_lists_the_owner_s_contacts_by_name(owner_client, people):
    response = owner_client.get("/contacts/")
    assert response.status_code == 200
    assert names(response) == ["Ana Ruiz", "Bo Chen", "Cleo Park"]
    assert f'href="/contacts/{people["ana"].pk}/"' in response.content.decode()


def test_it_searches_name_company_and_email(owner_client, people):
    assert names(owner_client.get("/contacts/?q=ruiz")) == ["Ana Ruiz"]
    assert names(owner_client.get("/contacts/?q=orbit")) == ["Bo Chen"]
    assert names(owner_client.get("/contacts/?q=cleo@example")) == ["Cleo Park"]
    assert names(owner_client.get("/contacts/?q=lumen designer")) == []
    assert names(owner_client.get("/contacts/?q=lumen ana")) == ["Ana Ruiz"]


def test_it_filters_by_core_company_tag_and_connection(owner_client, people):
    assert names(owner_client.get("/contacts/?core=on")) == ["Bo Chen"]
    assert names(owner_client.get("/contacts/?company=lumen")) == ["Ana Ruiz", "Cleo Park"]
    assert names(owner_client.get(f"/contacts/?tag={people['mentor'].pk}")) == ["Bo Chen"]
    assert names(owner_client.get("/contacts/?connected=no")) == ["Cleo Park"]
    assert names(owner_client.get("/contacts/?connected=yes")) == ["Ana Ruiz", "Bo Chen"]


def test_it_pages_fifty_at_a_time_keeping_the_filters(owner_client, owner, make_contact):
    for n in range(120):
        make_contact(owner, f"Person {n:03d}", company="Acme")

    first = owner_client.get("/contacts/?company=acme")
    third = owner_client.get("/contacts/?company=acme&page=3")

    assert len(names(first)) == 50
    assert "company=acme&amp;page=2" in first.content.decode()
    assert names(third)[0] == "Person 100" and len(names(third)) == 20


def test_it_costs_the_same_few_queries_however_many_contacts(
    owner_client, owner, make_contact, make_interaction
):
    def queries_for(path: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            owner_client.get(path)
        return len(queries)

    for n in range(60):
        person = make_contact(owner, f"Person {n:03d}", company="Acme", is_core=n % 2 == 0)
        make_interaction(person, on=date(2026, 1, 1 + n % 28))
    few = [queries_for(p) for p in ("/contacts/?q=person", "/contacts/?sort=-last")]
    for n in range(60, 120):
        make_contact(owner, f"Person {n:03d}", company="Acme", is_core=n % 2 == 0)
    many = [queries_for(p) for p in ("/contacts/?q=person", "/contacts/?sort=-last")]

    # Session, person, tags, the count and the page, last contact for the page, and one count
    # per quick filter: never a query per row.
    assert few == many and max(many) <= 14


def test_it_never_lists_someone_else_s_contacts_or_tags(client, outsider, people):
    client.force_login(outsider)

    response = client.get("/contacts/?q=ruiz")

    assert names(response) == []
    assert "mentor" not in response.content.decode()
    assert names(client.get(f"/contacts/?tag={people['mentor'].pk}")) == []


def test_it_invites_a_person_without_contacts_to_import(owner_client):
    response = owner_client.get("/contacts/")
    assert b"No contacts yet" in response.content
    assert b'href="/import/"' in response.content


def test_it_sorts_by_any_column_and_shows_the_last_contact(owner_client, people, make_interaction):
    make_interaction(people["cleo"], on=date(2026, 3, 1))
    make_interaction(people["ana"], on=date(2025, 12, 24))

    latest_first = owner_client.get("/contacts/?sort=-last")
    oldest_first = owner_client.get("/contacts/?sort=last")
    by_company = owner_client.get("/contacts/?sort=-company")

    assert names(latest_first) == ["Cleo Park", "Ana Ruiz", "Bo Chen"]  # never in touch: last
    assert names(oldest_first) == ["Ana Ruiz", "Cleo Park", "Bo Chen"]
    assert names(by_company) == ["Bo Chen", "Cleo Park", "Ana Ruiz"]
    html = latest_first.content.decode()
    assert "1 Mar 2026" in html and "24 Dec 2025" in html
    assert 'aria-sort="descending"' in html and "sort=last" in html  # a click turns it round


def test_it_filters_core_overdue_gone_and_needs_review(
    owner_client, owner, people, make_contact, make_interaction
):
    from hedgerow.network.models import ReviewItem

    dee = make_contact(owner, "Dee Due", is_core=True, core_since=date(2024, 1, 1))
    make_interaction(dee, on=date(2025, 1, 1))
    ReviewItem.objects.create(
        owner=owner,
        contact=people["ana"],
        source="vcard",
        candidate={"name": "A. Ruiz"},
        reason="Same name",
        external_id="x1",
    )

    assert names(owner_client.get("/contacts/?show=core")) == ["Bo Chen", "Dee Due"]
    assert names(owner_client.get("/contacts/?show=overdue")) == ["Dee Due"]
    assert names(owner_client.get("/contacts/?show=gone")) == ["Cleo Park"]
    assert names(owner_client.get("/contacts/?show=review")) == ["Ana Ruiz"]
    html = owner_client.get("/contacts/?show=gone&q=park").content.decode()
    assert "show=overdue" in html and "q=park" in html  # the other filters keep the search
