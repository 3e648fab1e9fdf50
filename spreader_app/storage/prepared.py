"""Core statements compiled once per dialect and run on the driver connection.

The sending engine runs a handful of statements for every send. Through
``Connection.execute`` each call spends more time in SQLAlchemy (parameter processing,
execution context, result wrapping) than in the database itself, and that time holds the
GIL the event loop needs. A ``Prepared`` statement keeps the SQLAlchemy Core definition (one
source of truth for table and column names) but is compiled to SQL text once per dialect
(SQLite, PostgreSQL), on first use, and executed on the DB-API connection of the same
transaction (``sqlite3`` or psycopg), so it commits or rolls back with everything else.
psycopg prepares a statement on the server after a few executions of the same text.

Values are passed in storage form: timestamps as POSIX seconds (what ``Timestamp`` binds,
a double on both databases), enums as their ``.value``. ``run`` gives the driver's plain
tuples (timestamps as floats); ``rows`` gives named rows with each column's type applied,
as ``Connection.execute`` would.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import itemgetter
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Insert, Select, Table, bindparam, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

# Positional placeholders on both (``?`` and ``%s``), so parameters travel as tuples.
_DIALECTS: dict[str, Dialect] = {
    "sqlite": sqlite.dialect(),
    "postgresql": postgresql.psycopg.dialect(paramstyle="format"),  # type: ignore[no-untyped-call]
}
_REQUIRED = object()

StatementSource = ClauseElement | Callable[[str], ClauseElement]


class Cursor(Protocol):
    """What ``run`` returns: the driver's cursor (``sqlite3`` or psycopg)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class _Compiled:
    """One statement compiled for one dialect: SQL text, positional slots, row shape."""

    __slots__ = ("sql", "slots", "convert", "_pick", "_fixed")

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        self.sql = str(compiled)
        slots: list[tuple[str, object]] = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            if bind.expanding:
                raise ValueError(f"{name}: expanding parameters cannot be prepared")
            slots.append((name, _REQUIRED if bind.required else bind.value))
        self.slots = tuple(slots)
        # The values are picked in C (``itemgetter``), with the statement's own literals
        # merged in: this runs for every row of every send, where a Python loop over the
        # slots cost more than the driver's execute.
        self._fixed = {n: v for n, v in slots if v is not _REQUIRED}
        self._pick = _picker(tuple(n for n, _ in slots))
        self.convert: tuple[tuple[int, Callable[[Any], Any]], ...] = ()
        if isinstance(statement, Select):
            self.convert = tuple(
                (i, convert)
                for i, c in enumerate(statement.selected_columns)
                if (convert := c.type.result_processor(dialect, None)) is not None
            )

    def values(self, params: Mapping[str, Any]) -> tuple[Any, ...]:
        """The positional values for ``params``; raises ``KeyError`` for a missing name."""
        # The literals last: a compiled slot name is unique, so they only fill their own.
        return self._pick({**params, **self._fixed} if self._fixed else params)


