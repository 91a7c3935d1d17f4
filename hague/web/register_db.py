"""The register's database inside the web app: opened (and migrated) when the app starts, a session per request.

`read_db()` gives the request's reading session (a plain transaction that never waits for writers);
`write_db()` its writing session (on SQLite it takes the write lock at its first statement), which the
view commits. Both are closed when the request ends; what was not committed is rolled back.
"""

from __future__ import annotations

import weakref
from typing import cast

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from hague.register.db import Database, open_database

_EXT = "hague_register"


def init_app(app: Flask) -> None:
    """Open the register named by DATABASE_URL, creating or upgrading its schema (an empty register on first start)."""
    db = app.extensions[_EXT] = open_database(str(app.config["DATABASE_URL"]))
    weakref.finalize(app, db.dispose)  # close the pool with the app (tests build many apps)

    @app.teardown_appcontext
    def close(_exc: BaseException | None) -> None:
        for name in ("register_write", "register_read"):
            session = g.pop(name, None)
            if session is not None:
                session.close()


def database(app: Flask | None = None) -> Database:
    return cast(Database, (app or current_app).extensions[_EXT])


def read_db() -> Session:
    if "register_read" not in g:
        g.register_read = database().readers()
    return cast(Session, g.register_read)


def write_db() -> Session:
    if "register_write" not in g:
        g.register_write = database().writers()
    return cast(Session, g.register_write)
