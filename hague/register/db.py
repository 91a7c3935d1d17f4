"""The register's database: an engine for DATABASE_URL (SQLite by default, PostgreSQL by URL) and sessions.

SQLite is set up on every connection for several writers (several threads or worker processes on one
machine): write-ahead log, foreign keys enforced, a busy timeout instead of "database is locked", and
synchronous=FULL so that a save the user saw acknowledged survives a crash of the machine, not only of
the process. Writing transactions (`Database.transaction()`, the sessions of POST requests) start
with BEGIN IMMEDIATE, so two writers queue for the lock instead of failing on a read lock they both
hold; reading ones start with a plain BEGIN and never wait for a writer (WAL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 30_000
WRITE = "hague_write"  # execution option: this connection's transaction will write


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for an in-memory database)."""
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below), not the driver
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock at once: a writer waits (busy_timeout) instead of failing later.
        immediate = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def normal_url(url: str) -> str:
    """postgresql:// and postgres:// mean the psycopg 3 driver (the one installed), as postgresql+psycopg:// does."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def make_engine(url: str) -> Engine:
    """An engine for `url`; a SQLite file's folder is created when missing.

    `hide_parameters`: an error message never carries the values of a statement (names in letter details,
    case facts), so nothing personal reaches the application log through a database error.
    """
    url = normal_url(url)
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():  # the register holds personal data: readable by its owner only
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                               hide_parameters=True)
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@dataclass(frozen=True)
class Database:
    """The engine and its session factories (reading, writing), one per app or CLI command."""

    url: str
    engine: Engine
    readers: sessionmaker[Session]
    writers: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A writing session that commits when the block ends normally and rolls back on an exception."""
        with self.writers.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.readers() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Connect to `url` and (by default) bring its schema up to date with the migrations."""
    engine = make_engine(url)
    if upgrade:
        from hague.register.migrate import upgrade as run_upgrade

        run_upgrade(engine)
    writing = engine.execution_options(**{WRITE: True})
    return Database(url=url, engine=engine, readers=sessionmaker(engine, expire_on_commit=False),
                    writers=sessionmaker(writing, expire_on_commit=False))
