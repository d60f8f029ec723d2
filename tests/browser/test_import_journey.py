"""Taking an import back in a real browser (issue 9): import an archive, look at what came in,
undo it from its page, and see the network as it was. axe-core checks every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hedgerow.network.models import Contact
from tests.browser.conftest import assert_accessible, person_with_password, sign_in
from tests.browser.test_journey import import_archive
from tests.network.views.archives import linkedin_zip

pytestmark = pytest.mark.browser


def test_it_undoes_an_import_from_its_page(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    person_with_password()
    page, base = browser_page, live_server.url
    sign_in(page, base)

    import_archive(page, base, linkedin_zip(tmp_path))
    assert Contact.objects.count() == 2
    page.get_by_role("link", name="Undo this import…").click()
    assert page.get_by_role("heading", name="Undo the import of Basic_LinkedInDataExport.zip?")
    assert_accessible(page)
    page.get_by_role("button", name="Undo this import").click()

    assert page.get_by_text("This import was undone").is_visible()
    assert_accessible(page)
    assert Contact.objects.count() == 0
