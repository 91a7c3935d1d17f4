from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from doc_cases import CASES, DETAILS

from hague.documents import draft, parse_details
from hague.intake import read_case
from hague.rulebook import Rulebook


@pytest.fixture
def render_doc(book: Rulebook) -> Callable[..., bytes]:
    """Like `render`, under a name that does not shadow the hague.documents.render module."""

    def run(document: str, lang: str | None = None, details: dict[str, Any] | None = None, **options: Any) -> bytes:
        case, to, _default = CASES[document]
        data = DETAILS if details is None else details
        return draft(document, read_case(case, book), book, parse_details(data, document), lang, to=to, **options)

    return run


@pytest.fixture
def render(render_doc: Callable[..., bytes]) -> Callable[..., bytes]:
    """Render a document from its test case (doc_cases.CASES), with `details` (default: DETAILS)."""
    return render_doc
