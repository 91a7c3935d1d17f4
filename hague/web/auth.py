"""Login, logout and who is logged in, for the case register (the training pages need no login).

The browser's signed session cookie carries only the random key of a login row in the database; the
row says who logged in and when, and logout marks it ended, so a copied cookie is worthless after
logout or once the login is older than PERMANENT_SESSION_LIFETIME (then the user logs in again).
Failed logins are counted in the database (hague.register.users): the limit holds across processes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import abort, current_app, g, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from hague.register import users
from hague.register.cases import WRITERS
from hague.register.models import User
from hague.web.register_db import read_db, write_db

_KEY = "register_login"
F = TypeVar("F", bound=Callable[..., Any])


def _lifetime() -> dt.timedelta:
    value = current_app.config.get("PERMANENT_SESSION_LIFETIME", 8 * 3600)
    return value if isinstance(value, dt.timedelta) else dt.timedelta(seconds=int(value))


def current_user() -> User | None:
    """The logged-in user of this request (None: anonymous, logged out or expired)."""
    if "register_user" not in g:
        key = session.get(_KEY)
        g.register_user = users.user_of_login(read_db(), key, _lifetime()) if isinstance(key, str) else None
    return cast(User | None, g.register_user)


def _anonymous() -> Any:
    if request.path.startswith("/api/"):
        return jsonify({"error": "Unauthorized", "detail": "log in first: POST /login, then send the session cookie "
                                                           "and the X-CSRFToken header (see GET /api/v1/session)"}), 401
    return redirect(url_for("register.login", next=request.full_path.rstrip("?") if request.method == "GET" else request.path))


def login_required(view: F) -> F:
    """The register's pages and API: logged-in users with a role that works on cases (not trainers)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        user = current_user()
        if user is None:
            return _anonymous()
        if user.role not in WRITERS:
            abort(403, description=_("Your role (%(role)s) does not give access to the case register.", role=user.role))
        return view(*args, **kwargs)

    return cast(F, wrapped)


def _next_target() -> str:
    target = request.values.get("next", "")
    # only a path on this site, never an absolute URL (no open redirect)
    return target if target.startswith("/") and not target.startswith("//") else url_for("register.case_list")


def login() -> Any:
    """GET: the login form; POST: check name and password (401 when wrong, 429 when rate-limited)."""
    if request.method == "GET":
        return render_template("web/register/login.html", username="", error=None, next=_next_target())
    username, password = request.form.get("username", ""), request.form.get("password", "")
    db = write_db()
    try:
        user = users.authenticate(db, username, password, request.remote_addr or "-")
    except users.Refused as refused:
        db.commit()  # the failure is counted even though the login is refused
        if refused.throttled:
            minutes = max(1, int((refused.retry_after or users.WINDOW).total_seconds() // 60) + 1)
            error = _("Too many failed logins. Try again in %(n)s minutes.", n=minutes)
        else:
            error = _("The user name or the password is not right. Check both and try again.")
        code = 429 if refused.throttled else 401
        return render_template("web/register/login.html", username=username, error=error, next=_next_target()), code
    key = users.start_login(db, user)
    db.commit()
    session.pop(_KEY, None)
    session[_KEY] = key
    session.permanent = True
    current_app.logger.info("login: user id %s", user.id)  # the id only: names stay out of the log
    return redirect(_next_target())


def logout() -> Response:
    key = session.pop(_KEY, None)
    if isinstance(key, str):
        db = write_db()
        users.end_login(db, key)
        db.commit()
    g.pop("register_user", None)
    return redirect(url_for("register.login", out=1))


def register_routes(bp: Any) -> None:
    bp.add_url_rule("/login", "login", login, methods=["GET", "POST"])
    bp.add_url_rule("/logout", "logout", logout, methods=["POST"])
