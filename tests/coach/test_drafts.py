"""Drafts use what Hedgerow knows and leave what it doesn't as visible placeholders."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from hedgerow.accounts.models import Position
from hedgerow.coach.drafts import OCCASIONS, placeholders_in, shared_employer, write_draft
from hedgerow.network.models import Interaction, Invitation, Update

PLACEHOLDER_TEXT = re.compile(r"\[[^\]]*\]")
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


@pytest.fixture
def ana(owner, make_contact):
    return make_contact(owner, "Ana Ruiz", company="Lumen", position="Designer")


def new_position(contact, company="Northwind", title="Head of Design") -> Update:
    return Update.objects.create(
        owner_id=contact.owner_id,
        contact=contact,
        kind=Update.Kind.NEW_POSITION,
        summary=f"Now {title} at {company} (was Designer at Lumen)",
        detail={
            "old": {"company": "Lumen", "position": "Designer"},
            "new": {"company": company, "position": title},
        },
        detected_on=date(2026, 11, 20),
    )


def test_it_names_the_new_role_from_the_update(ana):
    update = new_position(ana)

    draft = write_draft(contact=ana, occasion="acknowledgement")

    assert draft.text.count("Ana") == 1
    assert "Head of Design at Northwind" in draft.text
    assert draft.placeholders == []
    assert draft.about == "Head of Design at Northwind"
    assert {"Ruiz", "Northwind"} <= set(draft.names)
    assert write_draft(contact=ana, occasion="acknowledgement", update=update).text == draft.text


def test_it_leaves_a_placeholder_for_a_role_it_does_not_know(owner, make_contact):
    bo = make_contact(owner, "Bo Li")

    draft = write_draft(contact=bo, occasion="acknowledgement")

    assert draft.placeholders == ["[their new role]"]
    assert draft.about == ""


def test_it_uses_the_topic_of_a_post(ana):
    Update.objects.create(
        owner=ana.owner,
        contact=ana,
        kind=Update.Kind.POST,
        summary="Posted about onboarding remote teams",
        detected_on=date(2026, 11, 22),
    )

    draft = write_draft(contact=ana, occasion="acknowledgement")

    assert "onboarding remote teams" in draft.text
    assert "Posted about" not in draft.text
    assert draft.about == "Posted about onboarding remote teams"


def test_it_recalls_a_shared_employer_but_not_an_invented_project(owner, ana):
    Position.objects.create(
        owner=owner,
        company="LUMEN",
        title="Engineer",
        started_on=date(2018, 3, 1),
        finished_on=date(2021, 6, 30),
    )

    draft = write_draft(contact=ana, occasion="invitation")

    assert "LUMEN" in draft.text
    assert "[something we worked on together" in draft.text
    assert draft.about == "LUMEN"
    for shift in range(draft.phrasings):
        text = write_draft(contact=ana, occasion="invitation", shift=shift).text
        assert len(text) <= 200, text  # LinkedIn's limit on a free account, placeholders and all
    shared = shared_employer(contact=ana)
    assert shared is not None
    assert (shared.owner_years, shared.together_now) == ("2018-2021", False)


def test_it_knows_when_you_still_work_together(owner, ana):
    Position.objects.create(owner=owner, company="Lumen", started_on=date(2022, 1, 1))

    shared = shared_employer(contact=ana)

    assert shared is not None
    assert shared.together_now
    assert shared.owner_years == "since 2022"


def test_it_finds_the_employer_they_just_left(owner, ana):
    Position.objects.create(owner=owner, company="Lumen", finished_on=date(2020, 1, 1))
    update = new_position(ana)
    ana.company = "Northwind"
    ana.save()

    shared = shared_employer(contact=ana, update=update)

    assert shared is not None
    assert shared.company == "Lumen"


def test_it_asks_for_the_shared_experience_when_there_is_no_employer(ana):
    draft = write_draft(contact=ana, occasion="invitation")

    assert draft.placeholders == ["[something we worked on or experienced together]"]
    assert draft.about == ""


def test_it_mentions_the_last_conversation_in_a_keep_in_touch_note(ana):
    Interaction.objects.create(
        owner=ana.owner,
        contact=ana,
        kind=Interaction.Kind.CALL,
        direction=Interaction.Direction.MUTUAL,
        occurred_at=datetime(2026, 8, 14, 12, tzinfo=UTC),
        subject="the design conference",
    )
    texts = [write_draft(contact=ana, occasion="keep-in-touch", shift=s).text for s in range(3)]

    with_last = [t for t in texts if "since our call about the design conference in August" in t]
    assert with_last
    draft = write_draft(contact=ana, occasion="keep-in-touch")
    assert draft.about == "the design conference"


def test_it_asks_when_you_last_spoke_if_nothing_is_logged(ana):
    texts = [write_draft(contact=ana, occasion="keep-in-touch", shift=s).text for s in range(3)]

    assert any("[when you were last in touch]" in t for t in texts)


def test_it_proposes_to_catch_up_after_an_acceptance(ana):
    Invitation.objects.create(
        owner=ana.owner,
        contact=ana,
        name=ana.name,
        direction="outgoing",
        status="accepted",
        accepted_on=date(2026, 11, 20),
        sent_at=datetime(2026, 11, 1, tzinfo=UTC),
    )

    texts = {write_draft(contact=ana, occasion="follow-up", shift=s).text for s in range(3)}

    assert len(texts) == 3
    for text in texts:
        assert "Ana" in text
        assert any(word in text for word in ("coffee", "call", "email"))
        assert placeholders_in(text) == []


@pytest.mark.parametrize("occasion", OCCASIONS)
def test_it_offers_another_phrasing_and_comes_back_round(ana, occasion):
    first = write_draft(contact=ana, occasion=occasion)
    second = write_draft(contact=ana, occasion=occasion, shift=1)

    assert second.text != first.text
    again = write_draft(contact=ana, occasion=occasion, shift=first.phrasings)
    assert again.text == first.text


def test_it_varies_the_phrasing_between_people(owner, make_contact):
    people = [make_contact(owner, f"Person{n} Test") for n in range(3)]

    openings = {write_draft(contact=p, occasion="follow-up").text[:12] for p in people}

    assert len(openings) == 3


def test_it_refuses_an_unknown_occasion(ana):
    with pytest.raises(ValueError, match="occasion must be one of"):
        write_draft(contact=ana, occasion="birthday")


@pytest.mark.parametrize("occasion", OCCASIONS)
def test_every_phrasing_is_ready_once_its_placeholders_are_filled(owner, ana, occasion):
    from hedgerow.coach.checks import check_note

    Position.objects.create(owner=owner, company="Lumen", finished_on=date(2021, 6, 30))
    new_position(ana)
    for shift in range(3):
        draft = write_draft(contact=ana, occasion=occasion, shift=shift)
        filled = PLACEHOLDER_TEXT.sub("the onboarding project", draft.text)

        report = check_note(filled, occasion, to=ana.name, about=draft.about, names=draft.names)

        failed = [c["id"] for c in report["checks"] if c["required"] and not c["ok"]]
        assert report["ready"], (filled, failed)
