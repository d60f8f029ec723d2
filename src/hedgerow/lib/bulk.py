"""Inserting many rows fast, for importers.

Django's bulk_create builds a model instance and prepares every field of every row, which costs
more than the database's own work at hundreds of thousands of rows. `insert_rows` takes plain
tuples and hands them to the driver's executemany, preparing only date and time columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.utils import timezone


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    batch_size: int = 2000,
) -> int:
    """Insert rows (values in `fields` order, already clean and within length) as plain tuples.

    Columns not named get their model default (auto_now ones: now). No signals run, nothing is
    validated. Returns the number of rows inserted.
    """
    meta = model._meta
    named = [meta.get_field(name) for name in fields]
    rest = [
        field
        for field in meta.concrete_fields
        if field not in named and not field.primary_key and not field.null
    ]
    now = timezone.now()
    columns = named + rest
    # Defaults are the same for every row, so they are prepared for the database once.
    constants = _prepare(
        tuple(_default(field, now) for field in rest),
        [(i, adapt) for i, field in enumerate(rest) if (adapt := _adapter(field))],
    )
    # Only identifiers from the model's own metadata go into the text; values are parameters.
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
    adapters = [(i, adapt) for i, field in enumerate(named) if (adapt := _adapter(field))]
    iterator = iter(rows)
    inserted = 0
    with connection.cursor() as cursor:
        while batch := list(islice(iterator, batch_size)):
            values = [_prepare(tuple(row), adapters) + constants for row in batch]
            cursor.executemany(sql, values)
            inserted += len(values)
    return inserted


@contextmanager
def roomy_sqlite_cache(megabytes: int = 64) -> Iterator[None]:
    """A bigger page cache while a large import writes random keys into SQLite's indexes."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-abs(int(megabytes)) * 1024}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _default(field: Any, now: datetime) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()


def _prepare(row: tuple[Any, ...], adapters: list[tuple[int, Callable[[Any], Any]]]) -> tuple:
    if not adapters:
        return row
    values = list(row)
    for index, adapt in adapters:
        if values[index] is not None:
            values[index] = adapt(values[index])
    return tuple(values)


def _adapter(field: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, models.DateTimeField):
        return _datetime_adapter()
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def _datetime_adapter() -> Callable[[datetime], Any]:
    if connection.vendor != "sqlite" or not settings.USE_TZ:
        return connection.ops.adapt_datetimefield_value
    # SQLite stores naive text in the connection's zone; Django's own adapter does the same, but
    # through several calls per value, which shows at a few hundred thousand rows.
    zone = connection.timezone

    def adapt(value: datetime) -> str:
        if value.tzinfo is not zone:
            value = value.astimezone(zone)
        return str(value.replace(tzinfo=None))

    return adapt
