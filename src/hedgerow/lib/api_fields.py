"""Field constraints the API's schemas share, so the OpenAPI document says what the services
accept: a text that must have words in it, paging bounds, a score. The services still decide;
these describe the same rules up front, so a script learns them from the document."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, StrictBool

__all__ = ["Day", "Input", "StrictBool", "Whole", "score", "words"]


class Input(Schema):
    """A request body. Patterns are read as Python reads them (as the document's readers do),
    so `\\S` means what `str.strip()` leaves, not a slightly different Rust reading."""

    model_config = ConfigDict(regex_engine="python-re")


def whole(value: Any) -> Any:
    """A JSON number that is whole (3 or 3.0, as JSON Schema's "integer" says), never "3" or
    true: pydantic alone would read those too."""
    if isinstance(value, bool | str):
        raise ValueError("must be a whole number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# A whole number in a body.
Whole = Annotated[int, BeforeValidator(whole)]

NOT_BLANK = r"\S"  # more than spaces: the services strip a text and refuse an empty one
MAX_PAGE = 1000  # rows in one answer
MAX_OFFSET = 1_000_000  # far past anyone's network; a larger number is a mistake (422)


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: Any) -> Any:
    """Only a date written as the document says (2026-12-07): pydantic alone would also read
    a number as seconds since 1970, which the document does not promise."""
    if isinstance(value, date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("must be a date like 2026-12-07")


# A day in a query or a body, as YYYY-MM-DD.
Day = Annotated[date, BeforeValidator(iso_day)]


def words(default: Any = ..., *, max_length: int | None = None, **extra: Any) -> Any:
    """A text that must say something (not empty, not only spaces)."""
    return Field(default, pattern=NOT_BLANK, max_length=max_length, **extra)


def score(default: Any = ..., *, low: int = 0, high: int = 10) -> Any:
    """A whole number from `low` to `high` (use with Whole, so "5" in JSON is refused)."""
    return Field(default, ge=low, le=high)
