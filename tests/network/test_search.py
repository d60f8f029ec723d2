"""Searching contacts costs one bounded query whatever is typed, on the page, the CLI and the API:
at most MAX_TERMS words are searched, and the person is told when more were given."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hedgerow.accounts.services import create_api_token
from hedgerow.cli import main
from hedgerow.network import search
from hedgerow.network.models import ContactEmail
from hedgerow.network.services import filter_contacts, find_contacts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]

THOUSAND_WORDS = " ".join(f"w{i}" for i in range(1000))
NOTE = f"Searched for the first {search.MAX_TERMS} words."
# Characters that mean something to LIKE, to regular expressions or to URL parsing.
METACHARACTERS = ["[", "%", "_", "\\", ".*", "(", "^$", "https://[www", "a%b_c", "'", '"']


@pytest.fixture
def key(owner):
    return create_api_token(owner=owner, name="script")[1]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_it_searches_the_first_words_and_says_so():
    terms = search.terms_of(THOUSAND_WORDS)

    assert terms.words == tuple(f"w{i}" for i in range(search.MAX_TERMS))
    assert terms.note == NOTE
    assert search.terms_of("ana ruiz").note == ""


def test_it_searches_long_words_by_their_start():
    terms = search.terms_of("x" * 10_000)

    assert terms.words == ("x" * search.MAX_TERM_LENGTH,)
    assert f"first {search.MAX_TERM_LENGTH} letters" in terms.note


def test_it_reads_only_a_bounded_part_of_a_huge_query():
    terms = search.terms_of("ana " + "y" * 5_000_000)

    assert terms.words[0] == "ana" and len(terms.words) == 2
    assert NOTE in terms.note


@pytest.mark.parametrize("finder", ["find", "filter"])
def test_it_costs_one_query_for_a_thousand_words(owner, make_contact, finder):
    ana = make_contact(owner, "w0 w1 w2 w3", company="w4 w5 w6 w7")
    ContactEmail.objects.create(owner=owner, contact=ana, email="w0@example.com")
    make_contact(owner, "Someone Else")

    with CaptureQueriesContext(connection) as queries:
        if finder == "find":
            found = list(find_contacts(owner, THOUSAND_WORDS))
        else:
            found = list(filter_contacts(owner, q=THOUSAND_WORDS))

    # find_contacts matches names and emails only, filter_contacts the company too.
    assert found == ([] if finder == "find" else [ana])
    assert len(queries) == 1
    sql = queries.captured_queries[0]["sql"]
    assert sql.count("JOIN") == 0
    assert sql.count("LIKE") <= 3 * search.MAX_TERMS


@pytest.mark.parametrize("text", METACHARACTERS)
def test_it_treats_metacharacters_as_letters(owner, make_contact, text):
    literal = make_contact(owner, f"Odd {text} Name")
    make_contact(owner, "Plain Person")

    assert list(find_contacts(owner, text)) == [literal]
    assert list(filter_contacts(owner, q=text)) == [literal]


def test_it_answers_a_thousand_words_on_the_api_in_bounded_queries(
    client, owner, key, make_contact, django_assert_max_num_queries
):
    make_contact(owner, "w0 w1 w2 w3 w4 w5 w6 w7")
    make_contact(owner, "Someone Else")

    with django_assert_max_num_queries(4):  # the key, the search, the emails (prefetch)
        response = client.get("/api/v1/contacts", {"q": THOUSAND_WORDS}, headers=bearer(key))

    assert response.status_code == 200
    assert [c["name"] for c in response.json()] == ["w0 w1 w2 w3 w4 w5 w6 w7"]
    assert response["Hedgerow-Search-Note"] == NOTE


@pytest.mark.parametrize("text", METACHARACTERS)
def test_it_answers_metacharacters_on_the_api(client, owner, key, make_contact, text):
    make_contact(owner, f"Odd {text} Name")
    make_contact(owner, "Plain Person")

    response = client.get("/api/v1/contacts", {"q": text}, headers=bearer(key))

    assert response.status_code == 200
    assert [c["name"] for c in response.json()] == [f"Odd {text} Name"]
    assert "Hedgerow-Search-Note" not in response


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("offset=99999999999999999999", "offset"),
        ("offset=-1", "offset"),
        ("limit=99999999999999999999", "limit"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
    ],
)
def test_it_refuses_out_of_range_paging_with_a_sentence(client, owner, key, query, field):
    response = client.get(f"/api/v1/contacts?{query}", headers=bearer(key))

    assert response.status_code == 422
    body = response.json()
    assert body["field"] == field
    assert body["detail"].endswith(".") and field in body["detail"]


def test_it_pages_through_contacts(client, owner, key, make_contact):
    for name in ("Ana A", "Bo B", "Cy C"):
        make_contact(owner, name)

    response = client.get("/api/v1/contacts?limit=1&offset=1", headers=bearer(key))
    past_the_end = client.get("/api/v1/contacts?offset=1000000", headers=bearer(key))

    assert [c["name"] for c in response.json()] == ["Bo B"]
    assert past_the_end.status_code == 200 and past_the_end.json() == []


def test_it_says_so_on_the_contacts_page(owner_client, owner, make_contact):
    make_contact(owner, "w0 w1 w2 w3 w4 w5 w6 w7")

    response = owner_client.get("/contacts/", {"q": THOUSAND_WORDS})

    assert response.status_code == 200
    assert NOTE in response.content.decode()
    assert "w0 w1 w2 w3 w4 w5 w6 w7" in response.content.decode()


@pytest.mark.parametrize("text", ["[", "%", "https://[www", "offset=99999999999999999999"])
def test_it_searches_metacharacters_on_the_contacts_page(owner_client, text):
    response = owner_client.get("/contacts/", {"q": text, "page": "99999999999999999999"})

    assert response.status_code == 200


def test_it_says_so_on_the_cli_and_keeps_json_clean(capsys, owner, make_contact):
    make_contact(owner, "w0 w1 w2 w3 w4 w5 w6 w7")

    status = main(["contacts", THOUSAND_WORDS, "--json"])
    out, err = capsys.readouterr()

    assert status == 0
    assert [c["name"] for c in json.loads(out)] == ["w0 w1 w2 w3 w4 w5 w6 w7"]
    assert NOTE in err


@pytest.mark.parametrize("text", METACHARACTERS)
def test_it_searches_metacharacters_on_the_cli(capsys, owner, make_contact, text):
    make_contact(owner, f"Odd {text} Name")

    status = main(["contacts", text, "--json"])
    out, _ = capsys.readouterr()

    assert status == 0
    assert [c["name"] for c in json.loads(out)] == [f"Odd {text} Name"]
