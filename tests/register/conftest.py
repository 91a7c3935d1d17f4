"""Fixtures of the register's tests: every `register_url` test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from register_support import BACKENDS, app_config, fast_hashing, fresh_url

from hague import create_app
from hague.register.db import Database, open_database
from hague.web.register_db import database as database_of


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def register_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty register's database URL (SQLite file or a PostgreSQL database of the run's private server)."""
    with fast_hashing(), fresh_url(request, backend, tmp_path) as url:
        yield url


@pytest.fixture
def database(register_url: str) -> Iterator[Database]:
    db = open_database(register_url)
    yield db
    db.dispose()


@pytest.fixture
def register_app(register_url: str, tmp_path: Path) -> Iterator[Flask]:
    """The web app on an empty register (CSRF off, so route tests post forms directly)."""
    app = create_app(app_config(register_url, tmp_path / "instance"))
    yield app
    database_of(app).dispose()


@pytest.fixture
def csrf_register_app(register_url: str, tmp_path: Path) -> Iterator[Flask]:
    app = create_app(app_config(register_url, tmp_path / "instance-csrf", csrf=True))
    yield app
    database_of(app).dispose()
