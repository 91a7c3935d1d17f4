"""Helpers shared by the web tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from flask import Flask, session
from flask.testing import FlaskClient

from hague.web import answers
from hague.yamlio import load_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def csrf_token(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def example_data(which: str | Path, **changes: Any) -> dict[str, Any]:
    """An example case as JSON data (dates as strings), as a client sends it or the wizard stores it.

    `which` is a file of examples/ ("e2-....yaml"), its prefix ("e2") or a path; top-level fields in
    `changes` are replaced, or removed when None.
    """
    path = which if isinstance(which, Path) else (
        EXAMPLES / which if which.endswith(".yaml") else next(EXAMPLES.glob(f"{which}-*.yaml")))
    data: dict[str, Any] = json.loads(json.dumps(load_path(path), default=str))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def seed(app: Flask, client: FlaskClient, case: dict[str, Any]) -> None:
    """Put a case into this client's answers store, as the wizard would."""
    with app.test_request_context():
        answers.start_with_case(case)
        saved = dict(session)
    with client.session_transaction() as stored:
        stored.update(saved)