def _picker(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """``itemgetter(*names)``, always giving a tuple (of one name it gives the value)."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda params: (params[name],)
    return lambda _: ()


class Prepared:
    """One Core statement, compiled for each dialect it runs on, with its parameters in
    positional order.

    ``source`` is the statement, or, for a dialect-specific construct (an upsert), a
    function building it from the dialect name. Parameters without a value in the
    statement (``bindparam("name")``) must be given by name; literals inside the statement
    (``column + 1``) are bound by the statement itself. Expanding ``IN`` parameters are not
    supported (their SQL depends on the values). Compiling is not locked: two threads may
    both compile a dialect's form once, and either result is the same.
    """

    __slots__ = ("_source", "_forms", "_row")

    def __init__(self, source: StatementSource) -> None:
        self._source = source
        self._forms: dict[str, _Compiled] = {}
        self._row: Any = None
        first = self._statement("sqlite")
        # Compiled for SQLite at once, so a statement that cannot be prepared fails at import.
        self._form("sqlite", first)
        if isinstance(first, Select):
            # rename: an unnamed expression's field becomes _<position>
            keys = [str(c.key) for c in first.selected_columns]
            self._row = namedtuple("Row", keys, rename=True)  # type: ignore[misc]

    def _statement(self, dialect: str) -> ClauseElement:
        source = self._source
        return source if isinstance(source, ClauseElement) else source(dialect)

    def _form(self, dialect: str, statement: ClauseElement | None = None) -> _Compiled:
        form = self._forms.get(dialect)
        if form is None:
            if dialect not in _DIALECTS:
                raise TypeError(f"prepared statements support SQLite and PostgreSQL, not {dialect}")
            stmt = statement if statement is not None else self._statement(dialect)
            form = self._forms[dialect] = _Compiled(stmt, _DIALECTS[dialect])
        return form

    def run(self, conn: Connection, params: Mapping[str, Any] | None = None) -> Cursor:
        """Executes once in ``conn``'s transaction; the cursor holds any rows."""
        form = self._form(conn.dialect.name)
        values = form.values(params or {})
        try:
            return cast(Cursor, driver(conn).execute(form.sql, values))
        except conn.dialect.loaded_dbapi.Error as exc:
            raise translated(conn, form.sql, exc) from exc

    def rows(self, conn: Connection, params: Mapping[str, Any] | None = None) -> list[Any]:
        """A select's rows with attribute access by column key and typed values
        (``Timestamp`` columns as aware datetimes, booleans as ``bool``)."""
        if self._row is None:
            raise TypeError("only a select statement has rows")
        make, convert = self._row._make, self._form(conn.dialect.name).convert
        if not convert:
            return [make(raw) for raw in self.run(conn, params)]
        out = []
        for raw in self.run(conn, params):
            values = list(raw)
            for i, fn in convert:
                values[i] = fn(values[i])
            out.append(make(values))
        return out

    def run_many(self, conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        """Executes once per parameter set, in one driver call (no rows come back; psycopg
        sends them in one pipeline)."""
        form = self._form(conn.dialect.name)
        params = [form.values(p) for p in rows]
        dbapi = driver(conn)
        try:
            if conn.dialect.name == "sqlite":
                dbapi.executemany(form.sql, params)
            else:
                with dbapi.cursor() as cursor:
                    cursor.executemany(form.sql, params)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise translated(conn, form.sql, exc) from exc

    def insert(self, conn: Connection, params: Mapping[str, Any]) -> int:
        """Executes an INSERT and returns the new row's id (``lastrowid`` on SQLite,
        ``RETURNING`` the primary key on PostgreSQL)."""
        name = conn.dialect.name
        if name == "sqlite":
            row_id = cast(Any, self.run(conn, params)).lastrowid
        else:
            key = f"{name}+returning"
            form = self._forms.get(key)
            if form is None:
                statement = self._statement(name)
                if not isinstance(statement, Insert):
                    raise ValueError("the statement inserts no row")
                returning = statement.returning(*cast(Table, statement.table).primary_key.columns)
                form = self._forms[key] = _Compiled(returning, _DIALECTS[name])
            try:
                row = driver(conn).execute(form.sql, form.values(params)).fetchone()
            except conn.dialect.loaded_dbapi.Error as exc:
                raise translated(conn, form.sql, exc) from exc
            row_id = None if row is None else row[0]
        if row_id is None:  # only for statements that are not INSERTs
            raise ValueError("the statement inserted no row")
        return int(row_id)


def insert_row(table: Table, *, generated: tuple[str, ...] = ()) -> Prepared:
    """An INSERT into ``table`` binding every column by its own name except ``generated``
    (columns the database fills, such as an integer id)."""
    return Prepared(
        insert(table).values(
            {c.name: bindparam(c.name) for c in table.c if c.name not in generated}
        )
    )


def driver(conn: Connection) -> Any:
    """The DB-API connection under ``conn`` (``sqlite3`` or psycopg); work on it joins
    ``conn``'s transaction."""
    if conn.dialect.name not in _DIALECTS:
        raise TypeError(f"prepared statements need SQLite or PostgreSQL, not {conn.dialect.name}")
    return conn.connection.driver_connection


def translated(conn: Connection, sql: str, exc: Exception) -> StatementError:
    """The driver's error ``exc`` as SQLAlchemy would raise it (``IntegrityError``,
    ``OperationalError``...), so callers handle one family whichever the driver."""
    base = conn.dialect.loaded_dbapi.Error
    return DBAPIError.instance(sql, None, exc, base, dialect=conn.dialect)
