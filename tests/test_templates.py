"""Template source that must never reach a page."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "hedgerow"
# Django's {# … #} comment ends on its own line; one spread over lines is printed as text.
OPEN_COMMENT = re.compile(r"\{#(?!.*#\})")


def test_it_keeps_every_short_comment_on_one_line() -> None:
    spread = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.glob("**/templates/**/*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OPEN_COMMENT.search(line)
    ]

    assert spread == [], "use {% comment %} for a comment over several lines: " + ", ".join(spread)
