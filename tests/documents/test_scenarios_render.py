"""Documents drawn from the training scenarios (scenarios/*.yaml), as a user would, without any details."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from doc_pdf import pdf_text

from hague.documents import KINDS, draft
from hague.documents.i18n import Lang
from hague.engine import assess
from hague.intake import read_case
from hague.resources import resource_dir
from hague.rulebook import default_rulebook
from hague.scenarios import load_scenario, scenario_files


@cache
def first_scenario_per_document() -> dict[str, tuple[str, str]]:
    """document -> (scenario file, receiving State) for the first scenario that opens its action, ready to send."""
    book = default_rulebook()
    found: dict[str, tuple[str, str]] = {}
    for path in scenario_files([resource_dir("scenarios")]):
        scenario = load_scenario(path)
        try:
            case = read_case(scenario.case, book)
        except ValueError:
            continue
        for action in assess(case, book).cooperation:
            for key, kind in KINDS.items():
                if kind.action == action.action and action.ready and key not in found:
                    found[key] = (str(path), action.to)
    return found


def test_the_scenarios_open_every_document() -> None:
    assert set(first_scenario_per_document()) == set(KINDS)


@pytest.mark.parametrize("document", sorted(KINDS))
def test_document_renders_from_a_scenario(book, document: str) -> None:
    if document not in first_scenario_per_document():
        pytest.skip(f"no scenario opens {document}; tests/documents/doc_cases.py covers it")
    path, to = first_scenario_per_document()[document]
    scenario = load_scenario(Path(path))
    case = read_case(scenario.case, book)
    pdf = draft(document, case, book, None, None, to=to)
    text = pdf_text(pdf)
    article = book.requests[KINDS[document].action].article.split("(")[0]
    assert f"Art. {article}" in text
    lang = next(code for code in ("en", "fr", "nb") if Lang(code).language(code) in text)
    assert Lang(lang).state(to) in text or KINDS[document].action.endswith("parties") or document == "art40_certificate"
    assert "[" in text  # the missing names and references show as gaps to fill in
