"""Between a step's form and the case data (hague-case/1 shape): parse, convert, and the values to show again.

A step's form becomes a *tree*: each question's field maps to its text (or list of texts), a records
question to a list of row dicts keyed by the field's name in the record. The tree becomes the case
fragment of the step; answers to questions not asked (their condition is false) and objects that
say nothing beyond the format's defaults are *parked*: kept beside the case so they come back.
Values are stored as typed, even when invalid: validation is the case model's job, not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticUndefined
from werkzeug.datastructures import MultiDict

from hague.rules_check import case_fields
from hague.rules_schema import Question, Step
from hague.web.helpers import book
from hague.web.wizard_steps import controller, record_fields, sub_name, top_questions

Raw = str | list[str]
MISSING = object()
_LISTS = ("states", "measure_types")
_TRI = {"yes": True, "no": False, "unknown": None}


@dataclass
class Built:
    """A step's answers converted: the case fragment, the gates' answers, the parked answers."""

    fragment: dict[str, Any] = field(default_factory=dict)
    gates: dict[str, str] = field(default_factory=dict)
    parked: dict[str, Raw] = field(default_factory=dict)


# ----------------------------------------------------------------------------- paths in case data


def _parts(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path)]


def get_path(data: Any, path: str) -> Any:
    """The value at a path such as 'removal.return_request.lodged' or 'habitual_residence[1].from'; MISSING if absent."""
    for part in _parts(path):
        found = (isinstance(part, int) and isinstance(data, list) and part < len(data)) or (
            isinstance(part, str) and isinstance(data, dict) and part in data)
        if not found:
            return MISSING
        data = data[part]
    return data


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted path (no list indices), creating the objects on the way."""
    *heads, last = path.split(".")
    for head in heads:
        child = data.get(head)
        if not isinstance(child, dict):
            child = data[head] = {}
        data = child
    data[last] = value


def delete_path(data: dict[str, Any], path: str) -> bool:
    """Remove the key a path names; False when there is none."""
    parts = _parts(path)
    parent_path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts[:-1]).lstrip(".")
    parent = get_path(data, parent_path) if parent_path else data
    last = parts[-1]
    if isinstance(last, str) and isinstance(parent, dict) and last in parent:
        del parent[last]
        return True
    return False


# ----------------------------------------------------------------------------- form -> tree


def _read(question: Question, form: MultiDict[str, str], name: str) -> Raw:
    if question.kind in _LISTS:
        return [v for v in form.getlist(name)]
    return form.get(name, "")


def parse_form(step: Step, form: MultiDict[str, str]) -> dict[str, Any]:
    """The step's answers as typed: {field: text or [texts], records field: [{name: text}, ...]}."""
    tree: dict[str, Any] = {}
    for q in top_questions(step):
        if q.kind != "records":
            tree[q.field] = _read(q, form, q.field)
            continue
        pattern = re.compile(re.escape(q.field) + r"\[(\d+)\]\.")
        indices = sorted({int(m.group(1)) for key in form for m in [pattern.match(key)] if m})
        tree[q.field] = [{sub_name(s): _read(s, form, f"{q.field}[{i}].{sub_name(s)}") for s in record_fields(step, q)}
                         for i in indices]
    return tree


def _empty(value: Any) -> bool:
    if isinstance(value, list):
        return all(_empty(v) for v in value)
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or str(value).strip() == ""


def compact(tree: dict[str, Any]) -> dict[str, Any]:
    """Rows left entirely empty are dropped (an unused 'Add another' row is not a record)."""
    return {k: [row for row in v if not _empty(row)] if isinstance(v, list) and v and isinstance(v[0], dict) else v
            for k, v in tree.items()}


# ----------------------------------------------------------------------------- tree -> case


def convert(question: Question, raw: Raw) -> tuple[bool, Any]:
    """(given?, value in the case) for one answer; text that fits no option is kept as typed."""
    if question.kind in _LISTS:
        items = [v.strip() for v in (raw if isinstance(raw, list) else [raw]) if v.strip()]
        return bool(items), items
    text = raw.strip() if isinstance(raw, str) else ""
    if not text:
        return False, None
    if question.kind == "text_list":
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return bool(lines), lines
    if question.kind == "yes_no":
        return True, _TRI.get(text, text)
    if question.kind == "choice":
        return True, next((o.value for o in question.options if str(o.value) == text), text)
    return True, text


