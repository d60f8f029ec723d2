"""The Content-Security-Policy in a real browser: the main pages (and the API docs) load and
work with no violation reported, so nothing inline slipped back into a template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import person_with_password, sign_in
from tests.network.views.archives import linkedin_zip

pytestmark = pytest.mark.browser

# Recorded by the browser itself before any page script runs (an init script is not subject to
# the page's policy).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__csp.push(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile);
});
"""
PAGES = (
    "/",
    "/contacts/",
    "/network/",
    "/people-you-may-know/",
    "/import/",
    "/goal/",
    "/practice/",
    "/practice/visibility/",
    "/practice/skills/",
    "/groups/",
    "/accounts/settings/",
    "/accounts/password/",
    "/api/v1/docs",
)


def test_it_loads_the_main_pages_without_a_policy_violation(
    live_server: Any, transactional_db: None, browser_page: Any, tmp_path: Path
) -> None:
    person = person_with_password()
    page, base = browser_page, live_server.url
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    sign_in(page, base)
    from hedgerow.network.importers.linkedin import import_linkedin

    import_linkedin(owner=person, path=linkedin_zip(tmp_path))
    from hedgerow.network.models import Contact

    contact = Contact.objects.filter(owner=person).first()
    assert contact is not None
    for path in (*PAGES, f"/contacts/{contact.pk}/"):
        response = page.goto(f"{base}{path}")
        assert response is not None and response.ok, path
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        page.wait_for_load_state("networkidle")
        problems.extend(f"{path}: {v}" for v in page.evaluate("window.__csp"))

    # The API docs page really drew itself (Swagger UI runs from its own static files).
    page.goto(f"{base}/api/v1/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    problems.extend(f"/api/v1/docs: {v}" for v in page.evaluate("window.__csp"))

    assert problems == []
