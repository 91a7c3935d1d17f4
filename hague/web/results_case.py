"""The case this browser is assessing: read from the answers store, validated, assessed; links into the wizard.

The wizard (another blueprint) owns the answers and the questions. Until its endpoints exist the
result page simply shows no link to them, so this area works on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import current_app, redirect, render_template, url_for
from werkzeug.routing import BuildError
from werkzeug.wrappers import Response

from hague.case import Case, CaseError
from hague.engine import assess
from hague.engine.findings import Assessment
from hague.intake import read_case
from hague.web import answers
from hague.web.helpers import book


@dataclass(frozen=True)
class Assessed:
    """A stored case, validated, with its assessment; `as_of_defaulted`: the case gave no date, today was used."""

    case: Case
    assessment: Assessment
    as_of_defaulted: bool


def stored_case_data() -> dict[str, Any] | None:
    data = answers.load().get("case")
    return data if isinstance(data, dict) and data else None


def load_assessed() -> Assessed | Response:
    """The assessed case, or the response to give instead: to the wizard without a case, to its review when invalid."""
    data = stored_case_data()
    if data is None:
        return redirect(endpoint_url("wizard.start") or url_for("pages.home"))
    try:
        case = read_case(data, book())
    except CaseError as exc:
        review = endpoint_url("wizard.review")
        if review:
            return redirect(review)
        page = render_template("web/results/invalid.html", errors=exc.errors)
        return Response(page, status=422, mimetype="text/html")
    defaulted = case.as_of is None
    if defaulted:
        case = case.model_copy(update={"as_of": dt.date.today()})
    return Assessed(case=case, assessment=assess(case, book()), as_of_defaulted=defaulted)


def endpoint_url(endpoint: str, **values: Any) -> str | None:
    """The URL of an endpoint of another area, or None while that area is not installed."""
    if endpoint not in current_app.view_functions:
        return None
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return None


def question_link(fact: str) -> str | None:
    """The wizard question that decides `fact`, when the wizard offers one."""
    try:
        from hague.web.wizard import question_url  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return None
    try:
        url = question_url(fact)
    except (LookupError, ValueError, BuildError):
        return None
    return url if isinstance(url, str) and url else None


def wizard_links() -> dict[str, str | None]:
    """The links of the top actions: change the answers, download the case, start again."""
    return {"review": endpoint_url("wizard.review"), "download": endpoint_url("wizard.download"),
            "start": endpoint_url("wizard.start")}