def is_active(step: Step, question: Question, answer_of: Any) -> bool:
    """Whether a question is asked, given `answer_of(field) -> form text` for the step's (or the row's) answers."""
    parent = controller(step, question)
    if parent is None or question.when is None:
        return True
    if not is_active(step, parent, answer_of):
        return False
    value = answer_of(parent.field)
    if question.when.filled:
        return not _empty(value)
    if question.when.art33_abroad:
        measure = book().measures.get(value if isinstance(value, str) else "")
        return measure is not None and measure.art33_abroad
    return value in question.when.values


def build(step: Step, tree: dict[str, Any]) -> Built:
    """The case fragment of a step from its tree."""
    out = Built()
    for q in top_questions(step):
        if q.kind == "records":
            rows = [_build_row(step, q, i, row, out) for i, row in enumerate(tree.get(q.field) or [])]
            if rows:
                out.fragment[q.field] = rows
            continue
        raw = tree.get(q.field, "")
        if not is_active(step, q, lambda f: tree.get(f, "")):
            _park(out, q.field, raw)
        elif q.kind == "gate":
            if raw in ("yes", "no"):
                out.gates[q.field] = str(raw)
            if raw == "yes":
                set_path(out.fragment, q.field, {})
        else:
            given, value = convert(q, raw)
            if given:
                set_path(out.fragment, q.field, value)
    for root in list(out.fragment):
        _prune(out, root, out.fragment, root)
    return out


def _build_row(step: Step, records: Question, index: int, row: dict[str, Raw], out: Built) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for q in record_fields(step, records):
        name, raw = sub_name(q), row.get(sub_name(q), "")
        if not is_active(step, q, lambda f: row.get(f.split("[].", 1)[-1], "")):
            _park(out, f"{records.field}[{index}].{name}", raw)
            continue
        given, value = convert(q, raw)
        if given:
            result[name] = value
    return result


def _park(out: Built, path: str, raw: Raw) -> None:
    if not _empty(raw):
        out.parked[path] = raw


def _prune(out: Built, path: str, parent: dict[str, Any], key: str) -> None:
    """Drop an object (not opened by a gate) whose answers all equal the format's defaults: it says nothing."""
    value = parent[key]
    if not isinstance(value, dict) or path in out.gates:
        return
    for name in list(value):
        _prune(out, f"{path}.{name}", value, name)
    infos = case_fields()
    defaults = [infos.get(f"{path}.{name}") for name in value]
    if all(info is not None and info.default is not PydanticUndefined and info.default == value[name]
           for name, info in zip(value, defaults, strict=True)):
        for name, given in value.items():
            out.parked[f"{path}.{name}"] = shown(given, None)
        del parent[key]


# ----------------------------------------------------------------------------- case -> form text


def shown(value: Any, question: Question | None) -> Raw:
    """A case value as the form shows it again."""
    if value is MISSING:
        return [] if question is not None and question.kind in _LISTS else ""
    if question is not None and question.kind in _LISTS:
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if question is not None and question.kind == "text_list" and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if value is True or value is False or value is None:
        return {True: "yes", False: "no", None: "unknown"}[value]
    return str(value)


def merge(case: dict[str, Any], step: Step, fragment: dict[str, Any]) -> dict[str, Any]:
    """The case with this step's fields replaced by the fragment (other steps' answers untouched)."""
    from hague.web.wizard_steps import roots

    merged = {k: v for k, v in case.items() if k not in roots(step)}
    for root in roots(step):
        if root in fragment:
            merged[root] = _keep_unknown(case.get(root), fragment[root], root)
    return ordered(merged)


def ordered(case: dict[str, Any]) -> dict[str, Any]:
    """The case's top-level fields in the order of the format (unknown keys last)."""
    order = ["format", *dict.fromkeys(p.split(".")[0].split("[")[0] for p in case_fields())]
    return dict(sorted(case.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def _keep_unknown(old: Any, new: Any, path: str) -> Any:
    """Keys the format does not know (from an uploaded file) stay until the user discards them on the review page."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return new
    known = case_fields()
    kept = {k: v for k, v in old.items() if f"{path}.{k}" not in known}
    for k, v in new.items():
        kept[k] = _keep_unknown(old.get(k), v, f"{path}.{k}")
    return kept
