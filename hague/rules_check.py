"""Cross-file checks on a loaded rulebook: codes, languages, citations and question fields."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pycountry

if TYPE_CHECKING:
    from hague.rulebook import Rulebook

_FIELD_ROOTS = {
    "forum", "as_of", "child", "habitual_residence", "removal", "proceedings", "measure",
    "existing_measures", "parental_responsibility_acts", "transfers", "access_parent_residence",
    "information_held_in", "danger", "art37_no_risk",
}


def _language_ok(code: str) -> bool:
    if len(code) == 2:
        return pycountry.languages.get(alpha_2=code) is not None
    return pycountry.languages.get(alpha_3=code) is not None


def _state_problems(book: Rulebook) -> list[str]:
    problems = []
    for code, record in book.states.items():
        where = f"rules/states.yaml: states.{code}"
        if pycountry.countries.get(alpha_2=code) is None:
            problems.append(f"{where}: not an ISO 3166-1 alpha-2 code")
        for lang in record.languages:
            if not _language_ok(lang):
                problems.append(f"{where}.languages: '{lang}' is not an ISO 639 code")
        for i, decl in enumerate(record.declarations):
            for unit in decl.excluded_units + decl.objected_to:
                if pycountry.countries.get(alpha_2=unit) is None and pycountry.subdivisions.get(code=unit) is None:  # type: ignore[no-untyped-call]
                    problems.append(f"{where}.declarations[{i}]: '{unit}' is not an ISO 3166 code")
    return problems


def _instrument_problems(book: Rulebook) -> list[str]:
    problems = []
    for name in ("brussels_iib", "brussels_iia"):
        for code in getattr(book.instruments, name).not_bound:
            record = book.state(code)
            if record is None or not record.eu_member:
                problems.append(f"rules/instruments.yaml: {name}.not_bound: {code} is not an EU Member State in states.yaml")
    return problems


def _measure_problems(book: Rulebook) -> list[str]:
    problems = []
    for key, measure in book.measures.items():
        for ref in (*measure.convention, *([measure.excluded_by] if measure.excluded_by else [])):
            if book.article(f"Art. {ref}") is None:
                problems.append(f"rules/measures.yaml: measures.{key}: 'Art. {ref}' is not in articles.yaml")
        for lang in measure.local_names:
            if not _language_ok(lang):
                problems.append(f"rules/measures.yaml: measures.{key}.local_names: '{lang}' is not an ISO 639 code")
    return problems


def _question_problems(book: Rulebook) -> list[str]:
    problems = []
    for step in book.questions_file.steps:
        for q in step.questions:
            root = re.split(r"[.\[]", q.field, maxsplit=1)[0]
            if root not in _FIELD_ROOTS:
                problems.append(f"rules/questions.yaml: step {step.id}: field '{q.field}' is not a case field")
    return problems


def _request_problems(book: Rulebook) -> list[str]:
    return [f"rules/requests.yaml: requests.{key}: 'Art. {r.article}' is not in articles.yaml"
            for key, r in book.requests.items() if book.article(f"Art. {r.article}") is None]


def cross_check(book: Rulebook) -> list[str]:
    """Every problem found, as 'file: path: problem' lines; empty when the rulebook is sound."""
    return (_state_problems(book) + _instrument_problems(book) + _measure_problems(book) + _question_problems(book)
            + _request_problems(book))
