"""A goal in a real browser: a vague goal -> the check flags it -> fix it until clear -> the five
steps of the plan -> two weekly check-ins -> the chart. axe-core checks every page on the way."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from hedgerow.goals.models import CheckIn, Goal
from hedgerow.network.models import Contact
from tests.browser.conftest import (
    assert_accessible,
    person_with_password,
    screenshot_path,
    sign_in,
)

pytestmark = pytest.mark.browser


def write_commitment(page: Any, start: str) -> None:
    sentence = page.get_by_label("Your goal, in one sentence", exact=True)
    check = page.locator("#goal-check")
    sentence.fill("Be happier and more successful.")
    check.get_by_text("Not quite yet.").wait_for()  # the live check, as the person types
    assert check.locator("li.not-ok").count() >= 1
    assert_accessible(page)
    sentence.fill("Publish my first novel by writing every morning.")
    check.get_by_text("Without the how, your goal reads:").wait_for()  # rule G3
    announcer = page.locator("[data-announces='goal-check']")  # only the verdict is spoken
    assert announcer.text_content().startswith("Not quite yet.")
    assert check.get_attribute("aria-live") is None
    page.get_by_label("Why now", exact=True).fill("I have carried this story for ten years.")
    page.get_by_label("Start of your fifty weeks", exact=True).fill(start)
    check.get_by_role("button", name="Use this sentence and keep the how for Strategy").click()
    page.get_by_text("The how is in Strategy.").wait_for()
    assert page.get_by_label("Your goal, in one sentence", exact=True).input_value() == (
        "Publish my first novel."
    )
    assert page.locator("#goal-check").get_by_text("Clear.").is_visible()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved your commitment.").wait_for()
    page.get_by_label("But…", exact=True).fill("I don't have time")
    page.get_by_role("button", name="Add", exact=True).click()
    assert page.locator(".blocker .pill", has_text="Commitment").is_visible()
    assert_accessible(page)


def fill_plan(page: Any) -> None:
    page.get_by_role("link", name="Next: value proposition →").click()
    page.get_by_label("The value", exact=True).fill("A story readers keep thinking about.")
    page.get_by_label("For whom", exact=True).fill("Readers of quiet literary fiction.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved your value proposition.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Next: reconnaissance →").click()
    add_recon(page, "obstacle", "outside", "No one at Penguin has read my pages.")
    suggestion = page.locator(".suggestions li", has_text="Ana Ruiz")
    assert "works at Penguin" in suggestion.inner_text()
    assert_accessible(page)
    suggestion.get_by_role("button", name="Link Ana Ruiz").click()
    page.get_by_text("Linked Ana Ruiz.").wait_for()
    assert page.get_by_role("button", name="Unlink Ana Ruiz").is_visible()
    add_recon(page, "enabler", "inside", "Quiet early mornings at home.")

    page.get_by_role("link", name="Next: strategy →").click()
    assert page.get_by_text("from your goal sentence").is_visible()  # rule G3: the lifted how
    page.get_by_label("An approach", exact=True).fill("Join a writing group that meets weekly.")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_text("Join a writing group").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Next: execution →").click()
    page.get_by_label("Milestone", exact=True).fill("First draft finished")
    page.get_by_label("By when", exact=True).fill("2027-06-30")
    page.get_by_role("button", name="Add milestone").click()
    page.get_by_label("Next action", exact=True).fill("Outline chapter one")
    page.get_by_role("button", name="Add next action").click()
    action = page.locator(".plain-list li", has_text="Outline chapter one")
    action.get_by_role("button", name=re.compile("^Mark done")).click()
    page.get_by_text("Done, one step further.").wait_for()
    assert page.locator(".plan-steps li.done").count() == 5
    assert_accessible(page)


def add_recon(page: Any, kind: str, side: str, text: str) -> None:
    page.get_by_label("What it is", exact=True).select_option(kind)
    page.get_by_label("Where it sits", exact=True).select_option(side)
    page.get_by_label("Describe it", exact=True).fill(text)
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_text("Added.").wait_for()


def check_in(page: Any, week: int, did: str, progress: int, confidence: int) -> None:
    page.get_by_label("Week", exact=True).select_option(str(week))
    page.get_by_label("What I did this week", exact=True).fill(did)
    page.get_by_label("What I learned", exact=True).fill("Short sessions beat long ones.")
    page.get_by_label("Progress toward the goal, 0 to 10", exact=True).fill(str(progress))
    page.get_by_label("Confidence, 0 to 10", exact=True).fill(str(confidence))
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text(f"Recorded your check-in for week {week}.").wait_for()


def test_it_takes_a_vague_goal_to_a_plan_and_two_checkins(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    person = person_with_password()
    Contact.objects.create(owner=person, name="Ana Ruiz", company="Penguin", position="Editor")
    start = timezone.localdate() - timedelta(days=8)  # today is in week 2
    page, base = browser_page, live_server.url
    sign_in(page, base)

    page.goto(f"{base}/goal/")
    assert_accessible(page)
    page.get_by_role("link", name="Write your goal").click()
    write_commitment(page, start.isoformat())
    fill_plan(page)

    page.get_by_role("link", name="Then: your weekly check-in →").click()
    assert_accessible(page)
    check_in(page, 1, "Wrote three mornings out of five.", 1, 5)
    check_in(page, 2, "Finished the outline of part one.", 2, 6)
    assert page.locator(".stats").get_by_text("week streak").inner_text() == "2 week streak"
    charts = page.locator("figure.chart.line")
    assert charts.count() == 2
    assert charts.first.locator("polyline.dashed").count() == 1  # the expected line
    assert charts.first.locator("circle").count() == 2  # weeks 1 and 2
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "goal-checkin.png")), full_page=True)

    page.goto(f"{base}/goal/")
    assert page.get_by_text("Publish my first novel.").is_visible()
    assert page.locator("figure.chart.line").count() == 2
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "goal-overview.png")), full_page=True)
    goal = Goal.objects.get(owner=person)
    assert list(CheckIn.objects.filter(goal=goal).values_list("week", "progress")) == [
        (1, 1),
        (2, 2),
    ]
