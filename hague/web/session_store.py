"""A JSON document per browser, kept on the server in the instance folder under a random key that
the session cookie carries. The wizard's answers and a trainee's session are two such stores.

Writes are atomic (a crash leaves the old or the new file); files unused for ``HAGUE_ANSWERS_HOURS``
are removed on the next write.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app, session


@dataclass(frozen=True)
class BrowserStore:
    folder_name: str  # below the instance folder
    cookie_key: str  # the session key holding this browser's random file key

    def _folder(self) -> Path:
        folder = Path(current_app.instance_path) / self.folder_name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _path(self, create: bool) -> Path | None:
        key = session.get(self.cookie_key)
        if not isinstance(key, str) or not key.isalnum():
            if not create:
                return None
            key = secrets.token_hex(16)
            session[self.cookie_key] = key
            session.permanent = True
        return self._folder() / f"{key}.json"

    def read(self) -> dict[str, Any] | None:
        """This browser's document; None when there is none or it cannot be read."""
        path = self._path(create=False)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def write(self, data: dict[str, Any]) -> None:
        path = self._path(create=True)
        assert path is not None
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, default=str)
        os.replace(tmp, path)
        self._purge(path.parent)

    def delete(self, forget_key: bool = False) -> None:
        path = self._path(create=False)
        if path is not None and path.is_file():
            path.unlink()
        if forget_key:
            session.pop(self.cookie_key, None)

    @staticmethod
    def _purge(folder: Path) -> None:
        limit = time.time() - 3600 * int(current_app.config.get("HAGUE_ANSWERS_HOURS", 24))
        for old in folder.glob("*.json"):
            try:
                if old.stat().st_mtime < limit:
                    old.unlink()
            except OSError:
                continue
