"""Core statements compiled once and run on the SQLite driver connection.

The sending engine runs a handful of statements for every send. Through
``Connection.execute`` each call spends more time in SQLAlchemy (parameter processing,
execution context, result wrapping) than in SQLite itself, and that time holds the GIL the
event loop needs. A ``Prepared`` statement keeps the SQLAlchemy Core definition (one source
of truth for table and column names) but is compiled to SQL text once and executed on the
DB-API connection of the same transaction, so it commits or rolls back with everything else.

Values are passed in storage form: timestamps as POSIX seconds (what ``Timestamp`` binds),
enums as their ``.value``. ``run`` gives the driver's plain tuples (timestamps as floats);
``rows`` gives named rows with each column's type applied, as ``Connection.execute`` would.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from sqlalchemy import Connection, Select, Table, bindparam, insert
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

_DIALECT = sqlite.dialect()
_REQUIRED = object()


class Prepared:
    """One Core statement as SQLite SQL text with its parameters in positional order.

    Parameters without a value in the statement (``bindparam("name")``) must be given by
    name; literals inside the statement (``column + 1``) are bound by the statement itself.
    Expanding ``IN`` parameters are not supported (their SQL depends on the values).
    """

    __slots__ = ("sql", "_slots", "_row", "_convert")

    def __init__(self, statement: ClauseElement) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=_DIALECT))
        self.sql = str(compiled)
        slots: list[tuple[str, object]] = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            if bind.expanding:
                raise ValueError(f"{name}: expanding parameters cannot be prepared")
            slots.append((name, _REQUIRED if bind.required else bind.value))
        self._slots = tuple(slots)
        self._row: Any = None
        self._convert: tuple[tuple[int, Callable[[Any], Any]], ...] = ()
        if isinstance(statement, Select):
            columns = list(statement.selected_columns)
            # rename: an unnamed expression's field becomes _<position>
            keys = [str(c.key) for c in columns]
            self._row = namedtuple("Row", keys, rename=True)  # type: ignore[misc]
            self._convert = tuple(
                (i, convert)
                for i, c in enumerate(columns)
                if (convert := c.type.result_processor(_DIALECT, None)) is not None
            )

    def _values(self, params: Mapping[str, Any]) -> tuple[Any, ...]:
        """The positional values for ``params``; raises ``KeyError`` for a missing name."""
        return tuple(params[n] if v is _REQUIRED else v for n, v in self._slots)

    def run(self, conn: Connection, params: Mapping[str, Any] | None = None) -> sqlite3.Cursor:
        """Executes once in ``conn``'s transaction; the cursor holds any rows."""
        return driver(conn).execute(self.sql, self._values(params or {}))

    def rows(self, conn: Connection, params: Mapping[str, Any] | None = None) -> list[Any]:
        """A select's rows with attribute access by column key and typed values
        (``Timestamp`` columns as aware datetimes, booleans as ``bool``)."""
        if self._row is None:
            raise TypeError("only a select statement has rows")
        make, convert = self._row._make, self._convert
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
        """Executes once per parameter set, in one driver call (no rows come back)."""
        driver(conn).executemany(self.sql, [self._values(p) for p in rows])

    def insert(self, conn: Connection, params: Mapping[str, Any]) -> int:
        """Executes an INSERT and returns the new row's id."""
        row_id = self.run(conn, params).lastrowid
        if row_id is None:  # only for statements that are not INSERTs
            raise ValueError("the statement inserted no row")
        return row_id


def insert_row(table: Table, *, generated: tuple[str, ...] = ()) -> Prepared:
    """An INSERT into ``table`` binding every column by its own name except ``generated``
    (columns the database fills, such as an integer id)."""
    return Prepared(
        insert(table).values(
            {c.name: bindparam(c.name) for c in table.c if c.name not in generated}
        )
    )


def driver(conn: Connection) -> sqlite3.Connection:
    """The DB-API connection under ``conn``; work on it joins ``conn``'s transaction."""
    dbapi = conn.connection.driver_connection
    if not isinstance(dbapi, sqlite3.Connection):
        raise TypeError("prepared statements need the sqlite3 driver")
    return dbapi
