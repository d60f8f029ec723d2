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


def test_it_costs_the_same_few_queries_however_many_contacts(owner_client, owner, make_contact):
    for n in range(60):
        make_contact(owner, f"Person {n:03d}", company="Acme", is_core=n % 2 == 0)

    with CaptureQueriesContext(connection) as queries:
        owner_client.get("/contacts/?q=person")

    assert len(queries) <= 8  # session, user, tags, count, page: no query per row


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
