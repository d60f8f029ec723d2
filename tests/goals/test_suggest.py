"""Who in the network could help with a reconnaissance item, and why (rules G4, N9)."""

import pytest

from hedgerow.goals.models import Goal, ReconItem
from hedgerow.goals.suggest import keywords, suggest_contacts


@pytest.fixture
def goal(owner):
    return Goal.objects.create(owner=owner, sentence="Land a product design role in Berlin.")


def recon(goal, text, kind="obstacle"):
    return ReconItem.objects.create(
        owner=goal.owner, goal=goal, kind=kind, side="outside", text=text
    )


def test_it_keeps_the_words_worth_matching():
    assert keywords("I don't know anyone at Lumen who hires designers") == [
        "lumen",
        "hires",
        "designers",
    ]


def test_it_ranks_company_over_position_over_notes(owner, goal, make_contact):
    notes = make_contact(owner, "Noa Notes", notes="Talked about Lumen's new office last spring")
    role = make_contact(owner, "Pia Position", position="Lead Designer", company="Acme")
    inside = make_contact(owner, "Cy Company", company="Lumen", position="Engineer")
    make_contact(owner, "Ed Elsewhere", company="Acme", position="Accountant")
    item = recon(goal, "I know no one at Lumen who hires designers")

    found = suggest_contacts(owner=owner, item=item)

    assert [s.contact for s in found] == [inside, role, notes]
    assert found[0].reason == "works at Lumen (“lumen”)"
    assert found[1].reason == "is Lead Designer (“designer”)"
    assert found[2].reason == "your notes on them mention “lumen”"


def test_it_matches_at_the_start_of_words_only(owner, goal, make_contact):
    make_contact(owner, "Sam Start", position="Startup founder")
    item = recon(goal, "Find an art school")

    assert suggest_contacts(owner=owner, item=item) == []


def test_it_nudges_core_contacts_up_and_says_so(owner, goal, make_contact):
    make_contact(owner, "Al Acme", company="Acme")
    close = make_contact(owner, "Bea Acme", company="Acme", is_core=True)
    item = recon(goal, "Acme's hiring freeze")

    found = suggest_contacts(owner=owner, item=item)

    assert found[0].contact == close
    assert "a core contact, already close" in found[0].reason


def test_it_leaves_out_people_already_linked(owner, goal, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Lumen")
    item = recon(goal, "Lumen hires in spring")
    item.contacts.add(ana)

    assert suggest_contacts(owner=owner, item=item) == []


def test_it_suggests_only_the_owners_contacts(owner, outsider, goal, make_contact):
    make_contact(outsider, "Mo Lumen", company="Lumen")
    item = recon(goal, "Lumen hires in spring")

    assert suggest_contacts(owner=owner, item=item) == []


def test_it_suggests_no_one_for_words_that_say_nothing(owner, goal, make_contact):
    make_contact(owner, "Ana Ruiz", company="Lumen", notes="we have time")
    item = recon(goal, "I don't have the time")

    assert suggest_contacts(owner=owner, item=item) == []


def test_it_matches_short_words_only_as_whole_words(owner, make_contact):
    from hedgerow.goals.services import add_recon_item, start_goal
    from hedgerow.goals.suggest import suggest_contacts

    goal = start_goal(owner=owner, sentence="I will open a bakery in Leeds.")
    item = add_recon_item(
        goal=goal, kind="enabler", side="outside", text="A research team could see it"
    )
    make_contact(owner, "Seda Kaya", company="Open Seed Foundation", position="UX Researcher")
    make_contact(owner, "Ravi Shah", company="Healthcare Partners", position="Designer")

    names = [s.contact.name for s in suggest_contacts(owner=owner, item=item)]

    assert names == ["Seda Kaya"]  # for "research", not for "see" inside "Seed"
    item.text = "Someone in health care"
    assert [s.contact.name for s in suggest_contacts(owner=owner, item=item)] == ["Ravi Shah"]
