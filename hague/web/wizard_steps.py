"""The wizard's questionnaire (rules/questions.yaml): steps, their questions, anchors, and where a case field is asked."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext

from hague.rules_schema import Question, Step
from hague.web.helpers import book

_INDEX = re.compile(r"\[(\d*)\]")
_TRAILING_INDEX = re.compile(r"\[\d+\]$")


def _(text: str, **values: Any) -> str:
    """The wizard's gettext, typed (Flask-Babel has no type information)."""
    return str(gettext(text, **values))


def steps() -> tuple[Step, ...]:
    return book().questions_file.steps


def get_step(step_id: str) -> Step | None:
    return next((s for s in steps() if s.id == step_id), None)


def neighbour(step_id: str, offset: int) -> Step | None:
    """The step before (-1) or after (+1) this one; None at either end."""
    ids = [s.id for s in steps()]
    at = ids.index(step_id) + offset
    return steps()[at] if 0 <= at < len(ids) else None


def top_questions(step: Step) -> list[Question]:
    """The questions of a step that are not fields of a record."""
    return [q for q in step.questions if q.record is None]


def record_fields(step: Step, records: Question) -> list[Question]:
    """The questions of one record ('habitual_residence[].state', ...)."""
    return [q for q in step.questions if q.record == records.field]


def sub_name(question: Question) -> str:
    """The field's name inside its record ('from' for 'habitual_residence[].from')."""
    return question.field.split("[].", 1)[1]


def roots(step: Step) -> set[str]:
    """The top-level case fields this step fills (each belongs to exactly one step)."""
    return {q.root for q in step.questions}


def step_of_root(root: str) -> Step | None:
    return next((s for s in steps() if root in roots(s)), None)


def root_of(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def anchor(path: str) -> str:
    """The stable HTML id of a field: 'q-habitual_residence-1-from', 'q-removal-whereabouts_known'."""
    return "q-" + _INDEX.sub(lambda m: f"-{m.group(1)}" if m.group(1) else "", path).replace(".", "-")


def question_for(fact: str) -> Question | None:
    """The question that decides a case field; an item of a list resolves to the list's question."""
    return book().question(_TRAILING_INDEX.sub("", fact))


def controller(step: Step, question: Question) -> Question | None:
    """The question whose answer decides whether `question` is asked."""
    if question.when is None:
        return None
    return next((q for q in step.questions if q.field == question.when.field), None)


def locate(fact: str) -> tuple[Step, str] | None:
    """The step and anchor of the question that decides a fact ('removal.date', 'habitual_residence[1].from')."""
    question = question_for(fact)
    step = step_of_root(root_of(fact))
    if step is None:
        return None
    if question is None:  # a whole object ('child') or a record ('proceedings[0]'): its first question
        if re.search(r"\[\d+\]$", fact):
            return step, anchor(fact)
        first = next((q for q in step.questions if q.field.startswith(fact)), step.questions[0])
        return step, anchor(first.field)
    if "[]" in question.field and not re.search(r"\[\d+\]", fact):
        return step, anchor(question.record or question.field)  # no row given: the record group
    return step, anchor(_TRAILING_INDEX.sub("", fact) if question.kind not in ("states", "measure_types") else fact)
