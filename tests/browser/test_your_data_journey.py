"""Your data and reminders in a real browser: download everything from Settings, choose the
weekly email's day, make a calendar address, copy it, fetch the feed, and make a new one.
Settings is checked with axe-core."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from hedgerow.network.models import Contact
from hedgerow.reminders.models import ReminderSetting
from tests.browser.conftest import assert_accessible, person_with_password, sign_in

pytestmark = pytest.mark.browser


def test_it_takes_your_data_and_reminders_end_to_end(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    page, base = browser_page, live_server.url
    alice = person_with_password()
    Contact.objects.create(owner=alice, name="Ana Ruiz", company="Lumen Press")
    sign_in(page, base, "/accounts/settings/")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        data = json.loads(archive.read("hedgerow.json"))
        assert "FN:Ana Ruiz" in archive.read("contacts.vcf").decode()
    assert [c["name"] for c in data["contacts"]] == ["Ana Ruiz"]

    page.get_by_label("Send it on").select_option(label="Friday")
    page.get_by_label("To", exact=True).fill("alice@example.org")
    page.get_by_role("button", name="Set the weekly email").click()
    assert page.get_by_text(
        "Your weekly digest comes every Friday, to alice@example.org."
    ).is_visible()
    assert ReminderSetting.objects.get(owner=alice).digest_weekday == 4

    page.get_by_role("button", name="Make a calendar address").click()
    address = page.get_by_label("Your calendar address").input_value()
    token = ReminderSetting.objects.get(owner=alice).calendar_token
    assert address.endswith(f"/calendar/{token}.ics")
    assert_accessible(page)
    feed = page.request.get(f"{base}/calendar/{token}.ics")
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in feed.text()

    page.get_by_role("button", name="Make a new address").click()
    assert page.get_by_label("Your calendar address").input_value() != address
    assert page.request.get(f"{base}/calendar/{token}.ics").status == 404
