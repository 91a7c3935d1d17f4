"""A trainee's session, kept on the server under a random key held in the session cookie.

It holds only scenario ids, the filters chosen and the choices made: no name, no login, nothing
about the person. Files unused for ``HAGUE_ANSWERS_HOURS`` are removed, like the wizard's answers.
"""

from __future__ import annotations

from typing import Any

from flask import session

from hague.web.session_store import BrowserStore

_STORE = BrowserStore("training", "training_id")


def load() -> dict[str, Any] | None:
    """The session in progress: {"ids": [...], "answers": {"0": {...}}, "filters": {...}}; None if none."""
    data = _STORE.read()
    if data is None or not isinstance(data.get("ids"), list) or not isinstance(data.get("answers"), dict):
        return None
    return data


def save(data: dict[str, Any]) -> None:
    _STORE.write(data)


def start(ids: list[str], filters: dict[str, Any]) -> None:
    """Begin a new session (a new key, so an old session's file is never reused)."""
    session.pop(_STORE.cookie_key, None)
    save({"ids": ids, "answers": {}, "filters": filters})


def clear() -> None:
    _STORE.delete(forget_key=True)
