"""Deleting in a real browser: a contact from their page, then the whole account from Settings,
each after a page that says what goes (axe-core clean)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, assert_accessible, person_with_password, sign_in

pytestmark = pytest.mark.browser


def test_it_deletes_a_contact_then_the_account(
    live_server: Any, transactional_db: None, browser_page: Any
) -> None:
    from django.contrib.auth import get_user_model

    from hedgerow.network.models import Contact

    person = person_with_password()
    ana = Contact.objects.create(owner=person, name="Ana Ruiz", first_name="Ana", last_name="Ruiz")
    Contact.objects.create(owner=person, name="Bo Chen", first_name="Bo", last_name="Chen")
    page, base = browser_page, live_server.url

    sign_in(page, base, f"/contacts/{ana.pk}/")
    page.get_by_role("link", name="Delete Ana Ruiz…").click()
    assert page.get_by_role("heading", name="Delete Ana Ruiz?").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Delete Ana Ruiz").click()
    page.wait_for_url(f"{base}/contacts/")
    assert page.get_by_text("Deleted Ana Ruiz and everything about them.").is_visible()
    assert not Contact.objects.filter(pk=ana.pk).exists()

    page.goto(f"{base}/accounts/settings/")
    page.get_by_role("link", name="Delete your account…").click()
    assert_accessible(page)
    page.get_by_label("Your password, to confirm it is you").fill("not it")
    page.get_by_role("button", name="Delete my account and everything in it").click()
    assert page.get_by_text("That is not your password.").is_visible()
    page.get_by_label("Your password, to confirm it is you").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account and everything in it").click()
    page.wait_for_url(f"{base}/accounts/login/")
    assert page.get_by_text("everything in it are deleted").is_visible()
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert not Contact.objects.exists()
