"""Co-operation documents: typed request models, rendering to PDF, the locked-down URL fetcher.

``draft(action, case, book, details, lang)`` returns the PDF of one document; ``KINDS`` lists the
documents; ``Details`` (format hague-details/1) carries the names and free text a document needs.
The rendering half (WeasyPrint) is imported on first use of ``draft`` or ``draft_html``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hague.documents.details import Details, DetailsError, parse_details, read_details_file
from hague.documents.kinds import KINDS, DraftError

if TYPE_CHECKING:
    from hague.documents.drafting import draft, draft_html

__all__ = ["KINDS", "Details", "DetailsError", "DraftError", "draft", "draft_html", "parse_details", "read_details_file"]


def __getattr__(name: str) -> Any:
    if name in ("draft", "draft_html"):
        from hague.documents import drafting

        return getattr(drafting, name)
    raise AttributeError(f"module 'hague.documents' has no attribute {name!r}")
