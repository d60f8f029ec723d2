"""Dates as exports of every vintage write them, read by one file-wide style.

Seen in LinkedIn exports from 2018 to 2026 (and in spreadsheets that re-saved them):
"15 Jan 2024", "09-Sep-22", "9-Sep-22", "1/8/18, 6:14 PM", "2023-06-11 15:33:58 UTC",
"Mar 25 2023 10:15 AM", "1/15/2024", "Jan 2020", "2020".

Whether "1/8/18" is the 8th of January or the 1st of August is decided by the file, never guessed
per row: the first date whose day cannot be a month (13/1/18, or 1/13/18) settles it for the whole
file. Rows read before that wait (`Ambiguous`); a file that never says is read month-first, as
LinkedIn writes US dates. No Django here: the messages worker uses it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_TIME = r"(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?)?"
_ZONE = r"\s*(UTC|GMT|Z)?"
# 15 Jan 2024, 09-Sep-22, 15 January 2024 10:00
_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})[ \-]([A-Za-z]{3,9})\.?[ \-,]+(\d{4}|\d{2})" + _TIME + _ZONE
)
# Mar 25 2023 10:15 AM, March 25, 2023
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})" + _TIME + _ZONE)
# 1/8/18, 6:14 PM; 1/15/2024; 15.01.2024
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})" + _TIME + _ZONE)
# Jan 2020 (positions)
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{4})")


class BadValue(ValueError):
    """A cell we cannot use; the message names the field and shows the value."""


class Ambiguous(ValueError):
    """A day-and-month date ("1/8/18") while the file has not yet said which comes first."""


@dataclass
class DateStyle:
    """How one file writes its dates; learns day-first or month-first from the file itself."""

    day_first: bool | None = None

    def settle(self) -> None:
        """The file is read and never said: LinkedIn's own order, month first."""
        if self.day_first is None:
            self.day_first = False

    def moment(self, text: str, example: str = "15 Jan 2024") -> datetime:
        """A datetime: aware (UTC) when the text names UTC or an offset, else naive local time."""
        text = text.strip()
        if not text:
            raise BadValue(f'is not a date like "{example}"')
        if text[:4].isdigit() and len(text) >= 10 and text[4] == "-":
            return _iso(text, example)
        found = self._numeric(text) or _named(text)
        if found is None:
            raise BadValue(f'is not a date like "{example}"')
        return found

    def day(self, text: str, example: str = "15 Jan 2024") -> date | None:
        """A calendar day; "" is no date."""
        if not text.strip():
            return None
        return self.moment(text, example).date()

    def month(self, text: str, example: str = "Jan 2020") -> date | None:
        """A position's start or end: "Jan 2020", "2020" or any full date; "" is none."""
        text = text.strip()
        if not text:
            return None
        if len(text) == 4 and text.isdigit():
            return _date(int(text), 1, 1, example)
        found = _MONTH_YEAR.fullmatch(text)
        if found and found.group(1)[:3].casefold() in MONTHS:
            return _date(int(found.group(2)), MONTHS[found.group(1)[:3].casefold()], 1, example)
        return self.day(text, example)

    def _numeric(self, text: str) -> datetime | None:
        found = _NUMERIC.fullmatch(text)
        if found is None:
            return None
        first, second, year = int(found.group(1)), int(found.group(2)), found.group(3)
        if first > 12 and second <= 12:
            self.day_first = True if self.day_first is None else self.day_first
            day_first = True
        elif second > 12 and first <= 12:
            self.day_first = False if self.day_first is None else self.day_first
            day_first = False
        elif self.day_first is None:
            raise Ambiguous(text)
        else:
            day_first = self.day_first
        day, month = (first, second) if day_first else (second, first)
        return _assemble(_year(year), month, day, found.groups()[3:], text)


@lru_cache(maxsize=4096)  # an export repeats the same few thousand days
def _named(text: str) -> datetime | None:
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found and found.group(2)[:3].casefold() in MONTHS:
        day, month = int(found.group(1)), MONTHS[found.group(2)[:3].casefold()]
        return _assemble(_year(found.group(3)), month, day, found.groups()[3:], text)
    found = _MONTH_DAY_YEAR.fullmatch(text)
    if found and found.group(1)[:3].casefold() in MONTHS:
        day, month = int(found.group(2)), MONTHS[found.group(1)[:3].casefold()]
        return _assemble(int(found.group(3)), month, day, found.groups()[3:], text)
    return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # LinkedIn began in 2003: "18" is 2018
        return 2000 + year if year < 70 else 1900 + year
    return year


def _assemble(
    year: int, month: int, day: int, clock: tuple[str | None, ...], text: str
) -> datetime:
    hour, minute, second, half, zone = clock
    try:
        moment = datetime.combine(date(year, month, day), time())
        if hour is not None:
            hours = int(hour)
            if half:
                if not 1 <= hours <= 12:
                    raise ValueError
                hours = hours % 12 + (12 if half[0] in "Pp" else 0)
            moment = moment.replace(hour=hours, minute=int(minute or 0), second=int(second or 0))
    except ValueError:
        raise BadValue(f'is not a real date ("{text}")') from None
    return moment.replace(tzinfo=UTC) if zone else moment


def _iso(text: str, example: str) -> datetime:
    cleaned = text.removesuffix(" UTC").removesuffix(" GMT")
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise BadValue(f'is not a date like "{example}"') from None
    if cleaned != text and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _date(year: int, month: int, day: int, example: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(f'is not a date like "{example}"') from None
