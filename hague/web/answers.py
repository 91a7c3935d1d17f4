"""The answers of one browser's assessment in progress, kept on the server between wizard steps.

The browser's session cookie carries only a random key; the answers (case data in the shape of
hague-case/1, possibly incomplete, plus the raw text of fields that did not validate) live in a JSON
file in the instance folder (hague/web/session_store.py), so a long case never overflows a cookie and
nothing typed is lost. Cases hold no names (those belong to the correspondence details, which are
never stored here).
"""

from __future__ import annotations

from typing import Any

from hague.web.session_store import BrowserStore

_STORE = BrowserStore("answers", "answers_id")


def load() -> dict[str, Any]:
    """This browser's answers: {"case": {...}, "raw": {...}, ...}; empty when none."""
    return _STORE.read() or {}


def save(data: dict[str, Any]) -> None:
    """Replace this browser's answers."""
    _STORE.write(data)


def clear() -> None:
    _STORE.delete()


def start_with_case(case_data: dict[str, Any]) -> None:
    """Begin a new assessment pre-filled with a whole case (a scenario, an upload, a saved case)."""
    save({"case": case_data, "raw": {}})
