"""Training: trainee mode (sessions of scenarios, scored and explained) and, in training_trainer.py,
the trainer's library. The law is the engine's and the scenarios'; the scoring is hague/training_score.py.

Routes (blueprint "training", prefix /training):
  GET  /training/                       index: choose topics, levels, number of scenarios
  POST /training/start                  start a session
  GET  /training/session/<n>            scenario n of the session: story, facts, questions
  POST /training/session/<n>            submit (or skip) the answer
  GET  /training/session/<n>/result     score, right and wrong, model answer, explanation, trace
  GET  /training/summary                the session's score by topic and level
  POST /training/end                    forget the session
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, NoReturn

from flask import Blueprint, Flask, abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from hague.intake import read_case
from hague.resources import resource_dir
from hague.scenarios import LEVELS, TOPICS
from hague.training import (
    ACTIONS,
    GROUND_GROUPS,
    GROUNDS,
    LEVEL_LABELS,
    MEASURE_STATUSES,
    QUESTION_LABELS,
    QUESTION_TEXT,
    TOPIC_LABELS,
    involved_states,
)
from hague.training_library import Entry, Library, cached_library
from hague.training_score import Answer, ScenarioResult, score
from hague.training_session import DEFAULT_SIZE, MAX_SIZE, matching, pick, summarise
from hague.web import helpers, training_store
from hague.web.training_forms import measures_asked, parse_answer, recognition_asked

bp = Blueprint("training", __name__, url_prefix="/training")


def library() -> Library:
    directory = Path(current_app.config.get("TRAINING_SCENARIOS") or resource_dir("scenarios"))
    return cached_library(directory, helpers.book())


def choices() -> dict[str, Any]:
    """What every question page offers: grounds by group, actions with their titles, statuses, question texts."""
    requests = helpers.book().requests
    return {"grounds": GROUNDS, "ground_groups": GROUND_GROUPS, "statuses": MEASURE_STATUSES, "question_text": QUESTION_TEXT,
            "actions": [(key, requests[key].title, requests[key].article) for key in ACTIONS if key in requests]}


@bp.get("/")
def index() -> str:
    lib = library()
    return render_template("web/training/index.html", progress=training_store.load(), form={"size": str(DEFAULT_SIZE)},
                           errors={}, counts=_counts(lib), total=len(lib.trainable()), topics=TOPICS, levels=LEVELS)


def _counts(lib: Library) -> dict[str, int]:
    scenarios = lib.trainable()
    return {**{t: len(matching(scenarios, topics=[t])) for t in TOPICS}, **{lv: len(matching(scenarios, levels=[lv])) for lv in LEVELS}}


@bp.post("/start")
def start() -> Response | tuple[str, int]:
    lib = library()
    topics, levels = request.form.getlist("topic"), request.form.getlist("level")
    raw_size = request.form.get("size", "").strip() or str(DEFAULT_SIZE)
    form = {"topic": topics, "level": levels, "size": raw_size}
    errors = {}
    if any(t not in TOPICS for t in topics):
        errors["topic-" + TOPICS[0]] = _("Choose topics from the list.")
    if any(lv not in LEVELS for lv in levels):
        errors["level-" + LEVELS[0]] = _("Choose levels from the list.")
    size = int(raw_size) if raw_size.isdigit() else 0
    if not 1 <= size <= MAX_SIZE:
        errors["size"] = _("Enter a whole number of scenarios from 1 to %(max)s.", max=MAX_SIZE)
    if not errors and not matching(lib.trainable(), topics, levels):
        errors["topic-" + TOPICS[0]] = _("No training scenario has these topics at these levels: choose more topics or levels.")
    if errors:
        return render_template("web/training/index.html", progress=training_store.load(), form=form, errors=errors,
                               counts=_counts(lib), total=len(lib.trainable()), topics=TOPICS, levels=LEVELS), 422
    seed = current_app.config.get("TRAINING_SEED")
    # a fixed seed only for tests and demonstrations; the draw is not security relevant either way
    rng = random.Random(seed) if seed is not None else random.SystemRandom()  # noqa: S311
    training_store.start(pick(lib.trainable(), topics, levels, size, rng), {"topics": topics, "levels": levels, "size": size})
    return redirect(url_for("training.question", n=1))


def unavailable(message: str) -> NoReturn:
    """Stop with a 404 page that says why (the shared error page shows no detail for 404)."""
    abort(make_response(render_template("web/training/unavailable.html", message=message), 404))


def _session_entry(n: int) -> tuple[dict[str, Any], Entry]:
    """The session and its n-th scenario (1-based), or a redirect/404 when there is none."""
    progress = training_store.load()
    if progress is None:
        flash(_("Start a training session first."), "warning")
        abort(redirect(url_for("training.index")))
    ids = progress["ids"]
    if not 1 <= n <= len(ids):
        unavailable(_("This session has %(count)s scenarios.", count=len(ids)))
    entry = library().get(str(ids[n - 1]))
    if entry is None or entry.scenario is None or entry.assessment is None or not entry.ok:
        unavailable(_("This scenario is no longer in the library, or no longer passes its check."))
    return progress, entry


def _question_page(n: int, progress: dict[str, Any], entry: Entry, raw: dict[str, Any], errors: dict[str, str]) -> str:
    assert entry.scenario is not None
    case = read_case(entry.scenario.case, helpers.book())
    return render_template("web/training/question.html", n=n, count=len(progress["ids"]), scenario=entry.scenario, case=case,
                           states=involved_states(case), raw=raw, errors=errors, rec_asked=recognition_asked(entry.scenario),
                           measures_asked=measures_asked(entry.scenario), **choices())


@bp.get("/session/<int:n>")
def question(n: int) -> str | Response:
    progress, entry = _session_entry(n)
    if str(n - 1) in progress["answers"]:
        return redirect(url_for("training.result", n=n))
    return _question_page(n, progress, entry, {}, {})


@bp.post("/session/<int:n>")
def answer(n: int) -> Response | tuple[str, int]:
    progress, entry = _session_entry(n)
    assert entry.scenario is not None
    if str(n - 1) in progress["answers"]:
        return redirect(url_for("training.result", n=n))
    parsed = parse_answer(request.form, entry.scenario, read_case(entry.scenario.case, helpers.book()))
    if parsed.errors:
        return _question_page(n, progress, entry, parsed.raw, parsed.errors), 422
    progress["answers"][str(n - 1)] = parsed.answer.to_json()
    training_store.save(progress)
    return redirect(url_for("training.result", n=n))


def _result(entry: Entry, stored: dict[str, Any]) -> tuple[Answer, ScenarioResult]:
    assert entry.scenario is not None and entry.assessment is not None
    given = Answer.from_json(stored)
    return given, score(entry.scenario, entry.assessment, given)


@bp.get("/session/<int:n>/result")
def result(n: int) -> str | Response:
    progress, entry = _session_entry(n)
    stored = progress["answers"].get(str(n - 1))
    if stored is None:
        return redirect(url_for("training.question", n=n))
    given, outcome = _result(entry, stored)
    assert entry.scenario is not None
    case = read_case(entry.scenario.case, helpers.book())
    return render_template("web/training/result.html", n=n, count=len(progress["ids"]), entry=entry, scenario=entry.scenario,
                           case=case, assessment=entry.assessment, given=given, outcome=outcome, **choices())


@bp.get("/summary")
def summary() -> str | Response:
    progress = training_store.load()
    if progress is None:
        flash(_("Start a training session first."), "warning")
        return redirect(url_for("training.index"))
    lib = library()
    rows: list[dict[str, Any]] = []
    results: list[ScenarioResult] = []
    for i, scenario_id in enumerate(progress["ids"]):
        entry = lib.get(str(scenario_id))
        stored = progress["answers"].get(str(i))
        usable = entry is not None and entry.scenario is not None and entry.assessment is not None and entry.ok
        result = _result(entry, stored)[1] if entry is not None and usable and stored is not None else None
        if result is not None:
            results.append(result)
        rows.append({"n": i + 1, "entry": entry if usable else None, "result": result})
    return render_template("web/training/summary.html", rows=rows, summary=summarise(results), answered=len(results),
                           count=len(rows))


@bp.post("/end")
def end() -> Response:
    training_store.clear()
    flash(_("Your training session has been ended and forgotten."), "success")
    return redirect(url_for("training.index"))


@bp.context_processor
def labels() -> dict[str, Any]:
    return {"topic_labels": TOPIC_LABELS, "level_labels": LEVEL_LABELS, "question_labels": QUESTION_LABELS}


def _filters(app: Flask) -> None:
    """Small display filters of the training templates (prefixed: the Jinja environment is shared)."""
    app.jinja_env.filters.update(
        training_state=helpers.state_name,
        training_measure=lambda key: _(helpers.book().measures[key].label) if key in helpers.book().measures else key,
        training_art=lambda text: text if str(text).startswith(("Art.", "BII", "1980")) else f"Art. {text}",
        training_points=lambda value: f"{round(float(value), 2):g}",
        training_question=lambda key: _(QUESTION_LABELS.get(key, key)))


def init_app(app: Flask) -> None:
    from hague.web import training_trainer  # noqa: F401  (adds the trainer's routes to bp)

    _filters(app)
    app.register_blueprint(bp)
