"""Inserting many rows fast, for importers.

Django's bulk_create builds a model instance and prepares every field of every row, which costs
more than the database's own work at hundreds of thousands of rows. `insert_rows` takes plain
tuples and hands them to the driver's executemany, preparing only date and time columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import signals
from django.utils import timezone


class Insert:
    """One INSERT statement for a model's named fields; other columns get their defaults."""

    def __init__(
        self, model: type[models.Model], fields: Sequence[str], *, ignore_conflicts: bool = False
    ) -> None:
        meta = model._meta
        named: list[Any] = [meta.get_field(name) for name in fields]
        rest: list[Any] = [
            field
            for field in meta.concrete_fields
            if field not in named
            and not field.primary_key
            # a nullable column with a default still gets it (an import row's run, say)
            and (not field.null or field.has_default())
        ]
        now = timezone.now()
        # Defaults are the same for every row, so they are prepared for the database once.
        self.constants = _prepare(
            tuple(_default(field, now) for field in rest),
            [(i, adapt) for i, field in enumerate(rest) if (adapt := _adapter(field))],
        )
        self.adapters = [(i, adapt) for i, field in enumerate(named) if (adapt := _adapter(field))]
        # Only identifiers from the model's own metadata go into the text; values are parameters.
        table = connection.ops.quote_name(meta.db_table)
        names = ", ".join(connection.ops.quote_name(field.column) for field in named + rest)
        marks = ", ".join(["%s"] * (len(named) + len(rest)))
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        if ignore_conflicts:  # a row that would break a unique constraint is left out
            self.sql += " ON CONFLICT DO NOTHING"

    def values(self, rows: Iterable[Sequence[Any]], *, adapted: bool = False) -> list[tuple]:
        if adapted:
            return [tuple(row) + self.constants for row in rows]
        return [_prepare(tuple(row), self.adapters) + self.constants for row in rows]


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    batch_size: int = 2000,
    adapted: bool = False,
    ignore_conflicts: bool = False,
) -> int:
    """Insert rows (values in `fields` order, already clean and within length) as plain tuples.

    Columns not named get their model default (auto_now ones: now), computed once per call. No
    signals run, nothing is validated. Returns the number of rows inserted. `adapted`: the values
    are already what the driver takes (datetimes as datetimes_as_utc_text's text, no dates or
    JSON), so no value is converted, which shows at hundreds of thousands of rows.
    `ignore_conflicts`: rows that would break a unique constraint are left out (the count
    returned includes them).
    """
    insert = Insert(model, fields, ignore_conflicts=ignore_conflicts)
    iterator = iter(rows)
    inserted = 0
    with connection.cursor() as cursor:
        while batch := list(islice(iterator, batch_size)):
            values = insert.values(batch, adapted=adapted)
            cursor.executemany(insert.sql, values)
            inserted += len(values)
    return inserted


def first_column(queryset: models.QuerySet) -> Iterator[Any]:
    """The first selected column of every row, straight from the cursor.

    For loading hundreds of thousands of keys (external ids) without a Python object per row.
    """
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(10_000):
            for row in rows:
                yield row[0]


def delete_cascading(rows: models.QuerySet) -> int:
    """rows.delete(), with what refers to the rows found by a subquery, not by their ids.

    Django's delete() loads the rows, then asks every table that refers to them with the list
    of their ids, preparing each id in Python: about a second per 10,000 contacts, most of an
    undo. Here each referring table is asked with one subquery: CASCADE deletes through that
    table's own delete() (which cascades further as Django does), SET_NULL empties the
    reference; then the rows go in one statement. Where that could differ from delete() (a
    PROTECT or RESTRICT, a signal receiver, a parent model, generic relations, rows chosen
    through another table) it is delete() itself. Returns the rows deleted, cascades included.
    """
    model = rows.model
    meta = model._meta
    relations = [
        field
        for field in meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_one or field.one_to_many)
    ]
    plain = (models.CASCADE, models.SET_NULL, models.DO_NOTHING)
    if (
        meta.parents
        or meta.private_fields
        # chosen through a join: deleting what refers to them could change the subquery
        or sum(1 for used in rows.query.alias_refcount.values() if used) > 1
        or signals.pre_delete.has_listeners(model)
        or signals.post_delete.has_listeners(model)
        or any(getattr(field, "on_delete", None) not in plain for field in relations)
    ):
        return int(rows.delete()[0])
    chosen = rows.order_by().values("pk")
    deleted = 0
    with transaction.atomic(using=rows.db):
        for relation in relations:
            name = relation.field.name
            referring = relation.related_model._base_manager.using(rows.db).filter(
                **{f"{name}__in": chosen}
            )
            if relation.on_delete is models.CASCADE:
                deleted += referring.delete()[0]
            elif relation.on_delete is models.SET_NULL:
                referring.update(**{name: None})
        deleted += rows.order_by()._raw_delete(rows.db)
    return deleted


@contextmanager
def roomy_sqlite_cache(megabytes: int = 64) -> Iterator[None]:
    """A bigger page cache while a large import writes random keys into SQLite's indexes."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    # The driver's own connection: restoring must work even inside a failed atomic block,
    # where Django refuses queries, so the import's real error is the one reported.
    raw = connection.connection
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = {-abs(int(megabytes)) * 1024}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(before)}")


def datetimes_as_utc_text() -> bool:
    """True when the database stores datetimes as UTC text, "2023-06-11 15:33:58[.ffffff]".

    Then insert_rows passes such text through unchanged, which lets an importer whose source
    writes dates that way skip building datetimes only for them to be formatted back. Elsewhere
    (PostgreSQL, another zone) pass aware datetimes.
    """
    return connection.vendor == "sqlite" and settings.USE_TZ and connection.timezone is UTC


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


def _datetime_adapter() -> Callable[[Any], Any]:
    if connection.vendor != "sqlite" or not settings.USE_TZ:
        return connection.ops.adapt_datetimefield_value
    # SQLite stores naive text in the connection's zone; Django's own adapter does the same, but
    # through several calls per value, which shows at a few hundred thousand rows.
    zone = connection.timezone
    if zone is UTC:

        def adapt_utc(value: datetime | str) -> str:
            if isinstance(value, str):
                return value  # already the stored text (see datetimes_as_utc_text)
            if value.tzinfo is not UTC:
                value = value.astimezone(UTC)
            return value.isoformat(" ")[:-6]  # without "+00:00", as Django writes it

        return adapt_utc

    def adapt(value: datetime) -> str:
        return str(value.astimezone(zone).replace(tzinfo=None))

    return adapt
