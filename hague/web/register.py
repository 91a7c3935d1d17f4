"""The case register's pages (/cases)."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("register", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
