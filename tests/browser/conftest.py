"""What every browser journey shares: Debian's chromium through Playwright, and axe-core."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop; Django's ORM in the same thread must be told it's fine.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it: apt-get chromium)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make test runs npm ci for node_modules/axe-core)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            browser.close()


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core on the page as it is now: its serious and critical violations, plainly."""
    # Evaluated rather than added as a <script> element: the pages' Content-Security-Policy
    # refuses inline scripts, and a test must not loosen it. Only violations are asked for:
    # axe then spends no time detailing every node that passes.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_accessible(page: Any) -> None:
    serious = serious_violations(page)
    assert not serious, f"{page.url}:\n{json.dumps(serious, indent=2)}"


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Where the Today screenshot goes; HEDGEROW_SCREENSHOTS keeps it for a person to look at."""
    folder = Path(os.environ.get("HEDGEROW_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


PASSWORD = "a-long-pass-phrase"


def person_with_password(username: str = "alice") -> Any:
    """The person a journey signs in as."""
    from hedgerow.accounts.services import add_person

    person = add_person(username=username)
    person.set_password(PASSWORD)
    person.save()
    return person


def sign_in(page: Any, base: str, path: str = "/", username: str = "alice") -> None:
    """Open `path`, sign in on the page it redirects to, and come back to `path`."""
    page.goto(f"{base}{path}")
    page.get_by_label("Name", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}{path}")
