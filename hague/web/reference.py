"""Reference pages: the Contracting Parties, the measures catalogue, the Articles."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("reference", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
