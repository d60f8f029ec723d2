"""The blind parts of the labeled sets, oldest first; the last is the one never tuned on."""

from __future__ import annotations

from pathlib import Path

BLIND_PARTS = (
    "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
    "blind10", "blind11",
)  # fmt: skip
# The newest blind part; move on to a fresh one once this is studied. blind7 and blind8 were
# studied in issue 10's fourth round. blind9 and blind10 were written from the method alone while
# that round ran, by two writers who saw no code, and measured before and after it without being
# read (first sight before it). The fifth round studied blind9 only and was judged on blind10,
# never opened (93 of 120 before the round, 107 after). The sixth round studied blind10 (107 ->
# 119 of 120) and is judged on blind11, written from the method alone while it ran and never
# opened by it: copied in after it was measured unread (coach 96 of 120 on the code before round
# six, 102 after; goals 57 of 60, blockers 117 of 120). A seventh round may study it, and is then
# judged on a blind12 written before anyone opens blind11.
UNTUNED = BLIND_PARTS[-1]


def untuned_missing(directory: Path) -> str | None:
    """A plain sentence when no file of the never-tuned part is in `directory`, else None."""
    if any(directory.glob(f"{UNTUNED}_*.jsonl")):
        return None
    return (
        f"({UNTUNED}, the never-tuned part, is not in {directory.parent.name}/{directory.name} "
        "yet: it is copied in when it is measured; the figures below leave it out)"
    )
