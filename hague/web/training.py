"""Training: the scenario library, trainee mode and the trainer's view."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("training", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
