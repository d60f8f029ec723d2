"""The practice pages: what the owner sees and changes, and no one else can (A1, A2, V1, C1)."""

from __future__ import annotations

from datetime import date

import pytest

from hedgerow.practice import services as practice
from hedgerow.practice.models import (
    Accomplishment,
    ActionTarget,
    Aspiration,
    AspirationAtAge,
    AspirationRating,
    Impulse,
    Pitch,
    PracticeSession,
    Reflection,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- every page, the owner's only ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/practice/",
        "/practice/aspiration/",
        "/practice/impulses/",
        "/practice/visibility/",
        "/practice/skills/",
        "/practice/pitches/new/",
    ],
)
def test_it_shows_each_page_to_a_signed_in_person(owner_client, url):
    assert "<h1>" in page(owner_client, url)


def test_it_sends_strangers_to_sign_in(client):
    response = client.get("/practice/impulses/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_links_the_four_parts_from_the_overview(owner_client):
    html = page(owner_client, "/practice/")

    for url in ("aspiration", "impulses", "visibility", "skills"):
        assert f'href="/practice/{url}/"' in html


def owned_rows(owner) -> dict[str, int]:
    return {
        "reflection": Reflection.objects.create(
            owner=owner, period="week", text="Mine", written_on=date(2026, 11, 20)
        ).pk,
        "impulse": practice.capture_impulse(owner=owner, text="Write to Ana").pk,
        "accomplishment": practice.log_accomplishment(owner=owner, what="Shipped it").pk,
        "pitch": practice.save_pitch(owner=owner, who_i_am="a designer").pk,
    }


def test_it_hides_the_owners_rows_from_an_outsider(owner, outsider_client):
    ids = owned_rows(owner)
    posts = [
        (f"/practice/aspiration/reflections/{ids['reflection']}/delete/", {}),
        (f"/practice/impulses/{ids['impulse']}/settle/", {"outcome": "acted"}),
        (f"/practice/visibility/{ids['accomplishment']}/delete/", {}),
        (f"/practice/pitches/{ids['pitch']}/", {"who_i_am": "Mallory", "action": "save"}),
        (f"/practice/pitches/{ids['pitch']}/delete/", {}),
    ]

    assert outsider_client.get(f"/practice/pitches/{ids['pitch']}/").status_code == 404
    for url, data in posts:
        assert outsider_client.post(url, data).status_code == 404, url
    assert Reflection.objects.filter(pk=ids["reflection"]).exists()
    assert Impulse.objects.get(pk=ids["impulse"]).outcome == "open"
    assert Accomplishment.objects.filter(pk=ids["accomplishment"]).exists()
    assert Pitch.objects.get(pk=ids["pitch"]).who_i_am == "a designer"


def test_it_never_lists_the_owners_rows_to_an_outsider(owner, outsider_client):
    owned_rows(owner)
    practice.save_aspiration(owner=owner, aspiration="Run a studio", strategy="", birth_year=1990)

    for url in ("/practice/aspiration/", "/practice/impulses/", "/practice/visibility/"):
        html = page(outsider_client, url)
        assert "Write to Ana" not in html and "Shipped it" not in html
        assert "Run a studio" not in html and "Mine" not in html
    assert "a designer" not in page(outsider_client, "/practice/skills/")


def test_it_keeps_outsiders_writes_to_themselves(owner, outsider, outsider_client):
    outsider_client.post("/practice/impulses/capture/", {"text": "Mallory's idea"})
    outsider_client.post("/practice/impulses/target/", {"percent": "90"})

    assert Impulse.objects.get().owner == outsider
    assert ActionTarget.objects.get().owner == outsider
    assert practice.target_ratio(owner) == 0.5


# --- aspiration (A1) ------------------------------------------------------------------------------


def test_it_saves_the_aspiration_and_strategy(owner, owner_client):
    response = owner_client.post(
        "/practice/aspiration/answers/",
        {
            "aspiration": "Run a small design studio",
            "strategy": "Freelance first",
            "birth_year": "1990",
        },
    )

    assert response.status_code == 302
    mine = Aspiration.objects.get(owner=owner)
    assert (mine.aspiration, mine.strategy, mine.birth_year) == (
        "Run a small design studio",
        "Freelance first",
        1990,
    )
    html = page(owner_client, "/practice/aspiration/")
    assert "Run a small design studio" in html
    assert 'name="age_36"' in html and 'name="age_48"' not in html
    assert "48, 60, 72" in html and "you turn 36 this year" in html


def test_it_names_a_bad_birth_year(owner, owner_client):
    response = owner_client.post(
        "/practice/aspiration/answers/", {"aspiration": "Lead", "birth_year": "1850"}
    )

    assert response.status_code == 400
    assert "Birth year must be between 1900 and 2016." in response.content.decode()
    assert "Lead" in response.content.decode()  # what was typed stays
    assert not Aspiration.objects.exists()


def test_it_asks_for_a_birth_year_before_showing_ages(owner_client):
    html = page(owner_client, "/practice/aspiration/")

    assert "Add the year you were born" in html
    assert 'name="age_12"' not in html


def test_it_saves_how_the_aspiration_changed_with_age(owner, owner_client):
    practice.save_aspiration(owner=owner, aspiration="", strategy="", birth_year=1990)

    owner_client.post("/practice/aspiration/ages/", {"age_12": "Vet", "age_24": "", "age_48": "x"})

    assert [(a.age, a.text) for a in AspirationAtAge.objects.all()] == [(12, "Vet")]


def test_it_adds_and_deletes_a_reflection(owner, owner_client):
    owner_client.post(
        "/practice/aspiration/reflections/",
        {"period": "month", "text": "Gave my first talk", "written_on": "2026-11-24"},
    )
    reflection = Reflection.objects.get(owner=owner)
    assert (reflection.period, reflection.written_on) == ("month", date(2026, 11, 24))
    assert "Gave my first talk" in page(owner_client, "/practice/aspiration/")

    owner_client.post(f"/practice/aspiration/reflections/{reflection.pk}/delete/")

    assert not Reflection.objects.exists()


def test_it_names_the_empty_reflection_and_the_future_date(owner_client):
    response = owner_client.post(
        "/practice/aspiration/reflections/",
        {"period": "week", "text": " ", "written_on": "2026-12-24"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "What have you done?" in html and "a few words are enough" in html
    assert "Written on is in the future" in html
    assert not Reflection.objects.exists()


def test_it_rates_clarity_strategy_and_focus_and_charts_them(owner, owner_client):
    AspirationRating.objects.create(
        owner=owner, rated_on=date(2026, 11, 1), clarity=2, strategy=3, focus=4
    )

    response = owner_client.post(
        "/practice/aspiration/ratings/", {"clarity": "6", "strategy": "5", "focus": "7"}
    )

    assert response.status_code == 302
    assert AspirationRating.objects.get(rated_on=date(2026, 11, 25)).focus == 7
    html = page(owner_client, "/practice/aspiration/")
    assert 'class="line-chart"' in html and "<td>6</td>" in html


def test_it_names_the_rating_out_of_range(owner_client):
    response = owner_client.post(
        "/practice/aspiration/ratings/", {"clarity": "11", "strategy": "5", "focus": ""}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Clarity must be a whole number from 0 to 10." in html
    assert "Focus needs a number from 0 to 10." in html
    assert not AspirationRating.objects.exists()


# --- action ratio (A2) ----------------------------------------------------------------------------


def test_it_captures_an_impulse_in_one_field(owner, owner_client):
    html = page(owner_client, "/practice/impulses/")
    assert html.count('name="text"') == 1

    response = owner_client.post("/practice/impulses/capture/", {"text": "Offer to run the demo"})

    assert response.status_code == 302
    impulse = Impulse.objects.get(owner=owner)
    assert (impulse.text, impulse.outcome) == ("Offer to run the demo", "open")
    assert "Offer to run the demo" in page(owner_client, "/practice/impulses/")


def test_it_asks_for_words_before_saving_an_impulse(owner_client):
    response = owner_client.post("/practice/impulses/capture/", {"text": "  "})

    assert response.status_code == 400
    assert "Write the impulse in a few words first." in response.content.decode()
    assert not Impulse.objects.exists()


def test_it_settles_an_impulse_with_a_look_back(owner, owner_client):
    impulse = practice.capture_impulse(owner=owner, text="Ask for the stretch project")

    owner_client.post(
        f"/practice/impulses/{impulse.pk}/settle/",
        {"outcome": "acted", "was_right": "yes", "note": "They said yes."},
    )

    impulse.refresh_from_db()
    assert (impulse.outcome, impulse.was_right, impulse.note) == ("acted", True, "They said yes.")
    assert impulse.decided_at is not None
    html = page(owner_client, "/practice/impulses/")
    assert "<strong>100%</strong> this week" in html


def test_it_asks_what_was_done_instead(owner, owner_client):
    impulse = practice.capture_impulse(owner=owner, text="Call the hiring manager")

    response = owner_client.post(
        f"/practice/impulses/{impulse.pk}/settle/", {"outcome": "substituted"}
    )

    assert response.status_code == 400
    assert "Say what you did instead" in response.content.decode()
    impulse.refresh_from_db()
    assert impulse.outcome == "open"


def test_it_records_the_safe_substitute(owner, owner_client):
    impulse = practice.capture_impulse(owner=owner, text="Call the hiring manager")

    owner_client.post(
        f"/practice/impulses/{impulse.pk}/settle/",
        {"outcome": "substituted", "substitute": "Reorganised my bookmarks", "was_right": "no"},
    )

    impulse.refresh_from_db()
    assert (impulse.outcome, impulse.substitute, impulse.was_right) == (
        "substituted",
        "Reorganised my bookmarks",
        False,
    )
    assert "<strong>0%</strong> this week" in page(owner_client, "/practice/impulses/")


def test_it_says_there_is_no_ratio_before_any_decision(owner, owner_client):
    practice.capture_impulse(owner=owner, text="Ask for the stretch project")  # still open

    html = page(owner_client, "/practice/impulses/")

    assert "No ratio yet: it starts with the first impulse you decide on." in html
    assert "line-chart" not in html  # no empty chart, no table of zeros
    assert "Week by week" not in html
    assert ">Catch it</button>" in html


def test_it_sets_the_target_and_draws_it(owner, owner_client):
    impulse = practice.capture_impulse(owner=owner, text="Ask for the stretch project")
    owner_client.post(f"/practice/impulses/{impulse.pk}/settle/", {"outcome": "acted"})
    owner_client.post("/practice/impulses/target/", {"percent": "70"})

    assert ActionTarget.objects.get(owner=owner).ratio == 0.7
    html = page(owner_client, "/practice/impulses/")
    assert "<strong>70%</strong> your target" in html
    assert "series-2 dashed" in html


def test_it_names_a_target_out_of_range(owner, owner_client):
    response = owner_client.post("/practice/impulses/target/", {"percent": "150"})

    assert response.status_code == 400
    assert "Target must be a whole percentage from 0 to 100." in response.content.decode()
    assert not ActionTarget.objects.exists()


# --- visibility (V1) ------------------------------------------------------------------------------


def test_it_logs_an_accomplishment(owner, owner_client):
    owner_client.post(
        "/practice/visibility/add/",
        {
            "what": "Mentored two new analysts",
            "impact": "both ship on their own now",
            "beneficiaries": "the data team",
            "who_should_know": "Priya",
            "happened_on": "2026-11-20",
        },
    )

    done = Accomplishment.objects.get(owner=owner)
    assert (done.what, done.happened_on, done.who_should_know) == (
        "Mentored two new analysts",
        date(2026, 11, 20),
        "Priya",
    )


def test_it_names_what_is_missing_from_an_accomplishment(owner_client):
    response = owner_client.post(
        "/practice/visibility/add/", {"what": "", "happened_on": "25/11/2026"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "What did you do?" in html and "a few words are enough" in html
    assert "When: Give the date as YYYY-MM-DD" in html
    assert not Accomplishment.objects.exists()


def test_it_shows_the_update_in_markdown_and_plain_text(owner, owner_client):
    practice.log_accomplishment(
        owner=owner, what="Shipped the guide", who_should_know="Dana", on=date(2026, 11, 12)
    )

    html = page(owner_client, "/practice/visibility/?start=2026-11-01&end=2026-11-30")

    assert "## What I&#x27;ve been working on, 1 to 30 November 2026" in html
    assert "- **Shipped the guide** (12 Nov)." in html
    assert "- Shipped the guide (12 Nov)." in html
    assert "You noted these should hear about it: Dana." in html
    assert 'href="/practice/visibility/update.md?start=2026-11-01&amp;end=2026-11-30"' in html


def test_it_covers_the_last_four_weeks_unless_told_otherwise(owner, owner_client):
    practice.log_accomplishment(owner=owner, what="Recent", on=date(2026, 10, 29))
    practice.log_accomplishment(owner=owner, what="Older", on=date(2026, 10, 28))

    html = page(owner_client, "/practice/visibility/")

    assert "29 October to 25 November 2026" in html
    assert "**Recent**" in html and "**Older**" not in html


def test_it_downloads_the_update(owner, owner_client):
    practice.log_accomplishment(owner=owner, what="Shipped the guide", on=date(2026, 11, 12))

    response = owner_client.get("/practice/visibility/update.txt?start=2026-11-01&end=2026-11-30")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="update-2026-11-01-to-2026-11-30.txt"'
    )
    assert response.content.decode().startswith("What I've been working on, 1 to 30 November")
    markdown = owner_client.get("/practice/visibility/update.md?start=2026-11-01&end=2026-11-30")
    assert markdown.content.decode().startswith("## What I've been working on")


def test_it_names_a_backwards_range(owner_client):
    response = owner_client.get("/practice/visibility/?start=2026-11-30&end=2026-11-01")

    assert response.status_code == 400
    assert "To is before From; swap them round." in response.content.decode()


def test_it_says_when_nothing_was_logged_in_the_range(owner_client):
    html = page(owner_client, "/practice/visibility/?start=2026-01-01&end=2026-01-31")

    assert "Nothing logged between 1 Jan 2026 and 31 Jan 2026 yet." in html


# --- confidence through skills (C1) ---------------------------------------------------------------


def test_it_logs_practice_and_summarises_it(owner, owner_client):
    owner_client.post(
        "/practice/skills/log/",
        {
            "skill": "public_speaking",
            "situation": "Lightning talk at the meetup",
            "preparation": "Rehearsed twice",
            "confidence_before": "3",
            "confidence_after": "7",
            "practised_on": "2026-11-24",
        },
    )

    session = PracticeSession.objects.get(owner=owner)
    assert (session.skill, session.confidence_before, session.confidence_after) == (
        "public_speaking",
        3,
        7,
    )
    html = page(owner_client, "/practice/skills/")
    assert "<td>+4.0</td>" in html and "Lightning talk at the meetup" in html


def test_it_names_the_practice_fields_that_need_another_look(owner_client):
    response = owner_client.post(
        "/practice/skills/log/",
        {"skill": "juggling", "situation": "", "confidence_before": "-1", "practised_on": ""},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Select a valid choice" in html
    assert "Confidence before must be a whole number from 0 to 10." in html
    assert "Confidence after needs a number from 0 to 10." in html
    assert not PracticeSession.objects.exists()


PARTS = {
    "audience": "Meetup",
    "who_i_am": "a product designer",
    "what_i_do": "help small teams ship",
    "for_whom": "founders",
    "proof": "",
    "ask": "what you are building",
    "text": "",
}


def test_it_puts_a_pitch_together_without_saving_it(owner_client):
    response = owner_client.post("/practice/pitches/new/", {**PARTS, "action": "assemble"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "I&#x27;m a product designer. I help small teams ship for founders." in html
    assert "Spoken, it takes about 10 seconds" in html
    assert not Pitch.objects.exists()


def test_it_saves_a_pitch_and_shows_how_long_it_takes(owner, owner_client):
    long_text = " ".join(["word"] * 175)

    response = owner_client.post(
        "/practice/pitches/new/", {**PARTS, "text": long_text, "action": "save"}
    )

    pitch = Pitch.objects.get(owner=owner)
    assert response["Location"] == f"/practice/pitches/{pitch.pk}/"
    html = page(owner_client, f"/practice/pitches/{pitch.pk}/")
    assert "Spoken, it takes about 1 minute 15 seconds" in html
    assert "longer than the minute or so" in html


def test_it_revises_and_deletes_a_pitch(owner, owner_client):
    pitch = practice.save_pitch(owner=owner, who_i_am="a designer")

    owner_client.post(f"/practice/pitches/{pitch.pk}/", {**PARTS, "text": "Hi, I'm Alice."})
    pitch.refresh_from_db()
    assert (pitch.text, pitch.audience) == ("Hi, I'm Alice.", "Meetup")

    owner_client.post(f"/practice/pitches/{pitch.pk}/delete/")
    assert not Pitch.objects.exists()


def test_it_asks_for_at_least_one_part_of_a_pitch(owner_client):
    response = owner_client.post("/practice/pitches/new/", {"audience": "Recruiter"})

    assert response.status_code == 400
    assert "The pitch is empty" in response.content.decode()
    assert not Pitch.objects.exists()
