"""The trainer's view: the library with each scenario's check status, a scenario's page, "explore
this case" in the assessment wizard, and "what if" one fact were different.

Routes (on the "training" blueprint):
  GET  /training/library                 the library as a table (filters: topic, level, kind)
  GET  /training/library/<id>            story, case, model answer, explanation, check result
  POST /training/library/<id>/explore    open the case in the wizard (/assess/review)
  GET  /training/library/<id>/what-if    change one fact (fact=PATH&value=TEXT): both assessments
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from hague.case import CaseError
from hague.engine import assess
from hague.intake import read_case
from hague.scenarios import LEVELS, TOPICS
from hague.training_library import Entry
from hague.training_whatif import WhatIfError, apply_change, differences, fact_options, outline, parse_value
from hague.web import answers, helpers
from hague.web.training import bp, choices, library, unavailable

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,120}$")
KINDS = ("training", "all")


@bp.get("/library")
def library_index() -> tuple[str, int]:
    topic, level, kind = request.args.get("topic", ""), request.args.get("level", ""), request.args.get("kind", "training")
    errors = {}
    if topic and topic not in TOPICS:
        errors["topic"] = _("Choose a topic from the list.")
    if level and level not in LEVELS:
        errors["level"] = _("Choose a level from the list.")
    if kind not in KINDS:
        errors["kind"] = _("Choose training scenarios or all scenarios.")
    lib = library()
    rows = [e for e in lib.entries
            if (kind != "training" or e.training or errors.get("kind"))
            and (not topic or errors.get("topic") or (e.scenario and topic in e.scenario.topics))
            and (not level or errors.get("level") or (e.scenario and e.scenario.level == level))]
    rows.sort(key=lambda e: (e.ok, LEVELS.index(e.scenario.level) if e.scenario else -1, e.scenario.title if e.scenario else e.id))
    failing = sum(1 for e in lib.entries if not e.ok)
    return render_template("web/training/library.html", rows=rows, errors=errors, topics=TOPICS, levels=LEVELS,
                           form={"topic": topic, "level": level, "kind": kind}, total=len(lib.entries),
                           failing=failing), (422 if errors else 200)


def _entry(scenario_id: str) -> Entry:
    entry = library().get(scenario_id) if _ID.match(scenario_id) else None
    if entry is None:
        unavailable(_("There is no scenario '%(id)s' in the library.", id=scenario_id[:120]))
    return entry


def _page(entry: Entry, whatif: dict[str, Any] | None = None, status: int = 200) -> tuple[str, int]:
    case = None
    if entry.scenario is not None:
        try:
            case = read_case(entry.scenario.case, helpers.book())
        except CaseError:
            case = None
    options = fact_options(entry.scenario.case) if entry.scenario else []
    return render_template("web/training/scenario.html", entry=entry, scenario=entry.scenario, case=case,
                           assessment=entry.assessment, options=options, whatif=whatif or {"form": {}, "errors": {}},
                           **choices()), status


@bp.get("/library/<scenario_id>")
def scenario(scenario_id: str) -> tuple[str, int]:
    return _page(_entry(scenario_id))


@bp.post("/library/<scenario_id>/explore")
def explore(scenario_id: str) -> Response:
    entry = _entry(scenario_id)
    if entry.scenario is None:
        unavailable(_("This file is not a valid scenario, so it has no case to explore."))
    # JSON round trip: dates become the ISO text the wizard's answers store expects
    answers.start_with_case(json.loads(json.dumps(entry.scenario.case, default=str)))
    target = url_for("wizard.review") if "wizard.review" in current_app.view_functions else "/assess/review"
    return redirect(target)


@bp.get("/library/<scenario_id>/what-if")
def what_if(scenario_id: str) -> tuple[str, int]:
    entry = _entry(scenario_id)
    if entry.scenario is None or entry.assessment is None:
        unavailable(_("This scenario's case is not valid, so nothing can be compared."))
    fact, text = request.args.get("fact", ""), request.args.get("value", "")
    form, errors = {"fact": fact, "value": text}, {}
    paths = {o.path for o in fact_options(entry.scenario.case)}
    if fact not in paths:
        errors["fact"] = _("Choose the fact to change from the list.")
    try:
        value = parse_value(text)
    except WhatIfError as exc:
        errors["value"] = _(str(exc))
    if errors:
        return _page(entry, {"form": form, "errors": errors}, 422)
    try:
        changed = read_case(apply_change(entry.scenario.case, fact, value), helpers.book())
    except WhatIfError as exc:
        return _page(entry, {"form": form, "errors": {"value": str(exc)}}, 422)
    except CaseError as exc:
        message = "; ".join(str(e) for e in exc.errors)
        return _page(entry, {"form": form, "errors": {"value": _("The changed case is not valid: %(why)s", why=message)}}, 422)
    after = assess(changed, helpers.book())
    before_outline, after_outline = outline(entry.assessment), outline(after)
    return _page(entry, {"form": form, "errors": {}, "after": after, "before_outline": before_outline,
                         "after_outline": after_outline, "changes": differences(before_outline, after_outline)})
