"""The vocabulary of results (format hague-assessment/1): findings, citations, gaps, trace."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ASSESSMENT_FORMAT = "hague-assessment/1"

# The grounds of Art. 5-10 as an existing measure records them (`existing_measures[].article`).
ART_5_TO_10 = ("5", "5(1)", "5(2)", "6", "6(1)", "6(2)", "7", "8", "9", "10")
CHAPTER_II = (*ART_5_TO_10, "11", "12", "55")

Regime = Literal["hcch1996", "brussels_iib", "brussels_iia", "national_law", "none"]
Basis = Literal[
    "habitual_residence", "presence_displaced", "presence_unknown_residence",
    "retained_after_wrongful_removal", "transfer", "divorce_court", "urgency",
    "provisional_territorial", "property_reservation", "national_law", "brussels_iib",
]
Status = Literal["competent", "must_abstain", "lapsed", "ended"]
FlagKind = Literal["interpretation", "discretion", "data", "warning"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MeasureRef(Out):
    type: str
    article: str | None  # "3(e)", "1(1)(a)"; None when excluded


class Scope(Out):
    applies: bool
    child_age: int | None
    measure: MeasureRef | None
    excluded_by: str | None = None
    reasons: list[str]
    citations: list[str]


class RegimeFinding(Out):
    jurisdiction: Regime
    reasons: list[str]
    citations: list[str] = Field(default_factory=list)
    by_state: dict[str, Regime] = Field(default_factory=dict)  # the regime each State applies


class JurisdictionFinding(Out):
    state: str
    article: str
    basis: Basis
    status: Status = "competent"
    limits: str | None = None
    ends_when: str | None = None
    ends_on: dt.date | None = None  # the first day it no longer holds if nothing else changes, where computable
    reasons: list[str]
    citations: list[str]
    depends_on: list[str] = Field(default_factory=list)  # missing facts that could still change it


class NotCompetent(Out):
    state: str
    reasons: list[str]
    citations: list[str]


class TransferOption(Out):
    """A discretionary route under Art. 8 or 9, with the States eligible and why."""

    article: Literal["8", "9"]
    from_: str = Field(alias="from")
    to: str
    eligible_under: list[str]
    reasons: list[str]
    citations: list[str]


class ExistingMeasureStatus(Out):
    measure: int
    state: str
    status: Literal["in_force", "lapsed", "ended", "unknown"]
    reasons: list[str]
    citations: list[str]
    who_may_modify: list[str] = Field(default_factory=list)


class Missing(Out):
    fact: str
    why: str
    question: str


class Flag(Out):
    kind: FlagKind
    text: str
    citations: list[str] = Field(default_factory=list)


class TraceStep(Out):
    step: str
    outcome: str
    facts: dict[str, Any] = Field(default_factory=dict)
    citations: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- stage two


class LawPeriod(Out):
    """One period of a law timeline: which State's law governed, from when to when, and why."""

    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    state: str  # a State or unit code, or "unknown"
    article: str
    note: str | None = None


class LawFinding(Out):
    state: str | None  # None: cannot be determined on the facts
    article: str
    reasons: list[str]
    citations: list[str]
    timeline: list[LawPeriod] = Field(default_factory=list)


class MeasureLaw(Out):
    """Art. 15 for one State with jurisdiction: the law it applies, and the discretionary 15(2) option."""

    state: str
    article: str
    law_of: str
    options: list[str] = Field(default_factory=list)  # Art. 15(2): States whose law may be applied or considered
    reasons: list[str]
    citations: list[str]


class ApplicationLaw(Out):
    """Art. 15(3): the law governing how an existing measure is applied after a move."""

    measure: int
    state: str
    from_: dt.date = Field(alias="from")
    reasons: list[str]
    citations: list[str]


class ApplicableLaw(Out):
    measures: LawFinding | None
    by_state: list[MeasureLaw] = Field(default_factory=list)
    conditions_of_application: list[ApplicationLaw] = Field(default_factory=list)
    parental_responsibility: LawFinding
    acts: list[LawFinding] = Field(default_factory=list)  # Art. 16(2): agreements and unilateral acts
    exercise: LawFinding
    notes: list[str] = Field(default_factory=list)


class Recognition(Out):
    measure: int
    in_: str = Field(alias="in")
    regime: Literal["hcch1996", "brussels_iib", "brussels_iia", "national_law"]
    recognised: bool | None
    grounds_for_refusal: list[str]
    to_check: list[str]
    reasons: list[str]
    citations: list[str]
    routes: list[str]


class LanguagePlan(Out):
    """Art. 54: the languages a communication to the receiving State should be in."""

    state: str
    official: list[str]
    translate_to: list[str]  # an official language of the receiving State, first choice first
    fallback: list[str]  # English or French where translation into an official language is not feasible
    objected: list[str]  # Art. 54(2) objections of the receiving State
    note: str


class Action(Out):
    action: str
    article: str
    mandatory: bool
    from_: str = Field(alias="from")
    to: str
    addressee: Literal["central_authority", "competent_authority", "designated_authority", "parties"]
    addressee_name: str | None = None
    via: str | None = None  # routing: e.g. "the Central Authority of NO"
    document: str | None
    ready: bool
    blocked_by: list[str]
    reasons: list[str]
    citations: list[str]
    language: LanguagePlan | None = None
    notes: list[str] = Field(default_factory=list)
    blocks_decision: str | None = None  # a decision that must wait for this action's answer


class Assessment(Out):
    format: Literal["hague-assessment/1"] = "hague-assessment/1"
    as_of: dt.date
    measure_date: dt.date
    forum: str | None
    rules_version: str
    scope: Scope
    regime: RegimeFinding
    jurisdiction: list[JurisdictionFinding]
    not_competent: list[NotCompetent]
    transfer_options: list[TransferOption] = Field(default_factory=list)
    existing_measures: list[ExistingMeasureStatus] = Field(default_factory=list)
    applicable_law: ApplicableLaw | None = None
    recognition: list[Recognition] = Field(default_factory=list)
    cooperation: list[Action] = Field(default_factory=list)
    missing: list[Missing]
    flags: list[Flag]
    trace: list[TraceStep]

    def competent(self) -> list[JurisdictionFinding]:
        return [f for f in self.jurisdiction if f.status == "competent"]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
