"""The JSON API (/api/v1): assess, documents, States, and its OpenAPI description."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("api", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
