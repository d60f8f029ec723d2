"""Every page of the product, on a desktop (1280 px) and a phone (390 px), with the demo's data:
nothing scrolls sideways, axe-core finds no serious violation, the console stays quiet, and every
date is written the one way ("7 Nov 2026"). With HEDGEROW_SCREENSHOTS set (`make screenshots`),
each page is also saved as a PNG for a person to look through.

Every problem on every page is collected first and reported together, so one run shows them all.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import AXE, CHROMIUM, CHROMIUM_ARGS, serious_violations
from tests.tour import PASSWORD, USERNAME, Stop, other_date_styles, seed, stops

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
# Third-party pages we serve but do not write: the API's documentation (Swagger UI, via ninja).
NOT_OURS = {"api-docs"}

OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      const id = el.id ? '#' + el.id : '';
      const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
      wide.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(box.right)})`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 6)};
}"""

VISIBLE_TEXT = """() => [
  document.body.innerText,
  ...[...document.querySelectorAll('svg text, svg title')].map((t) => t.textContent),
].join('\\n')"""


def visit(page: Any, base: str, stop: Stop, width: str, shots: Path | None) -> list[str]:
    """Open one page and list what is wrong with it."""
    problems: list[str] = []
    console: list[str] = []
    on_console = lambda message: message.type == "error" and console.append(message.text)  # noqa: E731
    on_error = lambda error: console.append(str(error))  # noqa: E731
    page.on("console", on_console)
    page.on("pageerror", on_error)
    try:
        response = page.goto(base + stop.path, wait_until="load")
        where = f"{stop.name} at {width} ({stop.path})"
        if response is None or response.status != stop.status:
            status = response.status if response else "nothing"
            problems.append(f"{where}: answered {status}, expected {stop.status}")
        if overflow := page.evaluate(OVERFLOW):
            problems.append(f"{where}: scrolls sideways, {overflow}")
        if stop.name not in NOT_OURS:
            problems += [f"{where}: {issue}" for issue in axe_violations(page)]
            dates = other_date_styles(page.evaluate(VISIBLE_TEXT))
            if dates:
                problems.append(f"{where}: dates in another style: {sorted(set(dates))[:5]}")
        if stop.status != 200:
            # Chromium logs the error status of the page itself; that one is expected.
            console = [text for text in console if str(stop.status) not in text]
        problems += [f"{where}: console: {text}" for text in console]
        if shots is not None:
            page.screenshot(path=shots / f"{stop.name}-{width}.png", full_page=True)
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
    return problems


def axe_violations(page: Any) -> list[str]:
    return [
        f"axe {v['rule']} ({v['impact']}): {v['help']} at {v['where'][:4]}"
        for v in serious_violations(page)
    ]


# A width per test, so the two halves of the tour can run side by side.
@pytest.mark.parametrize("width", WIDTHS)
def test_it_shows_every_page_whole_on_a_desktop_and_a_phone(
    live_server: Any, transactional_db: None, width: str
) -> None:
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.skip("needs Debian's chromium and axe-core (make test installs both)")
    from playwright.sync_api import sync_playwright

    person = seed(password=PASSWORD)
    tour = [Stop("sign-in", "/accounts/login/"), *stops(person)]
    folder = os.environ.get("HEDGEROW_SCREENSHOTS")
    shots = Path(folder) if folder else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    tour.append(Stop("error-500", SERVER_ERROR, status=500))
    base, problems = live_server.url, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            w, h = WIDTHS[width]
            page = browser.new_context(viewport={"width": w, "height": h}).new_page()
            page.set_default_timeout(30_000)
            answer_as_a_server_error(page, base)
            problems += visit(page, base, tour[0], width, shots)
            sign_in(page, base)
            for stop in tour[1:]:
                problems += visit(page, base, stop, width, shots)
        finally:
            browser.close()
    assert not problems, "\n".join(problems)


SERVER_ERROR = "/a-page-that-breaks/"


def answer_as_a_server_error(page: Any, base: str) -> None:
    """No page of ours breaks on purpose, so the browser is handed Django's own 500 answer (our
    500.html, rendered as the server would) for one address, to be checked like any page."""
    from django.test import RequestFactory
    from django.views.defaults import server_error

    broken = server_error(RequestFactory().get(SERVER_ERROR))
    page.route(
        f"{base}{SERVER_ERROR}",
        lambda route: route.fulfill(status=500, body=broken.content, headers=dict(broken.items())),
    )


def sign_in(page: Any, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Name", exact=True).fill(USERNAME)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
