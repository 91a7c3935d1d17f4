"""The model of one step page for its template: blocks of inputs, records, and each error placed at its field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from hague.case import FieldError
from hague.rules_schema import Question, Step
from hague.web.helpers import book
from hague.web.wizard_check import label_of, message
from hague.web.wizard_options import Choice, Group, measure_groups, measure_label, state_codes
from hague.web.wizard_steps import _, anchor, controller, locate, record_fields, sub_name, top_questions
from hague.web.wizard_store import Values

LAST_SEGMENT = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


@dataclass
class When:
    """The answer that decides whether a block is asked (for the script that hides it, and the note without it)."""

    name: str
    values: str
    art33: bool
    note: str
    filled: bool = False


@dataclass
class Input:
    question: Question
    name: str
    id: str
    value: str = ""
    errors: list[str] = field(default_factory=list)
    items: list[Input] = field(default_factory=list)  # a list of States or measures: one select each
    rows: list[Row] = field(default_factory=list)  # a records question: its records
    radios: list[tuple[str, str]] = field(default_factory=list)
    extra: str | None = None  # the current value, when the list does not offer it (kept as given)
    groups: tuple[Group, ...] = ()
    find: str = ""
    matches: int = 0  # the kinds of measure a search found
    in_row: bool = False
    is_item: bool = False  # one select of a list of States or measures

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def date_input(self) -> bool:
        """A valid or empty date shows a date picker; anything else is shown as typed, in a text box."""
        if not self.value:
            return True
        try:
            return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.value)) and dt.date.fromisoformat(self.value) is not None
        except ValueError:
            return False

    @property
    def describedby(self) -> str:
        """The ids of the hint and the error that describe this field."""
        ids = [f"{self.id}-hint"] if self.question.help and not self.is_item else []
        return " ".join([*ids, f"{self.id}-error"] if self.errors else ids)

    @property
    def list_size(self) -> int:
        """While a search is shown, its matches are an open list to pick from, every row of it visible.

        The rows are the empty choice, each group's heading and each match (a heading takes a row too).
        """
        return min(10, 1 + sum(1 + len(g.choices) for g in self.groups)) if self.find else 0

    @property
    def focus_id(self) -> str:
        if self.radios:
            return f"{self.id}-{self.radios[0][0]}"
        if self.items:
            return self.items[0].id
        return self.id


@dataclass
class Block:
    when: When | None
    items: list[Input | Block]


@dataclass
class Row:
    index: int
    id: str
    legend: str
    blocks: list[Block]
    errors: list[str] = field(default_factory=list)

    @property
    def focus_id(self) -> str:
        return self.id


@dataclass
class Page:
    step: Step
    blocks: list[Block]
    summary: list[tuple[str | None, str, str]]  # (id to link to, label, message)


def answer_choices(question: Question) -> list[tuple[str, str]]:
    if question.kind == "choice":
        return [(str(o.value), _(o.label)) for o in question.options]
    default = {"yes": _("Yes"), "no": _("No"), "unknown": _("Unknown")}
    if question.options:
        return [(str(o.value), _(o.label)) for o in question.options]
    return [(v, default[v]) for v in question.option_values()]


def _when(step: Step, question: Question, prefix: str) -> When | None:
    parent = controller(step, question)
    if parent is None or question.when is None:
        return None
    name = f"{prefix}.{sub_name(parent)}" if parent.record is not None else parent.field
    if question.when.art33_abroad:
        return When(name, "", True,
                    _("Only if the measure is a placement of the child (for example in foster care, in an institution or by kafala)."))
    if question.when.filled:
        return When(name, "", False, _("Only if “%(question)s” is answered.", question=_(parent.label)), filled=True)
    labels = dict(answer_choices(parent))
    answers = _(" or ").join(f"“{labels.get(v, v)}”" for v in question.when.values)
    return When(name, " ".join(question.when.values), False,
                _("Only if the answer to “%(question)s” is %(answers)s.", question=_(parent.label), answers=answers))


def _input(step: Step, question: Question, path: str, values: Values, more: str | None, find: dict[str, str]) -> Input:
    value = values.of(question, path)
    item = Input(question, path, anchor(path), in_row=question.record is not None)
    if question.kind in ("yes_no", "gate") or (question.kind == "choice" and not item.in_row):
        item.radios = answer_choices(question)
    if question.kind in ("states", "measure_types"):
        given = list(value) if isinstance(value, list) else [value]
        if not given or more == path:
            given.append("")
        single = "state" if question.kind == "states" else "measure_type"
        item.items = [_single(question, single, path, i, v) for i, v in enumerate(given)]
        return item
    item.value = value if isinstance(value, str) else ", ".join(value)
    if question.kind == "measure_type":
        item.find = find.get(path, "")
        item.groups = measure_groups(item.find)
        shown_values = {c.value for g in item.groups for c in g.choices}
        item.matches = len(shown_values)
        if item.value in book().measures and item.value not in shown_values:  # a search never drops the answer given
            item.groups = (Group(_("Chosen now"), (Choice(item.value, measure_label(item.value)),)), *item.groups)
    item.extra = _extra(question.kind, item.value, [v for v, _label in item.radios] or [str(o.value) for o in question.options])
    return item


def _single(question: Question, kind: str, path: str, index: int, value: str) -> Input:
    one = Input(question, path, anchor(f"{path}[{index}]"), value=value, in_row=True, is_item=True)
    one.extra = _extra(kind, value, [])
    return one


def _extra(kind: str, value: str, options: list[str]) -> str | None:
    """A value that the input's list does not offer: shown as given, so that nothing is lost or silently changed."""
    if not value:
        return None
    if kind in ("state", "state_or_unknown"):
        known = value in state_codes() or (kind == "state_or_unknown" and value == "unknown")
    elif kind == "measure_type":
        known = value in book().measures
    elif kind in ("choice", "yes_no", "gate"):
        known = value in options
    else:
        return None
    return None if known else value


