"""The first loop in a real browser: sign in → import a LinkedIn archive → Today → mark an update
done. Every page visited is checked with axe-core: no serious or critical accessibility issues."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hedgerow.accounts.services import add_person
from tests.network.views.archives import linkedin_zip

# Playwright's sync API runs an event loop; Django's ORM in the same thread must be told it's fine.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

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


def assert_accessible(page: Any) -> None:
    """axe-core on the page as it is now; list any serious or critical violation plainly."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    report = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"][:5]],
        }
        for v in serious
    ]
    assert not serious, f"{page.url}:\n{json.dumps(report, indent=2)}"


def import_archive(page: Any, base: str, archive: Path) -> None:
    page.goto(f"{base}/import/")
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(archive.parent, "import.png")), full_page=True)
    page.get_by_label("What you are importing").select_option("linkedin")
    page.get_by_label("File", exact=True).set_input_files(str(archive))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(f"{base}/import/*/")
    assert page.get_by_role("heading", name="What came in").is_visible()
    assert_accessible(page)


def test_it_imports_an_archive_and_marks_an_update_done(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    person = add_person(username="alice", is_owner=True)
    person.set_password("a-long-pass-phrase")
    person.save()
    page, base = browser_page, live_server.url

    page.goto(f"{base}/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)
    page.get_by_label("Name").fill("alice")
    page.get_by_label("Password").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_text("Welcome to Hedgerow").is_visible()
    assert_accessible(page)

    import_archive(page, base, linkedin_zip(tmp_path))
    assert page.get_by_text("2 contacts created").is_visible()
    page.screenshot(path=str(screenshot_path(tmp_path, "import-run.png")), full_page=True)
    assert page.locator("table.problems").get_by_text("Connections.csv").first.is_visible()
    import_archive(page, base, linkedin_zip(tmp_path, later=True))

    page.get_by_role("link", name="Today", exact=True).click()
    page.wait_for_url(f"{base}/")
    update = page.locator("article.item", has_text="Northwind")
    assert update.is_visible()
    assert page.locator("article.item", has_text="Dana Fox").is_visible()  # accepted: N5
    assert_accessible(page)
    page.get_by_text("Write a note").first.click()  # open one box, so axe sees the form too
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "today.png")), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "today-phone.png")), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    update.get_by_role("button", name="Mark done").click()
    page.get_by_text("Marked done.").wait_for()
    assert page.locator("article.item", has_text="Northwind").count() == 0
    page.reload()
    assert page.get_by_text("Northwind").count() == 0

    page.get_by_role("link", name="Contacts", exact=True).click()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "contacts.png")), full_page=True)
    page.get_by_role("link", name="Ana Ruiz").click()
    assert page.get_by_role("heading", name="Timeline").is_visible()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "contact.png")), full_page=True)


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Where the Today screenshot goes; HEDGEROW_SCREENSHOTS keeps it for a person to look at."""
    folder = Path(os.environ.get("HEDGEROW_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
