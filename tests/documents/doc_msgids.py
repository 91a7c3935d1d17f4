"""The English msgids the documents use: from the templates and from the N_() marks in the package."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_python

from hague.resources import resource_dir

PACKAGE = Path(__file__).resolve().parents[2] / "hague" / "documents"
# _("..."), L._("..."), LS._("..."), bi("...") and page("title", ...) in the templates
TEMPLATE_CALL = re.compile(r'(?:\b_|\bbi|\bpage)\(\s*"((?:[^"\\]|\\.)*)"')


def template_msgids() -> dict[str, set[str]]:
    """msgid -> the templates that use it."""
    found: dict[str, set[str]] = {}
    for path in sorted((resource_dir("templates") / "documents").glob("*.html")):
        for match in TEMPLATE_CALL.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1).replace('\\"', '"'), set()).add(path.name)
    return found


def python_msgids() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        with path.open("rb") as handle:
            for _line, _func, message, _comments in extract_python(handle, {"N_": None, "_": None}, [], {}):
                if isinstance(message, str):
                    found.setdefault(message, set()).add(path.name)
    return found


def all_msgids() -> dict[str, set[str]]:
    found = template_msgids()
    for message, where in python_msgids().items():
        found.setdefault(message, set()).update(where)
    return found
