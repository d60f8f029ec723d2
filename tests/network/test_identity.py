from __future__ import annotations

import pytest

from hedgerow.network.identity import (
    name_parts,
    normalize_email,
    normalize_linkedin_url,
    normalize_name,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.linkedin.com/in/ana-ruiz", "https://www.linkedin.com/in/ana-ruiz"),
        ("http://uk.linkedin.com/in/Ana-Ruiz-4b7a/", "https://www.linkedin.com/in/ana-ruiz-4b7a"),
        ("linkedin.com/in/jos%C3%A9?trk=x", "https://www.linkedin.com/in/josé"),
        ("https://www.linkedin.com/company/acme", ""),
        ("https://example.org/in/ana", ""),
        ("", ""),
    ],
)
def test_it_normalizes_profile_urls(raw, expected):
    assert normalize_linkedin_url(raw) == expected


def test_it_normalizes_emails_and_names():
    assert normalize_email(" <Ana@Example.ORG> ") == "ana@example.org"
    assert normalize_email("not an email") == ""
    assert normalize_name("  José  GARCÍA-López ") == "jose garcia lopez"


def test_it_splits_credentials_off_the_last_name():
    parts = name_parts("Ana", "Ruiz, PhD")
    assert (parts.first, parts.last, parts.credentials, parts.display) == (
        "Ana",
        "Ruiz",
        "PhD",
        "Ana Ruiz",
    )


def test_it_splits_several_credentials():
    parts = name_parts("Lee", "Park, MBA, PMP")
    assert (parts.last, parts.credentials) == ("Park", "MBA, PMP")


def test_it_keeps_a_comma_that_is_not_a_credential():
    parts = name_parts("Ana", "Ruiz, Garcia")
    assert (parts.last, parts.credentials) == ("Ruiz, Garcia", "")


def test_it_writes_east_asian_names_family_name_first():
    assert name_parts("芳", "李").display == "李芳"
    assert name_parts("민준", "이").display == "이민준"
    assert name_parts("Ana", "李").display == "Ana 李"
