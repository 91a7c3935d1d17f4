"""Configuration from the environment, with defaults that are safe on a fresh server.

Every setting is an environment variable ``HAGUE_<NAME>`` (e.g. ``HAGUE_SECRET_KEY``); tests pass
a dict to ``create_app``. Without ``HAGUE_SECRET_KEY`` a random key is made once and kept in the
instance folder, so several worker processes on one server share it.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

_TRUE = {"1", "true", "yes", "on"}


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(f"HAGUE_{name}")
    return default if value is None else value.strip().lower() in _TRUE


def _int(name: str, default: int) -> int:
    value = os.environ.get(f"HAGUE_{name}")
    try:
        return int(value) if value else default
    except ValueError:
        raise SystemExit(f"HAGUE_{name} must be a whole number, not {value!r}") from None


def secret_key(instance: Path) -> str:
    """HAGUE_SECRET_KEY, else a key generated once and stored (mode 600) in the instance folder."""
    given = os.environ.get("HAGUE_SECRET_KEY")
    if given:
        return given
    path = instance / "secret_key"
    if not path.is_file():
        instance.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=instance, prefix=".secret_key.")  # mode 600
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:  # several workers may start at once: the first complete key wins, the others read it
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return path.read_text(encoding="utf-8").strip()


def from_environment(instance: Path) -> dict[str, Any]:
    """The app's settings: environment first, then the defaults."""
    return {
        "SECRET_KEY": secret_key(instance),
        "MAX_CONTENT_LENGTH": _int("MAX_UPLOAD_BYTES", 1_000_000),
        "SESSION_COOKIE_SECURE": _flag("COOKIE_SECURE", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": _int("SESSION_MINUTES", 480) * 60,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "HAGUE_ANSWERS_HOURS": _int("ANSWERS_HOURS", 24),
        "HAGUE_PROXIES": _int("PROXIES", 0),  # how many reverse proxies set X-Forwarded-* in front of the app
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'hague.sqlite3'}",
        "BABEL_DEFAULT_LOCALE": "en",
    }
