"""A trainee's session, kept on the server under a random key held in the session cookie.

It holds only scenario ids, the filters chosen and the choices made: no name, no login, nothing
about the person. Files unused for ``HAGUE_ANSWERS_HOURS`` are removed, like the wizard's answers.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

from flask import current_app, session

_KEY = "training_id"


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "training"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path(create: bool) -> Path | None:
    key = session.get(_KEY)
    if not isinstance(key, str) or not key.isalnum():
        if not create:
            return None
        key = secrets.token_hex(16)
        session[_KEY] = key
    return _folder() / f"{key}.json"


def load() -> dict[str, Any] | None:
    """The session in progress: {"ids": [...], "answers": {"0": {...}}, "filters": {...}}; None if none."""
    path = _path(create=False)
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("ids"), list) or not isinstance(data.get("answers"), dict):
        return None
    return data


def save(data: dict[str, Any]) -> None:
    path = _path(create=True)
    assert path is not None
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
    os.replace(tmp, path)
    _purge(path.parent)


def start(ids: list[str], filters: dict[str, Any]) -> None:
    """Begin a new session (a new key, so an old session's file is never reused)."""
    session.pop(_KEY, None)
    save({"ids": ids, "answers": {}, "filters": filters})


def clear() -> None:
    path = _path(create=False)
    if path is not None and path.is_file():
        path.unlink()
    session.pop(_KEY, None)


def _purge(folder: Path) -> None:
    limit = time.time() - 3600 * int(current_app.config.get("HAGUE_ANSWERS_HOURS", 24))
    for old in folder.glob("*.json"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            continue
