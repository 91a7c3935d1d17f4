"""The review page's model: every answer in plain words, with a link to change it and its errors beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import url_for

from hague.case import FieldError
from hague.rules_schema import Question, Step
from hague.web.wizard_check import label_of, message
from hague.web.wizard_forms import MISSING, get_path, is_active, shown
from hague.web.wizard_messages import long_date
from hague.web.wizard_options import display_name, measure_label
from hague.web.wizard_steps import _, anchor, locate, record_fields, steps, sub_name, top_questions
from hague.web.wizard_view import LAST_SEGMENT, answer_choices


@dataclass
class Line:
    label: str
    answer: str
    href: str
    id: str
    given: bool = True
    note: str | None = None  # what leaving it unanswered means
    errors: list[str] = field(default_factory=list)
    rows: list[Line] = field(default_factory=list)  # a records question: one line per record
    lines: list[Line] = field(default_factory=list)  # a record: its answers
    missing: list[Line] = field(default_factory=list)  # a record: the questions left unanswered


@dataclass
class Section:
    step: Step
    href: str
    lines: list[Line]  # the answers given (and records, even when there are none)
    missing: list[Line] = field(default_factory=list)  # the questions left unanswered


@dataclass
class Problem:
    label: str
    message: str
    href: str | None  # the question that decides it
    path: str
    discard: bool = False  # a field the format does not know: it can only be discarded


def change_url(step: Step, path: str) -> str:
    return url_for("wizard.step", step_id=step.id, next="review", _anchor=anchor(path))


def _date(text: str) -> str:
    try:
        return long_date(dt.date.fromisoformat(text))
    except ValueError:
        return _("%(value)s (not a real date)", value=text)


def answer_text(question: Question, value: Any, gates: dict[str, str], path: str) -> tuple[bool, str]:
    """(given?, the answer in words) for one field of the case."""
    if question.kind == "gate":
        if value not in (MISSING, None):
            return True, _("Yes")
        return (True, _("No")) if gates.get(path) == "no" else (False, _("Not answered (taken as no)"))
    if value is MISSING or value == "" or value == []:
        return False, _("Not answered")
    text = shown(value, question)
    kind = question.kind
    if kind in ("states", "measure_types"):
        names = [(display_name(v) if kind == "states" else measure_label(v, local=False)) if v else v for v in text]
        return True, ", ".join(names)
    assert isinstance(text, str)
    if kind == "date":
        return True, _date(text)
    if kind in ("state", "state_or_unknown"):
        if text == "unknown":
            return True, _(question.unknown_label) if question.unknown_label else _("Unknown")
        return True, display_name(text)
    if kind == "measure_type":
        return True, measure_label(text, local=False)
    if kind in ("yes_no", "choice"):
        return True, dict(answer_choices(question)).get(text, text)
    return True, text.replace("\n", "; ")


def _line(step: Step, q: Question, path: str, case: dict[str, Any], gates: dict[str, str],
          parked: dict[str, Any] | None = None) -> Line:
    value = get_path(case, path)
    if value is MISSING and parked and path in parked:
        # asked and answered with the format's default ("No" to serious danger): the case leaves it out, the user did not
        value = parked[path]
    given, text = answer_text(q, value, gates, path)
    note = _(q.unanswered) if q.unanswered and not given else None
    return Line(_(q.label), text, change_url(step, path), "r-" + anchor(path)[2:], given, note)


def _answers(step: Step, case: dict[str, Any], gates: dict[str, str], row: Any = None) -> Callable[[str], Any]:
    """The form text of each answer of a step (or of one record), for deciding which questions were asked."""
    kinds = {q.field: q.kind for q in step.questions}

    def answer(name: str) -> Any:
        if row is not None:
            return shown(row.get(name.split("[].")[-1], MISSING), None) if isinstance(row, dict) else ""
        value = get_path(case, name)
        if kinds.get(name) == "gate":
            return "yes" if value not in (MISSING, None) else gates.get(name, "")
        return shown(value, None)

    return answer


def _records_line(step: Step, q: Question, case: dict[str, Any], gates: dict[str, str]) -> Line:
    rows = get_path(case, q.field)
    line = Line(_(q.label), "" if rows not in (MISSING, []) else _("None"), change_url(step, q.field), "r-" + anchor(q.field)[2:])
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        prefix = f"{q.field}[{i}]"
        name = _(q.item_label) if q.item_label else _("Entry")
        item = Line(_("%(item)s %(n)s", item=name, n=i + 1), "", change_url(step, prefix), "r-" + anchor(prefix)[2:])
        asked = _answers(step, case, gates, row)
        found = [_line(step, s, f"{prefix}.{sub_name(s)}", case, gates) for s in record_fields(step, q)
                 if is_active(step, s, asked)]
        item.lines, item.missing = [x for x in found if x.given], [x for x in found if not x.given]
        line.rows.append(item)
    return line


def sections(case: dict[str, Any], gates: dict[str, str], parked: dict[str, Any] | None = None) -> list[Section]:
    """The review of every step, listing only the questions that were asked (`parked`: answers the case leaves out)."""
    out = []
    for step in steps():
        asked = _answers(step, case, gates)
        lines = [_records_line(step, q, case, gates) if q.kind == "records" else _line(step, q, q.field, case, gates, parked)
                 for q in top_questions(step) if is_active(step, q, asked)]
        out.append(Section(step, url_for("wizard.step", step_id=step.id, next="review"),
                           [x for x in lines if x.given], [x for x in lines if not x.given]))
    return out


def problems(errors: list[FieldError], found: list[Section]) -> list[Problem]:
    """Each error with its message, the question to change, and its place on the review page."""
    index: dict[str, Line] = {}
    for section in found:
        for entry in [*section.lines, *section.missing]:
            index[entry.id] = entry
            for row in entry.rows:
                index[row.id] = row
                index.update({sub.id: sub for sub in [*row.lines, *row.missing]})
    out = []
    for error in errors:
        located = locate(error.path)
        unknown = error.message.startswith("is not a field of hague-case/1")
        text = message(error)
        line = _nearest(error.path, index)
        if line is None and located is not None:
            line = index.get("r-" + located[1][2:])
        if line is not None:
            line.errors.append(text)
        href = None if located is None or unknown else url_for("wizard.step", step_id=located[0].id, next="review",
                                                                 _anchor=located[1])
        out.append(Problem(error.path if unknown else label_of(error.path), text, href, error.path, discard=unknown))
    return out


def _nearest(path: str, index: dict[str, Line]) -> Line | None:
    probe = path
    while True:
        key = "r-" + anchor(probe)[2:]
        if key in index:
            return index[key]
        shorter = LAST_SEGMENT.sub("", probe)
        if not shorter or shorter == probe:
            return None
        probe = shorter
