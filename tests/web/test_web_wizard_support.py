"""Helpers of the wizard tests: read a page's form as a browser would submit it (no tests here)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from hague import yamlio
from hague.intake import read_case
from hague.rulebook import default_rulebook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STEPS = ["asking", "child", "residence", "removal", "proceedings", "measure", "existing", "cooperation"]


class _Form(HTMLParser):
    """The (name, value) pairs the wizard's form submits without a button, as a browser sends them."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == "wizard-form":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.pairs.append((a["name"], a.get("value", "on")))
            elif kind != "submit":
                self.pairs.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select, self._options = a.get("name"), []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select is not None:
            chosen = [v for v, sel in self._options if sel] or [self._options[0][0] if self._options else ""]
            self.pairs.append((self._select, chosen[-1]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.pairs.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def form_of(html: str) -> list[tuple[str, str]]:
    parser = _Form()
    parser.feed(html)
    return parser.pairs


def post(client: FlaskClient, step: str, pairs: list[tuple[str, str]] | dict[str, Any], action: str = "continue",
         **query: str) -> Any:
    """Submit a step with the given answers and a button."""
    items = list(pairs.items()) if isinstance(pairs, dict) else list(pairs)
    flat: list[tuple[str, str]] = []
    for name, value in items:
        flat += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
    from werkzeug.datastructures import MultiDict

    url = f"/assess/step/{step}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    return client.post(url, data=MultiDict([*flat, ("action", action)]))


def stored_case(client: FlaskClient) -> dict[str, Any]:
    """The case the wizard holds for this browser."""
    with client.session_transaction() as session:
        key = session["answers_id"]
    app = client.application
    import json

    return json.loads((Path(app.instance_path) / "answers" / f"{key}.json").read_text())["case"]  # type: ignore[no-any-return]


def example(name: str) -> dict[str, Any]:
    return yamlio.load_path(EXAMPLES / name)  # type: ignore[no-any-return]


def same_case(left: dict[str, Any], right: dict[str, Any]) -> bool:
    book = default_rulebook()
    return read_case(left, book) == read_case(right, book)
