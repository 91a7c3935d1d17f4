"""The guided assessment: the wizard's steps from rules/questions.yaml, review, case download and upload."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Flask, Response, abort, redirect, render_template, request, url_for
from werkzeug.routing import BuildError
from werkzeug.wrappers import Response as BaseResponse

from hague.case import CASE_FORMAT
from hague.rules_check import case_fields
from hague.rules_schema import Step
from hague.web import answers
from hague.web.wizard_check import case_errors, step_errors
from hague.web.wizard_files import filename, read_upload, to_yaml
from hague.web.wizard_forms import MISSING, delete_path, get_path, parse_form
from hague.web.wizard_options import measure_groups, state_groups
from hague.web.wizard_review import problems, sections
from hague.web.wizard_steps import _, anchor, get_step, locate, neighbour, steps, top_questions
from hague.web.wizard_store import in_progress, load, save_step, start_with
from hague.web.wizard_view import build_page

bp = Blueprint("wizard", __name__, url_prefix="/assess")
_ACTION = re.compile(r"^(continue|back|add|remove|find|goto)(?::(.+))?$")


def question_url(fact: str) -> str:
    """The URL of the question that decides a case field ('removal.whereabouts_known', 'habitual_residence[1].from').

    It opens the field's step at the field's anchor and returns to the review page after Continue; a fact
    no question decides (such as a rules-file fact) gives the review page.
    """
    found = locate(fact)
    if found is None:
        return url_for("wizard.review")
    step, where = found
    return url_for("wizard.step", step_id=step.id, next="review", _anchor=where)


def _result_url() -> str:
    try:
        return url_for("results.show")
    except BuildError:  # the result page is another module's; until it is installed its path is fixed by contract
        return "/assess/result"


def _render_step(step: Step, stored: dict[str, Any], errors: list[Any], **page: Any) -> str:
    return render_template("web/wizard/step.html", page=build_page(step, stored, errors, **page), steps=steps(),
                           number=[s.id for s in steps()].index(step.id) + 1, back_to_review=_to_review(),
                           state_groups=state_groups(), measure_groups=measure_groups())


def _to_review() -> bool:
    return request.values.get("next") == "review"


@bp.get("/")
def start() -> str:
    stored = load()
    return render_template("web/wizard/start.html", in_progress=in_progress(), current=get_step(stored["current"] or ""),
                           first=steps()[0], upload_error=None)


@bp.post("/new")
def new() -> BaseResponse:
    answers.start_with_case({"format": CASE_FORMAT})
    return redirect(url_for("wizard.step", step_id=steps()[0].id))


@bp.get("/step/<step_id>")
def step(step_id: str) -> str:
    found = get_step(step_id) or abort(404)
    stored = load()
    errors = step_errors(stored["case"], found) if found.id in stored["seen"] or _to_review() else []
    field, _sep, query = request.args.get("find", "").partition(":")
    return _render_step(found, stored, errors, more=request.args.get("more"), find={field: query} if field else None)


@bp.post("/step/<step_id>")
def save(step_id: str) -> BaseResponse | str:
    found = get_step(step_id) or abort(404)
    match = _ACTION.match(request.form.get("action", "continue")) or _ACTION.match("continue")
    assert match is not None
    kind, target = match.group(1), match.group(2) or ""
    tree = parse_form(found, request.form)
    if kind == "remove":
        _remove_row(found, tree, target)
    stored, errors = save_step(load(), found, tree)
    keep: dict[str, Any] = {"next": "review"} if _to_review() else {}
    if kind in ("add", "remove", "find"):
        return redirect(_same_step(found, kind, target, stored, keep))
    if kind == "goto" and target == "review":
        return redirect(url_for("wizard.review"))
    if kind in ("back", "goto"):
        goal = get_step(target) if kind == "goto" else neighbour(found.id, -1)
        return redirect(url_for("wizard.step", step_id=goal.id, **keep) if goal else url_for("wizard.start"))
    if errors:
        return _render_step(found, stored, errors)
    after = neighbour(found.id, +1)
    if _to_review() or after is None:
        return redirect(url_for("wizard.review"))
    return redirect(url_for("wizard.step", step_id=after.id))


def _remove_row(step: Step, tree: dict[str, Any], target: str) -> None:
    """Remove one record ('habitual_residence:1') from the typed answers."""
    field, _sep, index = target.rpartition(":")
    rows = tree.get(field)
    records = {q.field for q in top_questions(step) if q.kind == "records"}
    if field in records and isinstance(rows, list) and index.isdigit() and int(index) < len(rows):
        del rows[int(index)]


def _same_step(step: Step, kind: str, target: str, stored: dict[str, Any], keep: dict[str, Any]) -> str:
    """Back to the same step after Add another, Remove or Find, scrolled to the place that changed."""
    if kind == "find":
        query = request.form.get(f"find.{target}", "").strip()
        return url_for("wizard.step", step_id=step.id, find=f"{target}:{query}", _anchor=anchor(target) + "-find", **keep)
    if kind == "add":
        given = get_path(stored["case"], target)
        count = len(given) if isinstance(given, list) else 0
        return url_for("wizard.step", step_id=step.id, more=target, _anchor=anchor(f"{target}[{count}]"), **keep)
    return url_for("wizard.step", step_id=step.id, _anchor=anchor(target.rpartition(":")[0]), **keep)


@bp.route("/review", methods=["GET", "POST"])
def review() -> BaseResponse | str:
    stored = load()
    case = stored["case"]
    if request.method == "POST":
        action = request.form.get("action", "assess")
        if action.startswith("discard:"):
            path = action.removeprefix("discard:")
            known = re.sub(r"\[\d+\]", "[]", path) in case_fields()
            if not known and get_path(case, path) is not MISSING and delete_path(case, path):
                answers.save(stored)
            return redirect(url_for("wizard.review"))
        if not case_errors(case):
            return redirect(_result_url())
    found = sections(case, stored["gates"], stored["parked"])
    listed = problems(case_errors(case), found)
    return render_template("web/wizard/review.html", sections=found, problems=listed, steps=steps(),
                           tried=request.method == "POST")


@bp.get("/case.yaml")
def download() -> Response:
    case = load()["case"]
    response = Response(to_yaml(case), mimetype="application/yaml")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(case)}"'
    return response


@bp.post("/upload")
def upload() -> BaseResponse | tuple[str, int]:
    sent = request.files.get("case_file")
    data: dict[str, Any] | None = None
    problem: str | None = _("Choose a case file to upload.")
    if sent is not None and sent.filename:
        data, problem = read_upload(sent)
    if data is None:
        return render_template("web/wizard/start.html", in_progress=in_progress(), current=get_step(load()["current"] or ""),
                               first=steps()[0], upload_error=problem), 400
    start_with(data, [s.id for s in steps()])
    return redirect(url_for("wizard.review"))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
