"""A cohort in a real browser: the coach starts a group -> two members join by link -> one shares
a check-in -> the other encourages -> a Great Groups round with three people shows its results.
Three people, each in their own browser context; axe-core checks every page on the way."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from hedgerow.goals import services as goal_services
from hedgerow.groups.models import Reply, Round
from tests.browser.conftest import (
    assert_accessible,
    person_with_password,
    screenshot_path,
    sign_in,
)

pytestmark = pytest.mark.browser


def page_for(browser_page: Any) -> Any:
    """A second or third person: a browser context of their own, so sign-ins don't mix."""
    context = browser_page.context.browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def start_group(page: Any, base: str) -> str:
    """The coach starts a group and makes an invitation link; returns the link."""
    sign_in(page, base, "/groups/", "alice")
    assert page.get_by_text("You are not in a group yet.").is_visible()
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Thursday circle")
    page.get_by_label("What the group is for").fill("Writers finishing a first book this year.")
    page.get_by_role("button", name="Start the group").click()
    page.get_by_text("Thursday circle is ready.").wait_for()
    page.get_by_role("button", name="Make an invitation link").click()
    page.get_by_text("A new invitation link is ready").wait_for()
    assert_accessible(page)
    return page.get_by_label("Link for a new member").input_value()


def join_by_link(page: Any, base: str, link: str, username: str) -> None:
    path = link.removeprefix(base)
    sign_in(page, base, path, username)
    page.get_by_text("alice invites you to join as member").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Join the group").click()
    page.get_by_text("Welcome to Thursday circle.").wait_for()


def share_a_checkin(page: Any, base: str, group_url: str) -> None:
    page.get_by_role("button", name="Share my goal with Thursday circle").click()
    page.get_by_text("Shared: the group sees your goal and weekly check-ins.").wait_for()
    page.goto(f"{base}/goal/checkin/")
    did = page.get_by_label("What I did this week", exact=True)
    did.fill("Sent the first chapter to two agents.")
    page.get_by_label("Progress toward the goal, 0 to 10", exact=True).fill("3")
    page.get_by_label("Confidence, 0 to 10", exact=True).fill("7")
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text("Recorded your check-in for week 2.").wait_for()
    page.goto(group_url)
    assert page.get_by_text("Sent the first chapter to two agents.").is_visible()


def encourage(page: Any, group_url: str) -> None:
    page.goto(group_url)
    checkin = page.locator("article.checkin", has_text="Sent the first chapter")
    assert checkin.locator(".badge", has_text="New").is_visible()
    assert_accessible(page)
    checkin.get_by_text("Reply", exact=True).click()
    checkin.get_by_label("Encouragement").check()
    checkin.get_by_label("Your reply").fill("Two agents in one week: that takes nerve. Well done!")
    checkin.get_by_role("button", name="Send reply").click()
    page.get_by_text("Your reply is posted.").wait_for()  # swapped in by htmx
    well_done = checkin.get_by_role("button", name="Well done")
    well_done.click()
    page.locator("article.checkin button.reaction[aria-pressed='true']").wait_for()
    assert_accessible(page)


def answer_round(page: Any, round_url: str, score: str, comment: str = "") -> None:
    page.goto(round_url)
    scales = page.locator("fieldset.scale")
    assert scales.count() == 15
    for index in range(15):
        scales.nth(index).get_by_label(score, exact=False).first.check()
    if comment:
        page.get_by_label("A comment for the group (optional)").fill(comment)
    page.get_by_role("button", name="Send my answer").click()
    page.get_by_text("Thank you. Your answer is in the round's totals").wait_for()


def test_it_runs_a_cohort_from_invitation_to_great_groups_results(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    person_with_password("alice")
    ben = person_with_password("ben")
    person_with_password("cara")
    goal_services.start_goal(
        owner=ben,
        sentence="Finish the first draft of my novel.",
        start_date=timezone.localdate() - timedelta(days=8),  # today is in week 2
    )
    base = live_server.url
    coach_page, ben_page, cara_page = browser_page, page_for(browser_page), page_for(browser_page)

    link = start_group(coach_page, base)
    join_by_link(ben_page, base, link, "ben")
    join_by_link(cara_page, base, link, "cara")
    group_url = ben_page.url
    share_a_checkin(ben_page, base, group_url)
    encourage(cara_page, group_url)

    ben_page.reload()
    assert ben_page.get_by_text("Two agents in one week: that takes nerve.").is_visible()
    assert Reply.objects.get().kind == "encouragement"
    coach_page.goto(group_url)
    assert coach_page.get_by_text("checked in for week 2").is_visible()
    assert_accessible(coach_page)

    coach_page.get_by_role("link", name="Great Groups check").click()
    coach_page.get_by_role("button", name="Open a new round").click()
    coach_page.get_by_text("Round 1 is open.").wait_for()
    assert_accessible(coach_page)
    round_url = coach_page.url
    answer_round(coach_page, round_url, "4 · Mostly", "Our aim is clear; our evenings are not.")
    answer_round(ben_page, round_url, "3 · Partly")
    assert ben_page.get_by_text("2 of 3 have answered so far.").is_visible()
    answer_round(cara_page, round_url, "5 · Fully")  # the third answer: everyone is in

    coach_page.goto(round_url)
    assert coach_page.locator("table.heatmap tbody tr").count() == 15
    assert coach_page.get_by_role("heading", name="Three to talk about").is_visible()
    assert coach_page.get_by_text("Our aim is clear; our evenings are not.").is_visible()
    assert_accessible(coach_page)
    coach_page.screenshot(path=str(screenshot_path(tmp_path, "group-round.png")), full_page=True)
    assert Round.objects.get().released
    coach_page.goto(group_url)
    coach_page.screenshot(path=str(screenshot_path(tmp_path, "group-feed.png")), full_page=True)
