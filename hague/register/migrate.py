"""Schema migrations (Alembic), shipped inside the package and run programmatically.

The app brings the database up to date when it starts (a fresh SQLite file gets the whole schema);
operators can run the same step with `hague db upgrade`. Several processes starting at once are safe:
the upgrade runs inside one transaction that first takes the database's write lock (SQLite: BEGIN
IMMEDIATE; PostgreSQL: an advisory lock), so the second finds the schema already at the head.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from hague.register.db import WRITE

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK_ID = 1996_0007  # the advisory lock that serialises upgrades on PostgreSQL


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (default: the newest), unless it is there already."""
    if revision == "head" and current(engine) == head():
        return
    config = alembic_config()
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_ID})")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
