""""What if": change one fact of a scenario's case and compare the two assessments. No Flask.

A fact is named by its path in the hague-case/1 data (`child.present_in`, `habitual_residence[1].from`,
`habitual_residence[+]` to add an entry). The new value is written as in a case file (YAML: `NO`,
`2025-09-01`, `true`, `[NO, PL]`, `{state: SE, from: 2025-09-01}`); `unknown` makes a fact unknown.
The engine decides both cases; this module only compares what it found.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hague.engine.findings import Assessment
from hague.training import N_
from hague.yamlio import YamlError, loads

# Facts a trainer often wants to add when the case leaves them out: (path, the part that must exist).
COMMON_ABSENT: tuple[tuple[str, str], ...] = (
    ("forum", ""), ("child.present_in", "child"), ("child.refugee_or_displaced", "child"),
    ("child.nationalities", "child"), ("child.property_in", "child"), ("child.substantial_connection", "child"),
    ("habitual_residence[+]", ""), ("measure.type", ""), ("measure.date", "measure"), ("measure.urgent", "measure"),
    ("measure.provisional_territorial", "measure"), ("measure.placement_state", "measure"),
    ("measure.art33_consent", "measure"), ("removal.whereabouts_known", "removal"), ("removal.acquiesced", "removal"),
    ("removal.child_settled", "removal"), ("removal.return_request", "removal"), ("art37_no_risk", ""),
    ("danger.serious", ""), ("danger.moved_to", ""), ("access_parent_residence", ""), ("information_held_in", ""),
)
_PART = re.compile(r"^([a-z_0-9]+)(?:\[(\d+|\+)\])?$")


class WhatIfError(ValueError):
    """The fact or the value cannot be used; the message says why and what is allowed."""


@dataclass(frozen=True)
class FactOption:
    path: str
    current: str | None  # the value as written in the case; None: the case leaves the fact out


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    return "null" if value is None else str(value)


def _leaves(data: Any, prefix: str) -> list[FactOption]:
    if isinstance(data, dict):
        out = []
        for key, value in data.items():
            out += _leaves(value, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(data, list) and data and all(isinstance(v, dict) for v in data):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, f"{prefix}[{i}]")]
    return [FactOption(prefix, _shown(data))]


def fact_options(case_data: dict[str, Any]) -> list[FactOption]:
    """The facts of the case with their values, then common facts the case leaves out."""
    present = [f for f in _leaves(case_data, "") if f.path != "format"]
    known = {f.path for f in present}
    absent = [FactOption(path, None) for path, needs in COMMON_ABSENT
              if path not in known and (not needs or needs in case_data)
              and not any(k.startswith(path + ".") for k in known)]
    return present + absent


def parse_value(text: str) -> Any:
    """The new value, read as YAML the way case files are read (so NO stays Norway)."""
    if not text.strip():
        raise WhatIfError(N_("Enter the new value (write unknown to make the fact unknown)."))
    try:
        return loads(text, source="the new value")
    except YamlError as exc:
        raise WhatIfError(str(exc)) from None


def apply_change(case_data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the case with the fact at `path` set to `value` (missing parents are created)."""
    changed = copy.deepcopy(case_data)
    parts = path.split(".")
    node: Any = changed
    for depth, part in enumerate(parts):
        match = _PART.match(part)
        if match is None:
            raise WhatIfError(f"'{path}' is not a fact path (e.g. child.present_in or habitual_residence[1].from)")
        key, index = match.group(1), match.group(2)
        last = depth == len(parts) - 1
        if not isinstance(node, dict):
            raise WhatIfError(f"'{path}': {'.'.join(parts[:depth])} is not a group of facts")
        if index is None:
            if last:
                node[key] = value
            else:
                node = node.setdefault(key, {})
            continue
        items = node.setdefault(key, [])
        if not isinstance(items, list):
            raise WhatIfError(f"'{path}': {key} is not a list")
        if index == "+":
            if not last:
                raise WhatIfError(f"'{path}': add a whole entry, e.g. {key}[+] = {{state: SE, from: 2025-09-01}}")
            items.append(value)
        elif int(index) >= len(items):
            raise WhatIfError(f"'{path}': the case has {len(items)} {key} entries (numbered from 0)")
        elif last:
            items[int(index)] = value
        else:
            node = items[int(index)]
    return changed


@dataclass(frozen=True)
class Outline:
    """What a trainer compares between two assessments: each aspect as a set of comparable items."""

    scope: tuple[tuple[str, ...], ...]
    competent: tuple[tuple[str, ...], ...]
    must_abstain: tuple[tuple[str, ...], ...]
    ended: tuple[tuple[str, ...], ...]
    law: tuple[tuple[str, ...], ...]
    pr_law: tuple[tuple[str, ...], ...]
    actions: tuple[tuple[str, ...], ...]
    recognition: tuple[tuple[str, ...], ...]
    measures: tuple[tuple[str, ...], ...]


ASPECTS: tuple[str, ...] = ("scope", "competent", "must_abstain", "ended", "law", "pr_law", "actions", "recognition", "measures")


def outline(a: Assessment) -> Outline:
    law = a.applicable_law
    def seats(*statuses: str) -> tuple[tuple[str, ...], ...]:
        return tuple((f.state, f.article) for f in a.jurisdiction if f.status in statuses)

    return Outline(
        scope=(("applies" if a.scope.applies else "does_not_apply", a.scope.excluded_by or ""),),
        competent=seats("competent"), must_abstain=seats("must_abstain"), ended=seats("ended", "lapsed"),
        law=((law.measures.state or "unknown", law.measures.article),) if law and law.measures else (),
        pr_law=((law.parental_responsibility.state or "unknown", law.parental_responsibility.article),) if law else (),
        actions=tuple((c.action, c.from_, c.to, "must" if c.mandatory else "may") for c in a.cooperation),
        recognition=tuple((str(r.measure), r.in_, {True: "yes", False: "no", None: "unknown"}[r.recognised])
                          for r in a.recognition),
        measures=tuple((str(m.measure), m.status) for m in a.existing_measures))


@dataclass(frozen=True)
class Change:
    aspect: str
    removed: tuple[tuple[str, ...], ...]  # in the scenario's assessment only
    added: tuple[tuple[str, ...], ...]  # in the changed case's assessment only


def differences(before: Outline, after: Outline) -> list[Change]:
    """Per aspect, what the change removed and added; aspects that did not change are left out."""
    out = []
    for aspect in ASPECTS:
        old, new = getattr(before, aspect), getattr(after, aspect)
        removed = tuple(x for x in old if x not in new)
        added = tuple(x for x in new if x not in old)
        if removed or added:
            out.append(Change(aspect, removed, added))
    return out
