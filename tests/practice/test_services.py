"""The arithmetic and the words behind reflection and practice (rules A1, A2, V1, C1)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from hedgerow.lib.errors import InvalidInput
from hedgerow.practice import services as practice
from hedgerow.practice.models import AspirationAtAge, AspirationRating, Impulse, PracticeSession

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_clock")]
TODAY = date(2026, 11, 25)  # a Wednesday; its week starts on Monday 23 November


def impulse_on(owner, when: datetime, outcome: str = "open", **fields) -> Impulse:
    with time_machine.travel(when, tick=False):
        impulse = practice.capture_impulse(owner=owner, text=f"Impulse at {when:%d %H:%M}")
    if outcome != "open":
        fields.setdefault("substitute", "tidied a drawer")
        practice.settle_impulse(impulse=impulse, outcome=outcome, **fields)
    return impulse


# --- action ratio (A2) ----------------------------------------------------------------------------


def test_it_divides_acted_by_decided():
    assert practice.action_ratio(acted=3, decided=4) == 0.75
    assert practice.action_ratio(acted=0, decided=5) == 0.0
    assert practice.action_ratio(acted=2, decided=2) == 1.0


def test_it_gives_no_ratio_when_nothing_is_decided():
    assert practice.action_ratio(acted=0, decided=0) is None
    assert practice.WeekRatio(start=TODAY, open=4).ratio is None


def test_it_counts_a_safe_substitute_as_not_acting():
    week = practice.WeekRatio(start=TODAY, acted=1, not_acted=1, substituted=2, open=5)

    assert week.decided == 4
    assert week.ratio == 0.25


def test_it_buckets_impulses_by_the_monday_of_the_week_they_came_up(owner):
    impulse_on(owner, datetime(2026, 11, 23, 0, 5, tzinfo=UTC), "acted")  # Monday, first minute
    impulse_on(owner, datetime(2026, 11, 22, 23, 55, tzinfo=UTC), "acted")  # the Sunday before
    impulse_on(owner, datetime(2026, 11, 22, 8, 0, tzinfo=UTC), "substituted")
    impulse_on(owner, datetime(2026, 11, 24, 8, 0, tzinfo=UTC), "not_acted")
    impulse_on(owner, datetime(2026, 11, 25, 8, 0, tzinfo=UTC))  # still open

    weeks = practice.weekly_ratios(owner=owner)

    assert len(weeks) == 12
    assert weeks[0].start == date(2026, 9, 7)
    assert weeks[-1].start == date(2026, 11, 23)
    assert (weeks[-1].acted, weeks[-1].not_acted, weeks[-1].open) == (1, 1, 1)
    assert weeks[-1].ratio == 0.5
    assert (weeks[-2].start, weeks[-2].acted, weeks[-2].substituted) == (date(2026, 11, 16), 1, 1)
    assert weeks[-2].ratio == 0.5
    assert all(week.ratio is None for week in weeks[:-2])


def test_it_leaves_out_impulses_older_than_twelve_weeks(owner):
    impulse_on(owner, datetime(2026, 9, 6, 20, 0, tzinfo=UTC), "acted")  # Sunday before week 1
    impulse_on(owner, datetime(2026, 9, 7, 9, 0, tzinfo=UTC), "not_acted")  # Monday of week 1

    weeks = practice.weekly_ratios(owner=owner)

    assert sum(week.acted for week in weeks) == 0
    assert weeks[0].not_acted == 1
    assert practice.overall_ratio(weeks) == 0.0


def test_it_counts_only_the_owners_impulses(owner, outsider):
    impulse_on(outsider, datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "acted")

    assert practice.overall_ratio(practice.weekly_ratios(owner=owner)) is None


def test_it_keeps_the_first_decision_date_when_looking_back(owner):
    impulse = impulse_on(owner, datetime(2026, 11, 20, 9, 0, tzinfo=UTC), "acted")
    decided_at = impulse.decided_at

    practice.settle_impulse(impulse=impulse, outcome="acted", was_right=True, note="Glad I did.")

    impulse.refresh_from_db()
    assert impulse.decided_at == decided_at
    assert (impulse.was_right, impulse.note) == (True, "Glad I did.")


def test_it_asks_what_the_safe_substitute_was(owner):
    impulse = practice.capture_impulse(owner=owner, text="Ask for the stretch project")

    with pytest.raises(InvalidInput, match="What you did instead"):
        practice.settle_impulse(impulse=impulse, outcome="substituted", substitute="  ")

    impulse.refresh_from_db()
    assert impulse.outcome == "open"


def test_it_refuses_an_empty_impulse_and_an_unknown_outcome(owner):
    with pytest.raises(InvalidInput, match="impulse is empty"):
        practice.capture_impulse(owner=owner, text="   ")
    impulse = practice.capture_impulse(owner=owner, text="Write to Ana")
    with pytest.raises(InvalidInput, match="Outcome"):
        practice.settle_impulse(impulse=impulse, outcome="open")


def test_it_keeps_the_target_between_nothing_and_everything(owner):
    assert practice.target_ratio(owner) == 0.5
    practice.set_action_target(owner=owner, ratio=0.7)
    assert practice.target_ratio(owner) == 0.7
    with pytest.raises(InvalidInput, match="Target"):
        practice.set_action_target(owner=owner, ratio=1.2)


def test_it_charts_the_ratio_with_a_dashed_target(owner):
    impulse_on(owner, datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "acted")

    chart = practice.ratio_chart(practice.weekly_ratios(owner=owner), 0.6)

    assert 'class="series-2 dashed"' in chart
    assert "<td>100</td><td>60</td>" in chart  # this week's ratio beside the target


# --- aspiration (A1) ------------------------------------------------------------------------------


def test_it_shows_only_the_ages_a_person_has_reached():
    assert practice.ages_to_show(birth_year=1990, today=TODAY) == [12, 24, 36]
    assert practice.ages_to_show(birth_year=1954, today=TODAY) == [12, 24, 36, 48, 60, 72]
    assert practice.ages_to_show(birth_year=2014, today=TODAY) == [12]
    assert practice.ages_to_show(birth_year=None, today=TODAY) == []


def test_it_counts_the_age_reached_this_year_as_reached():
    # Born in 1990, the person turns 36 at some point in 2026: 36 is offered all year.
    assert practice.ages_to_show(birth_year=1990, today=date(2026, 1, 1))[-1] == 36
    assert practice.ages_to_show(birth_year=1991, today=date(2026, 12, 31))[-1] == 24


def test_it_saves_and_clears_answers_for_reached_ages(owner):
    practice.save_aspiration(owner=owner, aspiration="Lead", strategy="", birth_year=1990)
    practice.save_aspirations_at_ages(owner=owner, texts={12: "Astronaut", 24: "Architect"})
    practice.save_aspirations_at_ages(owner=owner, texts={12: "Astronaut", 24: ""})

    rows = AspirationAtAge.objects.filter(owner=owner)
    assert [(row.age, row.text) for row in rows] == [(12, "Astronaut")]


def test_it_refuses_an_age_not_yet_reached(owner):
    practice.save_aspiration(owner=owner, aspiration="Lead", strategy="", birth_year=1990)

    with pytest.raises(InvalidInput, match="At 48"):
        practice.save_aspirations_at_ages(owner=owner, texts={12: "Astronaut", 48: "Retired"})

    assert not AspirationAtAge.objects.exists()  # one transaction: nothing half-saved


def test_it_refuses_an_impossible_birth_year(owner):
    with pytest.raises(InvalidInput, match="Birth year must be between 1900 and 2016"):
        practice.save_aspiration(owner=owner, aspiration="", strategy="", birth_year=2025)


def test_it_revises_a_rating_given_the_same_day(owner):
    practice.rate_aspiration(owner=owner, clarity=3, strategy=4, focus=5)
    practice.rate_aspiration(owner=owner, clarity=6, strategy=4, focus=5, progress=2)
    practice.rate_aspiration(owner=owner, clarity=2, strategy=2, focus=2, on=date(2026, 11, 1))

    ratings = list(AspirationRating.objects.filter(owner=owner))
    assert [(r.rated_on, r.clarity, r.progress) for r in ratings] == [
        (date(2026, 11, 1), 2, None),
        (TODAY, 6, 2),
    ]
    chart = practice.rating_chart(ratings)
    assert chart is not None and "Clarity" in chart and "1 Nov 2026" in chart


def test_it_names_the_rating_that_is_out_of_range(owner):
    with pytest.raises(InvalidInput, match="Focus must be a whole number from 0 to 10"):
        practice.rate_aspiration(owner=owner, clarity=3, strategy=4, focus=11)


def test_it_keeps_the_newest_reflection_per_period(owner):
    practice.add_reflection(owner=owner, period="week", text="Old", on=date(2026, 11, 10))
    practice.add_reflection(owner=owner, period="week", text="New", on=date(2026, 11, 24))
    practice.add_reflection(owner=owner, period="year", text="A big year")

    latest = practice.latest_reflections(owner)

    assert list(latest) == ["year", "month", "week", "today"]
    assert latest["week"] is not None and latest["week"].text == "New"
    assert latest["month"] is None


# --- visibility (V1) ------------------------------------------------------------------------------


def test_it_writes_an_update_over_a_date_range(owner, outsider):
    practice.log_accomplishment(
        owner=owner,
        what="Shipped the onboarding guide",
        impact="new starters are set up in a day instead of three",
        beneficiaries="the support team",
        who_should_know="Dana, platform team",
        on=date(2026, 11, 12),
    )
    practice.log_accomplishment(owner=owner, what="Fixed the flaky tests.", on=date(2026, 11, 3))
    practice.log_accomplishment(owner=owner, what="Too early", on=date(2026, 10, 31))
    practice.log_accomplishment(owner=outsider, what="Not mine", on=date(2026, 11, 5))

    update = practice.compose_update(owner=owner, start=date(2026, 11, 1), end=date(2026, 11, 30))

    assert update.count == 2
    assert update.tell == ["Dana", "platform team"]
    assert update.markdown == (
        "## What I've been working on, 1 to 30 November 2026\n\n"
        "A short round-up of what moved forward, so you know where things stand.\n\n"
        "- **Fixed the flaky tests** (3 Nov).\n"
        "- **Shipped the onboarding guide** (12 Nov). New starters are set up in a day instead "
        "of three. It helped the support team.\n\n"
        "Happy to say more about any of these, or to hear what would help most next.\n"
    )
    assert update.text.splitlines()[0] == "What I've been working on, 1 to 30 November 2026"
    assert "- Shipped the onboarding guide (12 Nov)." in update.text
    assert "**" not in update.text and "Not mine" not in update.text


def test_it_includes_both_ends_of_the_range(owner):
    practice.log_accomplishment(owner=owner, what="First", on=date(2026, 11, 2))
    practice.log_accomplishment(owner=owner, what="Last", on=date(2026, 11, 9))

    update = practice.compose_update(owner=owner, start=date(2026, 11, 2), end=date(2026, 11, 9))

    assert update.count == 2


def test_it_refuses_a_range_that_ends_before_it_starts(owner):
    with pytest.raises(InvalidInput, match="start date is after the end date"):
        practice.compose_update(owner=owner, start=date(2026, 11, 9), end=date(2026, 11, 2))


def test_it_describes_ranges_plainly():
    assert practice.describe_range(date(2026, 11, 3), date(2026, 11, 3)) == "3 November 2026"
    assert practice.describe_range(date(2026, 10, 3), date(2026, 11, 30)) == (
        "3 October to 30 November 2026"
    )
    assert practice.describe_range(date(2025, 12, 29), date(2026, 1, 9)) == (
        "29 December 2025 to 9 January 2026"
    )


def test_it_refuses_an_accomplishment_in_the_future(owner):
    with pytest.raises(InvalidInput, match="in the future"):
        practice.log_accomplishment(owner=owner, what="Next week's launch", on=date(2026, 12, 1))


# --- confidence through skills (C1) ---------------------------------------------------------------


def test_it_summarises_each_skill_with_its_average_gain(owner, outsider):
    for before, after in ((3, 6), (4, 5)):
        practice.log_practice(
            owner=owner,
            skill="cold_call",
            situation="Called a recruiter",
            before=before,
            after=after,
        )
    practice.log_practice(
        owner=owner, skill="interview", situation="Mock", before=6, after=4, on=date(2026, 11, 2)
    )
    practice.log_practice(owner=outsider, skill="interview", situation="x", before=0, after=10)

    summaries = {s.skill: s for s in practice.summarize_skills(owner)}

    assert list(summaries) == list(PracticeSession.Skill.values())
    assert (summaries["cold_call"].sessions, summaries["cold_call"].average_gain) == (2, 2.0)
    assert summaries["interview"].average_gain == -2.0
    assert summaries["interview"].last_on == date(2026, 11, 2)
    assert (summaries["public_speaking"].sessions, summaries["public_speaking"].average_gain) == (
        0,
        None,
    )


def test_it_names_the_confidence_that_is_out_of_range(owner):
    with pytest.raises(InvalidInput, match="Confidence after"):
        practice.log_practice(owner=owner, skill="interview", situation="Mock", before=3, after=12)
    with pytest.raises(InvalidInput, match="Skill must be one of"):
        practice.log_practice(owner=owner, skill="juggling", situation="x", before=3, after=4)


@pytest.mark.parametrize(
    ("words", "label", "too_long"),
    [
        (0, "nothing to say yet", False),
        (15, "a few seconds", False),
        (93, "about 40 seconds", False),
        (140, "about 1 minute", False),
        (175, "about 1 minute 15 seconds", True),
        (300, "about 2 minutes 10 seconds", True),
    ],
)
def test_it_estimates_how_long_a_pitch_takes_to_say(words, label, too_long):
    length = practice.spoken_length(" ".join(["word"] * words))

    assert (length.words, length.label, length.too_long) == (words, label, too_long)


def test_it_gives_the_range_between_a_brisk_and_an_unhurried_pace():
    length = practice.spoken_length(" ".join(["word"] * 130))

    assert (length.shortest, length.longest) == (52, 60)


def test_it_assembles_a_pitch_from_its_parts():
    text = practice.assemble_pitch(
        who_i_am="a product designer",
        what_i_do="help small teams ship their first app",
        for_whom="founders without a design background.",
        proof="Last spring a clinic's booking app went from sketch to store in eight weeks",
        ask="what you're building next",
    )

    assert text == (
        "I'm a product designer. I help small teams ship their first app for founders without "
        "a design background. One example: Last spring a clinic's booking app went from sketch "
        "to store in eight weeks. I'd love to talk about what you're building next."
    )


def test_it_keeps_parts_written_as_whole_sentences():
    text = practice.assemble_pitch(
        who_i_am="I'm Sam, a nurse turned data analyst",
        what_i_do="",
        for_whom="hospital teams",
        proof="",
        ask="",
    )

    assert text == "I'm Sam, a nurse turned data analyst. My work is for hospital teams."


def test_it_saves_the_assembled_draft_when_no_text_is_given(owner):
    pitch = practice.save_pitch(owner=owner, who_i_am="a teacher", what_i_do="teach maths")

    assert pitch.text == "I'm a teacher. I teach maths."
    with pytest.raises(InvalidInput, match="pitch is empty"):
        practice.save_pitch(owner=owner, audience="Meetup")


def test_it_keeps_who_benefited_mid_sentence_without_touching_names(owner):
    practice.log_accomplishment(
        owner=owner, what="A", beneficiaries="The QA team", on=date(2026, 11, 2)
    )
    practice.log_accomplishment(
        owner=owner, what="B", beneficiaries="Priya and Sam", on=date(2026, 11, 3)
    )

    update = practice.compose_update(owner=owner, start=date(2026, 11, 1), end=date(2026, 11, 30))

    assert "It helped the QA team." in update.text
    assert "It helped Priya and Sam." in update.text
