"""The first loop in a real browser: sign in → import a LinkedIn archive → Today → skip
someone, undo it, then say "I already wrote"; then a contact writes back. Every page visited is
checked with axe-core: no serious or critical accessibility issues."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import (
    assert_accessible,
    person_with_password,
    screenshot_path,
    sign_in,
)
from tests.network.views.archives import linkedin_zip

pytestmark = pytest.mark.browser


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


def test_it_imports_an_archive_and_answers_someone_on_today(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    person_with_password()
    page, base = browser_page, live_server.url

    page.goto(f"{base}/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)
    sign_in(page, base)
    assert page.get_by_text("Welcome to Hedgerow").is_visible()
    assert_accessible(page)

    import_archive(page, base, linkedin_zip(tmp_path))
    assert page.get_by_text("2 contacts created").is_visible()
    page.screenshot(path=str(screenshot_path(tmp_path, "import-run.png")), full_page=True)
    assert page.locator("table.problems").get_by_text("Connections.csv").first.is_visible()
    import_archive(page, base, linkedin_zip(tmp_path, later=True))

    page.get_by_role("link", name="Today", exact=True).click()
    page.wait_for_url(f"{base}/")
    update = page.locator("li.person", has_text="Northwind")
    assert update.is_visible()
    assert page.locator("li.person", has_text="Dana Fox").is_visible()  # accepted: N5
    assert_accessible(page)
    update.get_by_text("More").click()  # open one menu, so axe sees it too
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "today.png")), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "today-phone.png")), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    update.get_by_role("button", name="Skip").click()
    banner = page.locator(".banner", has_text="without writing")
    banner.wait_for()
    assert page.locator("li.person", has_text="Northwind").count() == 0
    banner.get_by_role("button", name="Undo").click()  # changed my mind
    page.get_by_text("is back on Today as before").wait_for()
    update = page.locator("li.person", has_text="Northwind")
    update.get_by_text("More").click()
    update.get_by_label("What you wrote").fill("Congratulations on the new role!")
    update.get_by_role("button", name="I already wrote").click()
    page.get_by_text("as written to.").wait_for()
    page.reload()
    assert page.locator("li.person", has_text="Northwind").count() == 0

    page.get_by_role("link", name="Contacts", exact=True).click()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "contacts.png")), full_page=True)
    page.get_by_role("link", name="Ana Ruiz").click()
    assert page.get_by_role("heading", name="Timeline").is_visible()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "contact.png")), full_page=True)

    # Ana wrote back: the contact page's one menu says so too, in a form of its own.
    page.get_by_text("More").click()
    assert_accessible(page)
    page.screenshot(path=str(screenshot_path(tmp_path, "contact-menu.png")), full_page=True)
    page.get_by_label("What they said").fill("Thanks! Coffee next week?")
    page.get_by_label("What they said").press("Tab")
    page.get_by_role("button", name="They got in touch").click()
    page.get_by_text("Saved: Ana Ruiz got in touch (message,").wait_for()
    assert page.locator(".timeline").get_by_text("Thanks! Coffee next week?").is_visible()


def test_it_starts_at_the_field_a_form_complains_about(
    live_server: Any, transactional_db: None, browser_page: Any
) -> None:
    person_with_password()
    page, base = browser_page, live_server.url
    sign_in(page, base, "/accounts/settings/")
    page.evaluate("document.getElementById('id_invitation_notes_per_month').form.noValidate = true")

    page.get_by_label("Personalised invitation notes a month").fill("500")
    page.get_by_role("button", name="Save").click()

    page.get_by_text("give a number from 0 to 100").wait_for()
    focused = page.evaluate("document.activeElement.id")
    assert focused == "id_invitation_notes_per_month"
    assert_accessible(page)
