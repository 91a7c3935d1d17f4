"""The working state of one assessment: the facts, the rulebook, and what has been found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hague.calendar import age_on
from hague.case import Case, Proceeding
from hague.engine import status
from hague.engine.findings import (
    Flag,
    FlagKind,
    JurisdictionFinding,
    Missing,
    NotCompetent,
    Regime,
    TraceStep,
    TransferOption,
)
from hague.rulebook import Rulebook

if TYPE_CHECKING:
    from hague.engine.abduction import Retention

Tri = bool | None


def all_of(*values: Tri) -> Tri:
    """Three-valued AND: False wins, then unknown."""
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def any_of(*values: Tri) -> Tri:
    """Three-valued OR: True wins, then unknown."""
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


@dataclass
class Ctx:
    case: Case
    book: Rulebook
    as_of: dt.date
    t_m: dt.date  # the measure date: age, Art. 53(1) and jurisdiction are tested on it
    findings: list[JurisdictionFinding] = field(default_factory=list)
    excluded: dict[str, NotCompetent] = field(default_factory=dict)
    transfer_options: list[TransferOption] = field(default_factory=list)
    missing: dict[str, Missing] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    regimes: dict[str, Regime] = field(default_factory=dict)
    retention: Retention | None = None  # set once Art. 7 has been examined
    _cautioned: set[str] = field(default_factory=set)

    # -- facts -------------------------------------------------------------------------
    def hr_at(self, day: dt.date) -> str | None:
        """The habitual residence on `day` ('unknown' = cannot be established; None = not recorded)."""
        current = None
        for entry in self.case.habitual_residence:
            if entry.from_ <= day:
                current = entry.state
        return current

    def previous_residences(self, day: dt.date) -> list[tuple[str, dt.date]]:
        """Earlier habitual residences (state, the date it ended), most recent last."""
        entries = [e for e in self.case.habitual_residence if e.from_ <= day]
        return [(e.state, entries[i + 1].from_) for i, e in enumerate(entries[:-1])]

    def age(self) -> int | None:
        birth = self.case.child.birth_date
        return age_on(birth, self.t_m) if birth and self.t_m >= birth else None

    def name(self, code: str) -> str:
        return self.book.state_name(code)

    def pending(self, state: str, before: dt.date | None = None) -> list[Proceeding]:
        """Proceedings about the child still under consideration in `state`."""
        return [
            p for p in self.case.proceedings
            if p.state == state and p.kind != "return" and p.status == "pending"
            and (before is None or p.commenced < before)
        ]

    # -- treaty status -----------------------------------------------------------------
    def bound(self, code: str, day: dt.date | None = None) -> Tri:
        """Contracting(S, d), flagging once any State whose status the data cannot confirm."""
        result = status.contracting(self.book, code, day or self.t_m)
        if result.caution and code not in self._cautioned:
            self._cautioned.add(code)
            self.flag("data", result.caution, ["Art. 53(1)", "Art. 61"])
        if result.value is None:
            self.need(f"rules.states.{code.split('-')[0]}.entry_into_force",
                      f"whether the Convention is in force for {self.name(code)} decides its findings",
                      f"Since when is the Convention in force for {self.name(code)}? (HCCH status table)")
        return result.value

    def bound_reason(self, code: str, day: dt.date | None = None) -> str:
        return status.contracting(self.book, code, day or self.t_m).reason

    # -- recording ---------------------------------------------------------------------
    def need(self, fact: str, why: str, question: str | None = None) -> str:
        """Record a missing fact with the question that decides it; returns the fact path."""
        if fact not in self.missing:
            q = self.book.question(fact)
            text = question or (q.text if q else f"What is {fact}?")
            self.missing[fact] = Missing(fact=fact, why=why, question=text)
        return fact

    def flag(self, kind: FlagKind, text: str, citations: list[str] | None = None) -> None:
        if all(f.text != text for f in self.flags):
            self.flags.append(Flag(kind=kind, text=text, citations=citations or []))

    def step(self, step: str, outcome: str, citations: list[str], **facts: Any) -> None:
        shown = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in facts.items()}
        self.trace.append(TraceStep(step=step, outcome=outcome, facts=shown, citations=citations))

    def add(self, finding: JurisdictionFinding) -> JurisdictionFinding:
        self.findings.append(finding)
        self.excluded.pop(finding.state, None)
        return finding

    def exclude(self, state: str, reason: str, citations: list[str]) -> None:
        """Record that `state` is not competent (unless a finding already gives it jurisdiction)."""
        if any(f.state == state for f in self.findings):
            return
        entry = self.excluded.setdefault(state, NotCompetent(state=state, reasons=[], citations=[]))
        if reason not in entry.reasons:
            entry.reasons.append(reason)
        entry.citations.extend(c for c in citations if c not in entry.citations)

    def general(self) -> list[JurisdictionFinding]:
        """Findings of general jurisdiction (Art. 5, 6, 7 or their EU equivalents)."""
        return [f for f in self.findings if f.basis in GENERAL_BASES or f.article in EU_GENERAL]

    def has_finding(self, state: str) -> bool:
        return any(f.state == state for f in self.findings)


EU_GENERAL = ("BIIb 7(1)", "BIIb 9", "BIIb 11", "BIIa 8(1)", "BIIa 10", "BIIa 13")
GENERAL_BASES = ("habitual_residence", "presence_displaced", "presence_unknown_residence",
                 "retained_after_wrongful_removal")
