from __future__ import annotations

from datetime import date

import pytest

from hedgerow.network.identity import (
    Directory,
    Traits,
    name_key,
    name_parts,
    normalize_email,
    normalize_linkedin_url,
    normalize_name,
    phone_key,
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


# --- The one rule set: Directory -----------------------------------------------------------------


def people(*records: Traits) -> Directory[Person]:
    directory: Directory[Person] = Directory(lambda person: person.traits)
    for traits in records:
        directory.add(Person(traits))
    return directory


class Person:
    def __init__(self, traits: Traits) -> None:
        self.traits = traits

    def __repr__(self) -> str:
        return self.traits.name


def found(directory: Directory[Person], record: Traits, **kwargs) -> tuple[str, bool] | None:
    match = directory.find(record, **kwargs)
    return None if match is None else (match.person.traits.company, match.sure)


def test_it_keys_names_without_order_titles_or_credentials():
    assert name_key("Dr. Ana Ruiz, PhD") == name_key("ruiz ana") == "ana ruiz"
    assert name_key("Doe, John") == name_key("John Doe")
    assert name_key("Dean Martin") == "dean martin"  # a first name, not a title


def test_it_keys_phones_by_their_last_nine_digits():
    assert phone_key("+44 20 7946 0018") == phone_key("020 7946 0018") == "079460018"
    assert phone_key("ext. 12") == ""


def test_it_finds_by_url_and_never_across_two_urls():
    directory = people(Traits(name="Ana Ruiz", url=ANA, company="Acme"))

    assert found(directory, Traits(name="Someone", url=ANA)) == ("Acme", True)
    assert found(directory, Traits(name="Ana Ruiz", url=ANA + "-2"), doubts=True) is None


def test_it_finds_by_email():
    directory = people(Traits(name="Ana Ruiz", emails=("ana@x.org",), company="Acme"))

    assert found(directory, Traits(name="A. R.", emails=("ana@x.org",))) == ("Acme", True)


def test_it_tells_namesakes_apart_by_company_position_and_date():
    directory = people(
        Traits(name="John Smith", company="Intel", position="Engineer", connected_on=MARCH),
        Traits(name="John Smith", company="Sprout", position="Founder", connected_on=NOVEMBER),
    )
    sprout = Traits(name="John Smith", company="Sprout", position="Founder", connected_on=NOVEMBER)
    moved = Traits(name="John Smith", company="AMD", position="Engineer", connected_on=MARCH)
    unknown = Traits(name="John Smith", company="Globex", position="CEO")

    assert found(directory, sprout) == ("Sprout", True)
    assert found(directory, moved) == ("Intel", True)
    assert found(directory, unknown) is None  # ambiguous: kept apart


def test_it_gives_each_row_of_a_file_its_own_person():
    row = Traits(name="Maria Lopez", company="Acme", connected_on=MARCH)
    directory = people(row, row)
    first = directory.find(row)
    assert first is not None

    second = directory.find(row, taken={first.person})

    assert second is not None and second.person is not first.person
    assert directory.find(row, taken={first.person, second.person}) is None


def test_it_doubts_the_same_name_at_another_company_unless_the_card_has_its_own_email():
    directory = people(Traits(name="Ana Ruiz", company="Acme", emails=("ana@acme.org",)))

    assert found(directory, Traits(name="Ana Ruiz", company="Globex"), doubts=True) == (
        "Acme",
        False,
    )
    other = Traits(name="Ana Ruiz", company="Globex", emails=("ana@globex.org",))
    assert found(directory, other, doubts=True) is None


def test_it_weighs_distinctive_words_in_near_names():
    directory = people(
        *(Traits(name=f"Maria {family} Lopez", company=family) for family in FAMILIES),
        Traits(name="Jonathan Whitfield", company="Acme"),
    )

    assert found(directory, Traits(name="Jonathon Whitfield"), doubts=True) == ("Acme", False)
    # Sharing "Maria" and "Lopez" with many others says little; "Fernandez" is new.
    assert found(directory, Traits(name="Maria Fernandez Lopez"), doubts=True) is None


def test_it_is_no_doubt_when_both_near_names_have_their_own_emails():
    directory = people(Traits(name="Jonathan Whitfield", emails=("jw@x.org",)))

    near = Traits(name="Jonathon Whitfield", emails=("jonathon@y.org",))
    assert directory.find(near, doubts=True) is None


def test_it_doubts_a_less_alike_name_with_the_same_phone():
    directory = people(Traits(name="Robert Whitfield", phones=(phone_key("020 7946 0018"),)))

    card = Traits(name="Bob Whitfield", phones=(phone_key("+44 20 7946 0018"),))
    match = directory.find(card, doubts=True)

    assert match is not None and not match.sure
    assert "phone" in match.how


def test_it_finds_people_under_their_new_keys_after_a_rekey():
    ana = Person(Traits(name="Ana Ruiz"))
    directory: Directory[Person] = Directory(lambda person: person.traits)
    directory.add(ana)

    ana.traits = Traits(name="Ana Ruiz", url=ANA)
    directory.rekey(ana)

    assert directory.by_url == {ANA: ana}


ANA = "https://www.linkedin.com/in/ana-ruiz"
MARCH, NOVEMBER = date(2019, 3, 12), date(2020, 11, 4)
FAMILIES = ["Garcia", "Perez", "Sanchez", "Romero", "Navarro", "Torres", "Ramos", "Gil", "Vidal"]
