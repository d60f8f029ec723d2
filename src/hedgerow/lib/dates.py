"""Dates as people read them in Hedgerow: one style, "7 Nov 2026" (the templates' `|date`)."""

from __future__ import annotations

from datetime import date


def day_text(day: date) -> str:
    """'7 Nov 2026'."""
    return f"{day.day} {day:%b %Y}"


def month_text(day: date) -> str:
    """'Nov 2026'."""
    return f"{day:%b %Y}"
