"""Cross-file checks on a loaded rulebook: codes, languages, citations and question fields."""

from __future__ import annotations

import types
from functools import cache
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import pycountry
from pydantic import BaseModel
from pydantic.fields import FieldInfo

if TYPE_CHECKING:
    from hague.rulebook import Rulebook

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


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The case model inside a field's type, and whether the field is a list of it."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = get_origin(annotation)
    if origin is list:
        inner, _ = _inner_model(get_args(annotation)[0])
        return inner, inner is not None
    if origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            inner, many = _inner_model(arg)
            if inner is not None:
                return inner, many
    return None, False


@cache
def case_fields() -> dict[str, FieldInfo]:
    """Every field of hague-case/1 as a path ('removal.date', 'habitual_residence[].from'), with its model field."""
    from hague.case import Case  # local: the rulebook loads before any case is read

    out: dict[str, FieldInfo] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            path = f"{prefix}.{info.alias or name}" if prefix else (info.alias or name)
            out[path] = info
            inner, many = _inner_model(info.annotation)
            if inner is not None:
                walk(inner, path + ("[]" if many else ""))

    walk(Case, "")
    return out


def _question_problems(book: Rulebook) -> list[str]:
    problems = []
    fields = case_fields()
    for step in book.questions_file.steps:
        for q in step.questions:
            if q.field not in fields or q.field == "format":
                problems.append(f"rules/questions.yaml: step {step.id}: field '{q.field}' is not a case field")
            if q.when is not None and q.when.art33_abroad and not any(m.art33_abroad for m in book.measures.values()):
                problems.append(f"rules/questions.yaml: step {step.id}: {q.field}: no measure type has art33_abroad")
    return problems


def _request_problems(book: Rulebook) -> list[str]:
    return [f"rules/requests.yaml: requests.{key}: 'Art. {r.article}' is not in articles.yaml"
            for key, r in book.requests.items() if book.article(f"Art. {r.article}") is None]


def cross_check(book: Rulebook) -> list[str]:
    """Every problem found, as 'file: path: problem' lines; empty when the rulebook is sound."""
    return (_state_problems(book) + _instrument_problems(book) + _measure_problems(book) + _question_problems(book)
            + _request_problems(book))
