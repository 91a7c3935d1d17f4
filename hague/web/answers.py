"""The answers of one browser's assessment in progress, kept on the server between wizard steps.

The browser's session cookie carries only a random key; the answers (case data in the shape of
hague-case/1, possibly incomplete, plus the raw text of fields that did not validate) live in a JSON
file in the instance folder, so a long case never overflows a cookie and nothing typed is lost.
Files unused for ``HAGUE_ANSWERS_HOURS`` are removed. Cases hold no names (those belong to the
correspondence details, which are never stored here).
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

_KEY = "answers_id"


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path(create: bool) -> Path | None:
    key = session.get(_KEY)
    if not isinstance(key, str) or not key.isalnum():
        if not create:
            return None
        key = secrets.token_hex(16)
        session[_KEY] = key
        session.permanent = True
    return _folder() / f"{key}.json"


def load() -> dict[str, Any]:
    """This browser's answers: {"case": {...}, "raw": {...}, ...}; empty when none."""
    path = _path(create=False)
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict[str, Any]) -> None:
    """Replace this browser's answers (written atomically: a crash leaves the old or the new file)."""
    path = _path(create=True)
    assert path is not None
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, default=str)
    os.replace(tmp, path)
    _purge(path.parent)


def clear() -> None:
    path = _path(create=False)
    if path is not None and path.is_file():
        path.unlink()


def start_with_case(case_data: dict[str, Any]) -> None:
    """Begin a new assessment pre-filled with a whole case (a scenario, an upload, a saved case)."""
    save({"case": case_data, "raw": {}})


def _purge(folder: Path) -> None:
    limit = time.time() - 3600 * int(current_app.config.get("HAGUE_ANSWERS_HOURS", 24))
    for old in folder.glob("*.json"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            continue
