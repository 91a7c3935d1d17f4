"""The wizard's answers as kept by hague.web.answers, and saving one step into them.

The stored answers: ``case`` (hague-case/1 data, values as typed, maybe incomplete or invalid),
``raw`` (path -> the typed text of fields that did not validate), ``parked`` (answers to questions
not asked, kept so they come back), ``gates`` (the yes/no of questions such as "was the child
removed?"), ``seen`` (steps the user has submitted: their errors are shown), ``current`` (the
step to continue at).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hague.case import CASE_FORMAT, FieldError
from hague.rules_schema import Question, Step
from hague.web import answers
from hague.web.wizard_check import belongs, step_errors
from hague.web.wizard_forms import MISSING, Raw, build, compact, get_path, merge, shown


def load() -> dict[str, Any]:
    """This browser's answers with every part present (an empty case when none)."""
    stored = answers.load()
    case = stored.get("case")
    return {
        **stored,  # keys of other areas (the register's link to a reopened case) travel with the answers
        "case": case if isinstance(case, dict) else {"format": CASE_FORMAT},
        "raw": dict(stored.get("raw") or {}),
        "parked": dict(stored.get("parked") or {}),
        "gates": dict(stored.get("gates") or {}),
        "seen": list(stored.get("seen") or []),
        "current": stored.get("current"),
    }


def in_progress() -> bool:
    stored = answers.load()
    case = stored.get("case")
    return isinstance(case, dict) and any(k != "format" for k in case)


def save_step(stored: dict[str, Any], step: Step, tree: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """Put a step's answers (as typed) into the stored answers; return them with the step's errors."""
    built = build(step, compact(tree))
    case = merge(stored["case"], step, built.fragment)
    errors = step_errors(case, step)
    mine = {k for k in (*stored["raw"], *stored["parked"], *stored["gates"]) if belongs(k, step)}
    raw = {e.path: value for e in errors if isinstance(value := get_path(case, e.path), str | list) and value is not MISSING}
    result = {
        **stored,
        "case": case,
        "raw": {**{k: v for k, v in stored["raw"].items() if k not in mine}, **raw},
        "parked": {**{k: v for k, v in stored["parked"].items() if k not in mine}, **built.parked},
        "gates": {**{k: v for k, v in stored["gates"].items() if k not in mine}, **built.gates},
        "seen": [*[s for s in stored["seen"] if s != step.id], step.id],
        "current": step.id,
    }
    answers.save(result)
    return result, errors


def start_with(case: dict[str, Any], seen: list[str]) -> None:
    """A new assessment holding a whole case (an upload); `seen` steps show their errors at once."""
    answers.start_with_case(case)
    stored = load()
    stored["seen"] = seen
    answers.save(stored)


class Values:
    """The value to show for a field: as typed when invalid, else from the case, else as parked, else the default."""

    def __init__(self, stored: dict[str, Any]):
        self.case = stored.get("case") or {}
        self.raw = stored.get("raw") or {}
        self.parked = stored.get("parked") or {}
        self.gates = stored.get("gates") or {}

    def of(self, question: Question, path: str) -> Raw:
        if question.kind == "gate":
            present = get_path(self.case, path) not in (MISSING, None)
            return "yes" if present else str(self.gates.get(path, ""))
        if path in self.raw:
            return self.raw[path]  # type: ignore[no-any-return]
        value = get_path(self.case, path)
        if value is not MISSING:
            return shown(value, question)
        if path in self.parked:
            return self.parked[path]  # type: ignore[no-any-return]
        if question.default == "today":
            return dt.date.today().isoformat()
        return shown(MISSING, question)

    def rows(self, records: Question) -> int:
        value = get_path(self.case, records.field)
        return len(value) if isinstance(value, list) else 0
