"""The JSON API (/api/v1): assess, documents, States, and its OpenAPI description.

Thin shells around the engine, the documents and hague.states_view: validate, call, answer. Every
error is JSON (hague.web.api_io.ApiError); the app's error handlers answer 404, 405, 413 and 500 in
the same shape under /api/. The blueprint is exempt from CSRF: it takes no cookies' word for
anything and keeps no state.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, Flask, Response
from pydantic import ValidationError

from hague import states_view
from hague.case import Case, CaseError, FieldError
from hague.documents import KINDS, DetailsError, DraftError, parse_details
from hague.engine import assess
from hague.intake import read_case
from hague.web import helpers
from hague.web.api_io import (
    ApiError,
    DocumentRequest,
    UnknownDocument,
    answer,
    field_errors,
    invalid,
    json_body,
    prefixed,
    query_date,
    query_flag,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def dated(data: Any, day: dt.date | None) -> Any:
    """The case data with its `as_of`: the query's if given, else the case's, else today (before validation,
    so that the checks against as_of run on the date the assessment speaks for)."""
    if not isinstance(data, dict):
        return data
    if day is not None:
        return {**data, "as_of": day.isoformat()}
    given = data.get("as_of")
    if given is None or (isinstance(given, str) and given.strip().lower() in ("", "unknown")):
        return {**data, "as_of": dt.date.today().isoformat()}
    return data


def _case(data: Any, day: dt.date | None = None) -> tuple[Case | None, list[FieldError]]:
    try:
        return read_case(dated(data, day), helpers.book()), []
    except CaseError as exc:
        return None, exc.errors


@bp.post("/assess")
def assess_case() -> Response:
    """A case (hague-case/1) in, its assessment (hague-assessment/1) out."""
    data = json_body()
    case, errors = _case(data, query_date())
    if case is None:
        return invalid("the case is not valid: see errors, one per field", errors)
    return answer(assess(case, helpers.book()).to_json())


@bp.post("/documents/<action>")
def document(action: str) -> Response:
    """The PDF of one co-operation document for a case."""
    if action not in KINDS:
        return answer(UnknownDocument(error="Not Found", detail=f"'{action}' is not a document hague drafts",
                                      documents=list(KINDS)), 404)
    try:
        request_ = DocumentRequest.model_validate(json_body())
    except ValidationError as exc:
        return invalid("the request is not valid: see errors, one per field", field_errors(exc))
    case, errors = _case(request_.case)
    details = None
    try:
        details = parse_details(request_.details, action)
    except DetailsError as exc:
        errors += prefixed(exc.errors, "details")
    if case is None or details is None or errors:
        return invalid("the case or the details are not valid: see errors, one per field", errors)
    from hague.documents.drafting import draft  # local: WeasyPrint takes half a second to import

    try:
        pdf = draft(action, case, helpers.book(), details, request_.lang, bilingual=request_.bilingual,
                    pdfa=request_.pdfa, to=request_.to)
    except DraftError as exc:
        return answer(ApiError(error="Conflict", detail=str(exc)), 409)
    except DetailsError as exc:
        return invalid("the details are not valid: see errors, one per field", prefixed(exc.errors, "details"))
    return Response(pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{action}.pdf"'})


@bp.get("/states")
def states() -> Response:
    """The States on a date, as `hague states --json` (`all=true`: also those not bound)."""
    day = query_date() or dt.date.today()
    return answer(states_view.listing(helpers.book(), day, query_flag("all")))


@bp.get("/openapi.json")
def openapi() -> Response:
    from hague.web.openapi import spec

    return answer(spec())


def init_app(app: Flask) -> None:
    from hague.web.app import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
