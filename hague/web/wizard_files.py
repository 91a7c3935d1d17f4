"""Case files in and out of the wizard: upload a YAML or JSON case, download the one in progress."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from werkzeug.datastructures import FileStorage

from hague import yamlio
from hague.case import CASE_FORMAT
from hague.web.wizard_forms import ordered
from hague.web.wizard_steps import _, question_for

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _load(text: str) -> Any:
    """Read YAML or JSON; an impossible date is kept as text, so the review can show it at its question."""
    return yamlio.loads_keeping_bad_dates(text, source="the file")


_INDEX = re.compile(r"\[\d+\]")


def json_safe(value: Any) -> Any:
    """YAML's values as the answers store keeps them (JSON): dates as YYYY-MM-DD text."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()  # kept as given: the case model says it is not a date
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def read_upload(upload: FileStorage) -> tuple[dict[str, Any] | None, str | None]:
    """The case data of an uploaded file, or the reason it cannot be used."""
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, _("The file is not a text file. Upload a case file written in YAML or JSON (UTF-8).")
    try:
        data = _load(text)
    except yamlio.YamlError as exc:
        return None, _("The file could not be read: %(problem)s", problem=str(exc).removeprefix("the file: "))
    if not isinstance(data, dict):
        return None, _("The file does not hold a case: a case file is a set of fields such as “format: hague-case/1”, "
                       "“as_of” and “child”.")
    fmt = data.get("format", CASE_FORMAT)
    if fmt != CASE_FORMAT:
        return None, _("The file is in the format “%(format)s”; only %(expected)s case files can be used here.",
                       format=fmt, expected=CASE_FORMAT)
    data = json_safe(data)
    data["format"] = CASE_FORMAT
    return ordered(data), None


def _as_dates(value: Any, path: str) -> Any:
    """Valid dates of date fields become YAML dates again (so the file reads `2025-01-10`, not a quoted text)."""
    if isinstance(value, dict):
        return {k: _as_dates(v, f"{path}.{k}" if path else k) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_dates(v, f"{path}[{i}]") for i, v in enumerate(value)]
    question = question_for(path) if path else None
    if isinstance(value, str) and question is not None and question.kind == "date" and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def to_yaml(case: dict[str, Any]) -> str:
    """The case as a hague-case/1 YAML file."""
    data = {"format": CASE_FORMAT, **{k: v for k, v in case.items() if k != "format"}}
    header = (f"# A case for hague ({CASE_FORMAT}), saved from the assessment wizard on {dt.date.today().isoformat()}.\n"
              "# It holds facts only, no names. Open it again with \"Upload a case file\", or run: hague assess FILE\n")
    return header + yamlio.dumps(_as_dates(data, ""))


def filename(case: dict[str, Any]) -> str:
    """A download name made only of safe characters: hague-case-2026-03-01.yaml."""
    as_of = case.get("as_of")
    if isinstance(as_of, str) and _DATE.match(as_of):
        return f"hague-case-{as_of}.yaml"
    return "hague-case.yaml"
