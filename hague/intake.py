"""Reading a case from a file or from data, checked against the rulebook's vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hague.case import Case, CaseError, FieldError, parse_case, suggest
from hague.rulebook import Rulebook
from hague.yamlio import YamlError, load_path


def measure_type_errors(case: Case, book: Rulebook) -> list[FieldError]:
    """Every measure type the case names that rules/measures.yaml does not know."""
    allowed = sorted(book.measures)
    places: list[tuple[str, str]] = []
    if case.measure is not None:
        places.append(("measure.type", case.measure.type))
    places += [(f"existing_measures[{i}].type", m.type) for i, m in enumerate(case.existing_measures)]
    places += [(f"proceedings[{i}].measures[{j}]", t) for i, p in enumerate(case.proceedings) for j, t in enumerate(p.measures)]
    return [
        FieldError(path=path, value=value,
                   message="is not a measure type of rules/measures.yaml" + suggest(value, allowed)
                   + " (see `hague measures` or the measures catalogue)")
        for path, value in places if value not in book.measures
    ]


def read_case(data: Any, book: Rulebook) -> Case:
    """Validate case data fully, or raise CaseError listing every problem."""
    case = parse_case(data)
    errors = measure_type_errors(case, book)
    if errors:
        raise CaseError(errors)
    return case


def read_case_file(path: Path, book: Rulebook) -> Case:
    """Load a YAML or JSON case file; YAML problems become a CaseError on the whole file."""
    try:
        data = load_path(path)
    except YamlError as exc:
        raise CaseError([FieldError(path="(file)", message=str(exc))]) from None
    return read_case(data, book)
