"""Practice in a real browser: catch an impulse with Enter, decide on it, log an accomplishment and
copy the update, build a pitch. Every page is checked with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hedgerow.practice.models import Impulse
from tests.browser.conftest import (
    assert_accessible,
    person_with_password,
    screenshot_path,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_it_practises_end_to_end(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    page, base = browser_page, live_server.url
    person_with_password()
    sign_in(page, base, "/practice/")
    assert_accessible(page)

    page.get_by_role("link", name="Action ratio").first.click()
    page.get_by_label("An impulse to act").fill("Offer to run the team demo")
    page.get_by_label("An impulse to act").press("Enter")
    page.wait_for_url(f"{base}/practice/impulses/")
    assert Impulse.objects.get().text == "Offer to run the team demo"
    page.locator("summary", has_text="Decide").first.click()
    assert_accessible(page)
    page.get_by_label("Acted on it").check()
    page.get_by_label("Looking back, was it the right call?").select_option("yes")
    page.get_by_role("button", name="Save the decision").click()
    assert page.get_by_text("100%").first.is_visible()
    assert Impulse.objects.get().outcome == "acted"
    page.screenshot(path=str(screenshot_path(tmp_path, "impulses.png")), full_page=True)

    page.goto(f"{base}/practice/visibility/")
    page.get_by_label("What did you do?").fill("Ran the team demo")
    page.get_by_label("Who should know about it? (optional)").fill("Dana")
    page.get_by_role("button", name="Add to the log").click()
    page.get_by_role("button", name="Write the update").click()
    assert (
        "**Ran the team demo**"
        in page.get_by_label("Markdown (for chat, email or a wiki)").input_value()
    )
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "visibility.png")), full_page=True)

    page.goto(f"{base}/practice/aspiration/")
    page.get_by_label("What do you aspire to?").fill("Lead a small product team")
    page.get_by_label("The year you were born (optional)").fill("1990")
    page.get_by_role("button", name="Save", exact=True).first.click()
    assert page.get_by_label("At 36").is_visible()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "aspiration.png")), full_page=True)

    page.goto(f"{base}/practice/pitches/new/")
    page.get_by_label("Who you are").fill("a product designer")
    page.get_by_label("What you do").fill("help small teams ship")
    page.get_by_role("button", name="Put it together from the parts").click()
    assert (
        "I'm a product designer."
        in page.get_by_label("Your pitch, as you would say it").input_value()
    )
    assert page.get_by_text("Spoken, it takes").is_visible()
    page.get_by_role("button", name="Save the pitch").click()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "pitch.png")), full_page=True)

    page.goto(f"{base}/practice/skills/")
    assert_accessible(page)

    # On a phone every column stays (the table scrolls in its own box), and nothing else overflows.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.get_by_role("columnheader", name="Last practised").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert_accessible(page)
    page.goto(f"{base}/practice/impulses/")
    page.locator("summary", has_text="Week by week").click()
    assert page.get_by_role("columnheader", name="Ratio").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "impulses-phone.png")), full_page=True)
