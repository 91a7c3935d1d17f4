"""The guided assessment: the wizard's steps from rules/questions.yaml, review, case download and upload."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("wizard", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
