"""Reading back the PDFs the tests render."""

from __future__ import annotations

import io
from typing import Any

import pypdf


def pdf_text(pdf: bytes) -> str:
    """All the text of a PDF, whitespace collapsed, line-break hints removed."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.replace("\u200b", "").split())


def embedded_files(pdf: bytes) -> dict[str, bytes]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return {name: data[0] for name, data in reader.attachments.items()}


def embedded_streams(pdf: bytes) -> list[bytes]:
    """Every /EmbeddedFile stream a reader can reach from the trailer (attachments, annotations, anything)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: list[bytes] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pypdf.generic.IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, pypdf.generic.DictionaryObject):
            if obj.get("/Type") == "/EmbeddedFile" and isinstance(obj, pypdf.generic.StreamObject):
                found.append(obj.get_data())
            stack.extend(obj.values())
        elif isinstance(obj, pypdf.generic.ArrayObject):
            stack.extend(obj)
    return found