def _blocks(step: Step, questions: list[Question], make: Any, prefix: str) -> list[Block]:
    """Questions grouped by the answer that decides them; a block asked only within another sits inside it."""
    blocks: list[Block] = []
    stack: list[tuple[Block, set[str]]] = []  # the open conditional blocks, outermost first, with their fields
    for q in questions:
        when = _when(step, q, prefix)
        if when is None:
            stack.clear()
            if not blocks or blocks[-1].when is not None:
                blocks.append(Block(None, []))
            blocks[-1].items.append(make(q))
            continue
        decided_by = q.when.field if q.when else ""
        while stack and stack[-1][0].when != when and decided_by not in stack[-1][1]:
            stack.pop()
        if not stack or stack[-1][0].when != when:
            block = Block(when, [])
            (stack[-1][0].items if stack else blocks).append(block)
            stack.append((block, set()))
        stack[-1][0].items.append(make(q))
        for _block, fields in stack:
            fields.add(q.field)
    return blocks


def _records(step: Step, records: Question, values: Values, more: str | None, find: dict[str, str]) -> Input:
    item = Input(records, records.field, anchor(records.field))
    count = values.rows(records)
    if count < records.min_rows or more == records.field:
        count += 1
    label = _(records.item_label) if records.item_label else _("Entry")
    for i in range(count):
        prefix = f"{records.field}[{i}]"
        blocks = _blocks(step, record_fields(step, records),
                         lambda q, p=prefix: _input(step, q, f"{p}.{sub_name(q)}", values, more, find), prefix)
        item.rows.append(Row(i, anchor(prefix), _("%(item)s %(n)s", item=label, n=i + 1), blocks))
    return item


def build_page(step: Step, stored: dict[str, Any], errors: list[FieldError], more: str | None = None,
               find: dict[str, str] | None = None) -> Page:
    """The page of a step with the stored answers and the errors to show."""
    values, find = Values(stored), find or {}

    def make(q: Question) -> Input:
        if q.kind == "records":
            return _records(step, q, values, more, find)
        return _input(step, q, q.field, values, more, find)

    page = Page(step, _blocks(step, top_questions(step), make, ""), [])
    index = _index(page)
    for error in errors:
        target = _target(error.path, index)
        text = message(error)
        if target is not None:
            target.errors.append(text)
        page.summary.append((target.focus_id if target is not None else None, label_of(error.path), text))
    return page


def _index(page: Page) -> dict[str, Input | Row]:
    index: dict[str, Input | Row] = {}

    def walk(blocks: list[Block]) -> None:
        for block in blocks:
            for item in block.items:
                if isinstance(item, Block):
                    walk([item])
                    continue
                index[item.id] = item
                for one in item.items:
                    index[one.id] = one
                for row in item.rows:
                    index[row.id] = row
                    walk(row.blocks)

    walk(page.blocks)
    return index


def _target(path: str, index: dict[str, Input | Row]) -> Input | Row | None:
    """The field an error belongs to: the field itself, else the nearest record or list that holds it."""
    probe = path
    while probe:
        if anchor(probe) in index:
            return index[anchor(probe)]
        shorter = LAST_SEGMENT.sub("", probe)
        if shorter == probe:
            break
        probe = shorter
    found = locate(path)
    return index.get(found[1]) if found else None
