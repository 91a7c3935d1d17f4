"""What the JSON API reads and answers besides cases and assessments: bodies, query values, errors.

The models here are the single source of the API's error shapes and of the documents request; the
OpenAPI description (hague/web/openapi.py) is generated from them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NoReturn

from flask import Response, abort, request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hague.case import FieldError, StateCode
from hague.documents.i18n import SUPPORTED

_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


class ApiError(BaseModel):
    """Every error the API answers: a short name, what went wrong, and field by field where the input has fields."""

    error: str = Field(description="the HTTP reason, e.g. Unprocessable Entity")
    detail: str = Field(description="what went wrong and what would put it right")
    errors: list[FieldError] = Field(default_factory=list, description="one entry per field in error: path, value given, message")


class UnknownDocument(ApiError):
    """404 from the documents endpoint: the documents hague drafts."""

    documents: list[str] = Field(description="the document keys POST /api/v1/documents/{action} accepts")


class DocumentRequest(BaseModel):
    """The body of POST /api/v1/documents/{action}."""

    model_config = ConfigDict(extra="forbid")

    case: dict[str, Any] = Field(description="the case, format hague-case/1 (as POST /api/v1/assess takes it)")
    details: dict[str, Any] | None = Field(None, description="correspondence details, format hague-details/1: names, "
                                                              "references, free text; omitted: a draft with visible gaps")
    lang: str | None = Field(None, description="language of the document (en, fr or nb); default: the receiving State's, "
                                               "else its English or French fallback (Art. 54)")
    to: StateCode | None = Field(None, description="the receiving State, where the action is open towards several")
    bilingual: bool = Field(False, description="the sending and the receiving language side by side")
    pdfa: bool = Field(False, description="PDF/A-3b with the case and the assessment embedded as JSON")

    @field_validator("lang")
    @classmethod
    def _supported(cls, value: str | None) -> str | None:
        if value is not None and value not in SUPPORTED:
            raise ValueError(f"documents are drawn up in {', '.join(SUPPORTED)}, not '{value}'")
        return value


def answer(payload: BaseModel | dict[str, Any], status: int = 200) -> Response:
    """JSON with the keys in model order (Flask's jsonify would sort them)."""
    data = payload.model_dump(mode="json", by_alias=True) if isinstance(payload, BaseModel) else payload
    return Response(json.dumps(data, ensure_ascii=False), status=status, mimetype="application/json")


def invalid(detail: str, errors: list[FieldError], status: int = 422) -> Response:
    name = "Unprocessable Entity" if status == 422 else "Bad Request"
    return answer(ApiError(error=name, detail=detail, errors=errors), status)


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON value")


def json_body() -> Any:
    """The request's JSON, or a 415 / 400 (the app answers those, and 413 for a body over MAX_CONTENT_LENGTH, in JSON)."""
    if not request.is_json:
        abort(415, description="send the body as JSON with the header Content-Type: application/json")
    raw = request.get_data(cache=False)  # raises 413 beyond MAX_CONTENT_LENGTH
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        abort(400, description="the body is not UTF-8 text")
    if not text.strip():
        abort(400, description="the body is empty: send a JSON object")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        abort(400, description=f"the body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
    except (ValueError, RecursionError) as exc:
        abort(400, description=f"the body is not valid JSON: {exc}" if isinstance(exc, ValueError)
              else "the body is not valid JSON: nested too deeply")


def query_date(name: str = "as_of") -> dt.date | None:
    """A YYYY-MM-DD query value; None when absent. A bad value ends the request with 400."""
    raw = request.args.get(name)
    if raw is None or not raw.strip():
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        abort(invalid(f"the query parameter {name} is not a date", [FieldError(
            path=f"query.{name}", value=raw, message="must be a date written YYYY-MM-DD")], status=400))


def query_flag(name: str) -> bool:
    raw = request.args.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    abort(invalid(f"the query parameter {name} is not true or false", [FieldError(
        path=f"query.{name}", value=raw, message="must be true or false")], status=400))


def field_errors(exc: ValidationError) -> list[FieldError]:
    """Pydantic's errors of the request envelope as FieldErrors (paths as in the JSON body)."""
    out = []
    for err in exc.errors():
        path = ""
        for part in err["loc"]:
            path += f"[{part}]" if isinstance(part, int) else ("." if path else "") + str(part)
        message = "is not a field of this request" if err["type"] == "extra_forbidden" else \
            "is required" if err["type"] == "missing" else err["msg"].removeprefix("Value error, ")
        value = err.get("input")
        out.append(FieldError(path=path or "(body)", value=value if isinstance(value, str | int | float | bool) else None,
                              message=message))
    return out


def prefixed(errors: list[FieldError], prefix: str) -> list[FieldError]:
    """Details errors under `details.`: '(details)' becomes 'details', 'sender.email' 'details.sender.email'."""
    return [e.model_copy(update={"path": prefix if e.path.startswith("(") else f"{prefix}.{e.path}"}) for e in errors]
