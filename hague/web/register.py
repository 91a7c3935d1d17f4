"""The case register's pages (/cases): the case list with search, one case, its changes, the reminders.

Every page needs a login (hague/web/auth.py) and shows only the cases of the user's office: the
services (hague/register) scope every query by office, so another office's case is a 404 by URL too.
The other views live in register_save.py (saving and reopening assessments), register_letters.py
(correspondence) and register_api.py (/api/v1/cases); they all hang on this blueprint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError, OperationalError

from hague.register import audit, cases, letters, users
from hague.register.errors import RegisterError
from hague.register.models import CASE_STATUSES, Case, User
from hague.web import auth, register_db
from hague.web.register_db import read_db, write_db
from hague.web.register_forms import Errors, date_field, int_field, into

bp = Blueprint("register", __name__)


def actor() -> User:
    user = auth.current_user()
    assert user is not None, "views are wrapped in login_required"
    return user


def case_or_404(case_id: int, *, for_update: bool = False) -> Case:
    """The case of the user's office (for a change: from the writing session, locked); 404 for any other."""
    session = write_db() if for_update else read_db()
    case = cases.get(session, actor(), case_id, for_update=for_update)
    if case is None:
        abort(404)
    return case


@bp.get("/cases")
@auth.login_required
def case_list() -> str:
    args = request.args
    status = args.get("status", "") if args.get("status", "") in CASE_STATUSES else ""
    rows = cases.search(read_db(), actor(), text=args.get("q", ""), state=args.get("state", ""), status=status,
                        caseworker_id=int_field(args.get("caseworker")))
    assess = "wizard.start" if "wizard.start" in current_app.view_functions else None
    return render_template("web/register/list.html", rows=rows, q=args.get("q", ""), state=args.get("state", ""),
                           status=status, caseworker=int_field(args.get("caseworker")),
                           workers=users.office_users(read_db(), actor().office_id), today=dt.date.today(),
                           overdue=len(letters.overdue(read_db(), actor(), dt.date.today())),
                           assess_url=url_for(assess) if assess else None)


def detail_page(case: Case, errors: Errors | None = None, form: dict[str, Any] | None = None) -> str:
    """The case page; `errors` and `form` belong to the form that was sent (form["letter_id"] for a letter's)."""
    db = read_db()
    latest = cases.latest(db, case)
    case_letters = letters.of_case(db, case)
    earlier = cases.version(db, case, latest.number - 1) if latest.number > 1 else None
    return render_template("web/register/case.html", case=case, latest=latest, versions=cases.versions(db, case),
                           letters=case_letters, answers={lt.id: letters.answers(db, lt) for lt in case_letters},
                           events=audit.for_case(db, case), workers=users.office_users(db, case.office_id),
                           names={u.id: u.username for u in users.office_users(db, case.office_id)},
                           review_refusals={lt.id: letters.review_refusal(db, actor(), lt) for lt in case_letters},
                           drafted={(lt.document, lt.to_state): lt for lt in reversed(case_letters)},
                           unblocked=_unblocked(earlier.assessment if earlier else {}, latest.assessment),
                           errors=errors or {}, form=form or {}, today=dt.date.today())


def _blocking(assessment: dict[str, Any]) -> set[tuple[str, str]]:
    return {(a["action"], a["to"]) for a in assessment.get("cooperation", []) if a.get("blocks_decision")}


def _unblocked(before: dict[str, Any], after: dict[str, Any]) -> set[tuple[str, str]]:
    """The actions whose decision the previous version's assessment held back and this one no longer does."""
    return _blocking(before) - _blocking(after)


@bp.get("/cases/<int:case_id>")
@auth.login_required
def case_detail(case_id: int) -> str:
    return detail_page(case_or_404(case_id))


@bp.post("/cases/<int:case_id>")
@auth.login_required
def case_update(case_id: int) -> Any:
    """Change the title, status, due date or caseworker."""
    case = case_or_404(case_id, for_update=True)
    form, errors = request.form, Errors()
    due = date_field(errors, "due_on", form.get("due_on"))
    status = form.get("status", case.status)
    if status not in CASE_STATUSES:
        errors["status"] = _("Choose one of the statuses listed.")
    if errors:
        return detail_page(case, errors, dict(form)), 422
    try:
        changed = cases.update(write_db(), actor(), case, title=form.get("title", case.title), status=status, due_on=due,
                               caseworker_id=int_field(form.get("caseworker")))
    except RegisterError as err:
        write_db().rollback()
        return detail_page(case_or_404(case_id), into(errors, err), dict(form)), 422
    write_db().commit()
    flash(_("The case is updated.") if changed else _("Nothing was changed."), "success" if changed else "info")
    return redirect(url_for("register.case_detail", case_id=case.id))


@bp.get("/cases/reminders")
@auth.login_required
def reminders() -> str:
    """Letters sent and awaiting an answer past their reply-by date."""
    today = dt.date.today()
    rows = letters.overdue(read_db(), actor(), today)
    return render_template("web/register/reminders.html", rows=rows, today=today,
                           names={u.id: u.username for u in users.office_users(read_db(), actor().office_id)})


@bp.get("/cases/events")
@auth.login_required
def office_events() -> str:
    """The office's audit trail, newest first."""
    events = audit.for_office(read_db(), actor().office_id)
    references = cases.references(read_db(), actor(), {e.case_id for e in events if e.case_id})
    return render_template("web/register/events.html", events=events, references=references)


@bp.errorhandler(OperationalError)
@bp.errorhandler(IntegrityError)
def database_trouble(exc: Exception) -> Any:
    """The database is busy, unreachable, or a save collided with another: say so, log only the kind of error."""
    current_app.logger.warning("register database error: %s", type(exc).__name__)
    busy = isinstance(exc, OperationalError)
    code = 503 if busy else 409
    text = (_("The case register is busy or cannot be reached. Nothing was changed; try again in a moment.") if busy
            else _("Someone else changed this at the same moment. Nothing was changed; reload the page and try again."))
    if request.path.startswith("/api/"):
        return jsonify({"error": "Service Unavailable" if busy else "Conflict", "detail": text}), code
    return render_template("web/register/trouble.html", text=text), code


def _attach_views() -> None:
    """The views of the other register modules hang on this blueprint (once, when this module is imported)."""
    from hague.web import register_api, register_letters, register_save

    auth.register_routes(bp)
    for module in (register_save, register_letters, register_api):
        module.register_routes(bp)


def init_app(app: Flask) -> None:
    from hague.web import register_save

    register_db.init_app(app)
    register_save.init_templates(app)
    app.register_blueprint(bp)


_attach_views()
