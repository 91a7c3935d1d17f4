"""The result page of an assessment, and drafting its co-operation documents."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("results", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
