"""The register's JSON API (/api/v1/cases): list, save, read cases, their versions and audit trail.

Authentication is the browser's: log in with POST /login (the form, with its csrf_token), keep the
session cookie, read the CSRF token from GET /api/v1/session and send it as the X-CSRFToken header
with every POST. Without a login every endpoint answers 401; a case of another office is 404.
Invalid input is 422 with a list of field errors ({path, value, message}), as /api/v1/assess does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, jsonify, request, url_for
from flask_wtf.csrf import generate_csrf
from sqlalchemy import select
from werkzeug.wrappers import Response

from hague.case import CaseError
from hague.register import audit, cases, letters
from hague.register.errors import RegisterError
from hague.register.models import CASE_STATUSES, Case, CaseVersion, User
from hague.web import auth
from hague.web.helpers import book
from hague.web.register import actor, case_or_404
from hague.web.register_db import read_db, write_db


def _errors(items: list[dict[str, Any]]) -> tuple[Response, int]:
    return jsonify({"errors": items}), 422


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, description="send a JSON object (Content-Type: application/json)")
    return data


def _case_json(case: Case, reply_by: dt.date | None = None) -> dict[str, Any]:
    return {"id": case.id, "reference": case.reference, "title": case.title, "status": case.status,
            "caseworker": case.caseworker.username if case.caseworker else None,
            "due_on": case.due_on.isoformat() if case.due_on else None, "states": case.states.split(),
            "latest_version": case.latest_version, "updated_at": case.updated_at.isoformat(),
            "reply_awaited_by": reply_by.isoformat() if reply_by else None,
            "url": url_for("register.api_case", case_id=case.id)}


def _version_json(version: CaseVersion, full: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"number": version.number, "as_of": version.as_of.isoformat(), "reason": version.reason,
                           "rules_version": version.rules_version, "created_at": version.created_at.isoformat()}
    if full:
        out.update(facts=version.facts, assessment=version.assessment)
    return out


@auth.login_required
def session_info() -> Response:
    user = actor()
    return jsonify({"user": user.username, "role": user.role, "office": user.office.name, "csrf_token": generate_csrf()})


@auth.login_required
def api_cases() -> Any:
    """GET: the office's cases (?q=&state=&status=&caseworker=ID); POST: save a case {reference, title, case, ...}."""
    if request.method == "GET":
        status = request.args.get("status", "")
        rows = cases.search(read_db(), actor(), text=request.args.get("q", ""), state=request.args.get("state", ""),
                            status=status if status in CASE_STATUSES else "",
                            caseworker_id=request.args.get("caseworker", type=int))
        return jsonify({"cases": [_case_json(case, reply) for case, reply in rows]})
    body = _body()
    worker = body.get("caseworker")
    worker_id = read_db().scalar(select(User.id).where(User.username == str(worker).lower(),
                                                       User.office_id == actor().office_id)) if worker else None
    if worker and worker_id is None:
        return _errors([{"path": "caseworker", "value": worker, "message": "is not a user of your office"}])
    due = body.get("due_on")
    try:
        due_on = dt.date.fromisoformat(due) if isinstance(due, str) and due else None
    except ValueError:
        return _errors([{"path": "due_on", "value": due, "message": "is not a date written YYYY-MM-DD"}])
    db = write_db()
    try:
        case = cases.create(db, actor(), reference=str(body.get("reference") or ""), title=str(body.get("title") or ""),
                            data=body.get("case"), book=book(), caseworker_id=worker_id, due_on=due_on)
    except RegisterError as err:
        db.rollback()
        return _errors([{"path": err.field or "(request)", "value": body.get(err.field or ""), "message": err.text}])
    except CaseError as err:
        db.rollback()
        return _errors([{"path": f"case.{e.path}", "value": e.value, "message": e.message} for e in err.errors])
    db.commit()
    return jsonify({**_case_json(case), "version": 1, "rules_version": book().version}), 201


@auth.login_required
def api_case(case_id: int) -> Response:
    """One case: its fields, every version (the latest in full), its letters (without the PDFs and their details)."""
    case = case_or_404(case_id)
    db = read_db()
    found = cases.versions(db, case)
    return jsonify({**_case_json(case), "versions": [_version_json(v, v.number == case.latest_version) for v in found],
                    "letters": [{"id": lt.id, "document": lt.document, "to": lt.to_state, "language": lt.language,
                                 "status": lt.status, "reply_by": lt.reply_by.isoformat() if lt.reply_by else None,
                                 "sent_on": lt.sent_on.isoformat() if lt.sent_on else None}
                                for lt in letters.of_case(db, case)]})


@auth.login_required
def api_versions(case_id: int) -> Any:
    """POST {case}: save the facts as the case's next version (reassessed with the current rules)."""
    case = case_or_404(case_id, for_update=True)
    db = write_db()
    try:
        version = cases.add_version(db, actor(), case, _body().get("case"), book())
    except CaseError as err:
        db.rollback()
        return _errors([{"path": f"case.{e.path}", "value": e.value, "message": e.message} for e in err.errors])
    db.commit()
    return jsonify(_version_json(version, True)), 201


@auth.login_required
def api_version(case_id: int, number: int) -> Response:
    version = cases.version(read_db(), case_or_404(case_id), number)
    if version is None:
        abort(404)
    return jsonify(_version_json(version, True))


@auth.login_required
def api_events(case_id: int) -> Response:
    """The case's audit trail, oldest first."""
    events = audit.for_case(read_db(), case_or_404(case_id))
    return jsonify({"events": [{"at": e.at.isoformat(), "user": e.username, "kind": e.kind, "detail": e.detail,
                                "letter": e.letter_id, "rules_version": e.rules_version} for e in events]})


def register_routes(bp: Blueprint) -> None:
    bp.add_url_rule("/api/v1/session", "api_session", session_info)
    bp.add_url_rule("/api/v1/cases", "api_cases", api_cases, methods=["GET", "POST"])
    bp.add_url_rule("/api/v1/cases/<int:case_id>", "api_case", api_case)
    bp.add_url_rule("/api/v1/cases/<int:case_id>/versions", "api_versions", api_versions, methods=["POST"])
    bp.add_url_rule("/api/v1/cases/<int:case_id>/versions/<int:number>", "api_version", api_version)
    bp.add_url_rule("/api/v1/cases/<int:case_id>/events", "api_events", api_events)
