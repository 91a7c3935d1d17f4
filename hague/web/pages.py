"""Home page and the language choice."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from hague.web import helpers
from hague.web.i18n import LANGUAGES

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str:
    return render_template("web/home.html")


@bp.post("/language")
def language() -> Response:
    chosen = request.form.get("lang", "")
    if chosen in LANGUAGES:
        session["lang"] = chosen
    target = request.form.get("next", "")
    # only a path on this site, never an absolute URL (no open redirect)
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("pages.home")
    return redirect(target)


def init_app(app: Flask) -> None:
    helpers.init_app(app)
    app.register_blueprint(bp)
