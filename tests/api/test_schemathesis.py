"""The API keeps its word: Schemathesis, with every one of its checks and all its phases, against
the OpenAPI document the API serves, on a server this test starts on loopback.

The person is the demo's (their network, goal, practice and groups), so ids in paths name real
rows and the stateful phase can follow one answer into the next request. A bounded number of
examples keeps `make test` quick; `SCHEMATHESIS_EXAMPLES=200` runs a longer search.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hedgerow.accounts import throttle
from hedgerow.accounts.services import create_api_token
from hedgerow.goals.demo import load_goal_demo
from hedgerow.groups.demo import load_group_demo
from hedgerow.network.demo import load_demo
from hedgerow.practice.demo import load_practice_demo

CONFIG = Path(__file__).with_name("schemathesis.toml")
EXAMPLES = os.environ.get("SCHEMATHESIS_EXAMPLES", "3")
# The document's operations in two halves, each a run of its own, so the two can run side by side
# (pytest -n): one's paths are named here and the other takes every path not named, so a new
# operation is always tested.
OURS = r"^/api/v1/(practice|goals|coach|account)(/|$)"
HALVES = {
    "practice-goals-coach-account": "--include-path-regex",
    "the-rest": "--exclude-path-regex",
}


@pytest.fixture
def demo_person(transactional_db):
    person = load_demo(username="demo", password="demo")
    load_goal_demo(person)
    load_practice_demo(person)
    load_group_demo(person)
    return person


@pytest.mark.parametrize("half", HALVES)
def test_it_answers_as_its_openapi_document_says(
    live_server, client, demo_person, tmp_path, monkeypatch, half
):
    # Throttling is tested in tests/accounts/test_throttle.py; here every request must reach
    # its operation, including the ones Schemathesis sends with a wrong key on purpose.
    monkeypatch.setattr(throttle, "ADDRESS_LIMIT", 10**9)
    monkeypatch.setattr(throttle, "ACCOUNT_LIMIT", 10**9)
    key = create_api_token(owner=demo_person, name="schemathesis")[1]
    client.force_login(demo_person)  # the document is served to signed-in people
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(served.json()), encoding="utf-8")

    run = subprocess.run(  # noqa: S603 - our own schemathesis, on a file we wrote
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(CONFIG),
            "run",
            str(document),
            "--url",
            live_server.url,
            HALVES[half],
            OURS,
            "--checks",
            "all",
            "--header",
            f"Authorization: Bearer {key}",
            "--max-examples",
            EXAMPLES,
            "--seed",
            "14",
            "--workers",
            "1",
            "--no-color",
        ],
        cwd=tmp_path,  # its cache and Hypothesis's database stay out of the work tree
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )

    summary = run.stdout[run.stdout.find("SUMMARY") :]
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-2000:]
    assert "Tested: " in summary and "failures" not in summary.split("Test cases:")[-1]
