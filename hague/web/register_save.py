"""Saving the assessment in progress as a case (or as a new version of the case it was reopened from),
reopening a case in the wizard, and the page of one version.

The result page includes templates/web/register/_save_from_result.html, which reads
`register_save_context()`: who is logged in and which case the answers were reopened from
(`answers["register_case_id"]`, checked against the user's office).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from hague.case import CaseError
from hague.register import cases, users
from hague.register.errors import RegisterError
from hague.register.models import User
from hague.web import answers, auth, register_forms
from hague.web.helpers import book
from hague.web.register import actor, case_or_404
from hague.web.register_db import read_db, write_db
from hague.web.register_forms import Errors, date_field, int_field, into

LINK = "register_case_id"  # the key, in the answers in progress, of the case they were reopened from
REOPEN_TARGETS = ("wizard.review", "results.show", "wizard.start")  # the first that exists


def _facts_in_progress() -> dict[str, Any] | None:
    data = answers.load().get("case")
    return data if isinstance(data, dict) and data else None


def linked_case_id() -> int | None:
    """The case the answers in progress were reopened from (or saved as), if any."""
    value = answers.load().get(LINK)
    return value if isinstance(value, int) else None


def _linked(user: Any) -> Any:
    """The case the answers in progress were reopened from, if the user may see it."""
    case_id = linked_case_id()
    if user is None or user.role not in cases.WRITERS or case_id is None:
        return None
    return cases.get(read_db(), user, case_id)


def save_context() -> dict[str, Any]:
    """What the result page's save form needs (a Jinja global)."""
    user = auth.current_user()
    allowed = user is not None and user.role in cases.WRITERS
    return {"user": user, "allowed": allowed, "linked": _linked(user) if allowed else None,
            "workers": users.office_users(read_db(), user.office_id) if allowed and user else [],
            "login_url": url_for("register.login", next=request.path)}


def _new_form(errors: Errors, form: dict[str, Any], problems: list[str] | None = None, code: int = 200) -> tuple[str, int]:
    return render_template("web/register/new.html", errors=errors, form=form, problems=problems or [],
                           workers=users.office_users(read_db(), actor().office_id), has_facts=_facts_in_progress() is not None), code


@auth.login_required
def new_case() -> Any:
    """GET: the save form; POST: save the assessment in progress as a new case of the user's office."""
    if request.method == "GET":
        return _new_form({}, {"caseworker": str(actor().id)})
    form, errors = request.form.to_dict(), Errors()
    for problem in cases.problems(form.get("reference", ""), form.get("title", "")):
        into(errors, problem)
    due = date_field(errors, "due_on", form.get("due_on"))
    facts = _facts_in_progress()
    if facts is None:
        errors["form"] = _("There is no assessment in progress to save: assess a case first.")
    if errors:
        return _new_form(errors, form, code=422)
    db = write_db()
    try:
        case = cases.create(db, actor(), reference=form.get("reference", ""), title=form.get("title", ""), data=facts,
                            book=book(), caseworker_id=int_field(form.get("caseworker")), due_on=due)
    except RegisterError as err:
        db.rollback()
        return _new_form(into(errors, err), form, code=422)
    except CaseError as err:
        db.rollback()
        return _new_form({"form": _("The facts of the assessment are not complete or not valid.")}, form,
                         [str(e) for e in err.errors], 422)
    db.commit()
    _link(case.id)
    flash(_("Saved as case %(ref)s, version 1.", ref=case.reference), "success")
    return redirect(url_for("register.case_detail", case_id=case.id))


def _link(case_id: int) -> None:
    """Later saves of these answers become versions of this case."""
    data = answers.load()
    data[LINK] = case_id
    answers.save(data)


@auth.login_required
def save_version(case_id: int) -> Response:
    """Save the answers in progress (reopened from this case) as its next version."""
    case = case_or_404(case_id, for_update=True)
    facts = _facts_in_progress()
    if facts is None or linked_case_id() != case.id:
        flash(_("The assessment in progress was not reopened from this case; reopen the case first."), "error")
        return redirect(url_for("register.case_detail", case_id=case.id))
    db = write_db()
    try:
        version = cases.add_version(db, actor(), case, facts, book())
    except CaseError as err:
        db.rollback()
        flash(_("Not saved: the facts are not valid (%(problems)s).", problems="; ".join(str(e) for e in err.errors)), "error")
        return redirect(url_for("register.case_detail", case_id=case_id))
    db.commit()
    flash(_("Saved as version %(n)s of case %(ref)s.", n=version.number, ref=case.reference), "success")
    return redirect(url_for("register.case_detail", case_id=case.id))


@auth.login_required
def reopen(case_id: int) -> Response:
    """Load the latest facts into the wizard; saving from the result page then adds a version to this case."""
    case = case_or_404(case_id)
    answers.start_with_case(cases.latest(read_db(), case).facts)
    _link(case.id)
    target = next((name for name in REOPEN_TARGETS if name in current_app.view_functions), None)
    flash(_("Case %(ref)s is open in the assessment. Change the facts, then save the result as a new version.",
            ref=case.reference), "info")
    return redirect(url_for(target) if target else url_for("register.case_detail", case_id=case.id))


@auth.login_required
def version_detail(case_id: int, number: int) -> str:
    case = case_or_404(case_id)
    version = cases.version(read_db(), case, number)
    if version is None:
        abort(404)
    author = read_db().get(User, version.created_by)
    return render_template("web/register/version.html", case=case, version=version,
                           author=author.username if author else "-",
                           facts_json=json.dumps(version.facts, indent=2, ensure_ascii=False))


@auth.login_required
def version_facts(case_id: int, number: int) -> Response:
    """The facts of one version as a case file (hague-case/1, JSON), to assess or upload elsewhere."""
    case = case_or_404(case_id)
    version = cases.version(read_db(), case, number)
    if version is None:
        abort(404)
    body = json.dumps(version.facts, indent=2, ensure_ascii=False)
    name = f"case-{case.id}-v{number}.json"
    return Response(body, mimetype="application/json", headers={"Content-Disposition": f'attachment; filename="{name}"'})


def register_routes(bp: Blueprint) -> None:
    bp.add_url_rule("/cases/new", "new_case", new_case, methods=["GET", "POST"])
    bp.add_url_rule("/cases/<int:case_id>/versions", "save_version", save_version, methods=["POST"])
    bp.add_url_rule("/cases/<int:case_id>/reopen", "reopen", reopen, methods=["POST"])
    bp.add_url_rule("/cases/<int:case_id>/versions/<int:number>", "version_detail", version_detail)
    bp.add_url_rule("/cases/<int:case_id>/versions/<int:number>/case.json", "version_facts", version_facts)


def init_templates(app: Flask) -> None:
    app.jinja_env.globals.update(register_save_context=save_context, register_choices=register_forms.choices,
                                 reg_title=register_forms.action_title, reg_labels=register_forms.labels(),
                                 reg_language=register_forms.language_name)
