"""Fixtures of the web tests: an app on a temporary instance folder, its test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from hague import create_app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app as a user gets it, CSRF off so that route tests can post forms directly."""
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "test",
                      "WTF_CSRF_ENABLED": False, "SESSION_COOKIE_SECURE": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'instance' / 'hague.sqlite3'}"})
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def csrf_app(tmp_path: Path) -> Flask:
    """The app with CSRF protection on, as in production."""
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance-csrf"), "SECRET_KEY": "test",
                       "SESSION_COOKIE_SECURE": False,
                       "DATABASE_URL": f"sqlite:///{tmp_path / 'instance-csrf' / 'hague.sqlite3'}"})
