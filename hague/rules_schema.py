"""Typed, frozen models of the rules files (rules/*.yaml): the rulebook's vocabulary."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Frozen(BaseModel):
    """Base for rules data: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- states.yaml

StateStatus = Literal["contracting", "ratified_not_in_force", "signed_only", "unconfirmed", "not_party"]
EifStatus = Literal["verified", "single_source", "computed", "unverified", "unknown"]
DeclarationArticle = Literal[
    "23/26/52", "29", "34(2)", "40(3)", "44", "54(2)", "55", "58(3)", "59", "other"
]
DeclarationsKnown = Literal["complete", "partial", "content_not_seen", "none_listed"]


class Instrument(Frozen):
    type: Literal["ratification", "accession", "acceptance", "approval"] | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD: some deposits are known to the month
    assumed_type: bool = False

    @field_validator("date", mode="before")
    @classmethod
    def _partial_date(cls, value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        if value is not None and not _PARTIAL_DATE.match(str(value)):
            raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD")
        return value


class Declaration(Frozen):
    """One declaration, reservation, designation or objection, in our own words."""

    article: DeclarationArticle
    kind: Literal["declaration", "reservation", "designation", "objection", "notification"]
    content_seen: bool
    note: str
    objects_to_language: Literal["en", "fr"] | None = None  # Art. 54(2)
    property_categories: str | None = None  # Art. 55(2); None: all property, or not known
    excluded_units: tuple[str, ...] = ()  # Art. 59: ISO codes the Convention does not extend to
    objected_to: tuple[str, ...] = ()  # Art. 58(3): States whose accession this State objected to
    since: dt.date | None = None
    withdrawn: dt.date | None = None  # Art. 60(3)
    sources: tuple[str, ...] = ()


class CentralAuthority(Frozen):
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    verified: bool = False
    multiple: bool = False  # Art. 29(2): several authorities, one receiving for onward transmission
    other_authorities: tuple[str, ...] = ()
    note: str | None = None
    sources: tuple[str, ...] = ()


class StateRecord(Frozen):
    """One State: its treaty status, declarations, Central Authority and languages."""

    name: str
    status: StateStatus
    signature: dt.date | None = None
    instrument: Instrument = Instrument()
    entry_into_force: dt.date | None = None
    entry_into_force_status: EifStatus = "unknown"
    in_force_by: dt.date | None = None  # a date on which a source already shows it bound
    denunciation_effective: dt.date | None = None
    declarations_known: DeclarationsKnown = "none_listed"
    declarations: tuple[Declaration, ...] = ()
    central_authority: CentralAuthority = CentralAuthority()
    languages: tuple[str, ...] = Field(min_length=1)  # ISO 639-1 (or 639-3) codes, official
    eu_member: bool = False
    legal_units: bool = False  # several territorial legal systems (Art. 47-48): ask for the unit
    hcch1980: bool | None = None
    verification: dict[str, str] = Field(default_factory=dict)
    notes: str | None = None

    @model_validator(mode="after")
    def _eif_consistent(self) -> StateRecord:
        if self.entry_into_force is None and self.entry_into_force_status != "unknown":
            raise ValueError("entry_into_force_status must be 'unknown' when entry_into_force is null")
        if self.entry_into_force is not None and self.entry_into_force_status == "unknown":
            raise ValueError("entry_into_force is given: say how it is known (verified, ...)")
        return self


class Source(Frozen):
    url: str
    what: str


class StatesMeta(Frozen):
    status_as_of: dt.date  # the newest source consulted: later accessions are not known
    general_entry_into_force: dt.date
    official_status_table: str
    sources: dict[str, Source] = Field(default_factory=dict)


class StatesFile(Frozen):
    meta: StatesMeta
    states: dict[str, StateRecord]


# --------------------------------------------------------------------------- measures.yaml

MeasureGroup = Literal[
    "parental_responsibility",
    "custody_access",
    "guardianship_representation",
    "placement",
    "supervision",
    "property",
    "in_home_support",
    "other_protective",
    "excluded",
]


class Measure(Frozen):
    """A kind of measure and where the Convention puts it."""

    label: str
    description: str
    group: MeasureGroup
    convention: tuple[str, ...] = ()  # Art. 3 letters ("3(e)") or "1(1)(a)"
    excluded_by: str | None = None  # an Art. 4 letter ("4(b)")
    art33_abroad: bool = False  # a placement of this kind in another Contracting State needs Art. 33
    local_names: dict[str, str] = Field(default_factory=dict)  # ISO 639 code -> local name
    aliases: tuple[str, ...] = ()
    debatable: str | None = None  # why the classification is open to argument

    @model_validator(mode="after")
    def _one_classification(self) -> Measure:
        if bool(self.convention) == bool(self.excluded_by):
            raise ValueError("give either 'convention' (Art. 1/3) or 'excluded_by' (Art. 4), not both")
        if self.excluded_by and self.art33_abroad:
            raise ValueError("an excluded matter cannot trigger Art. 33")
        return self


class MeasuresFile(Frozen):
    measures: dict[str, Measure]


# --------------------------------------------------------------------------- articles.yaml


class Article(Frozen):
    title: str
    summary: str  # one paragraph in our own words, never the treaty text


class ArticleSet(Frozen):
    """The Articles of one instrument that the engine may cite."""

    name: str
    citation_prefix: str  # "Art." (1996 Convention), "BIIb", "1980 Art."
    official_text: str  # link to the official text
    articles: dict[str, Article]


class ArticlesFile(Frozen):
    instruments: dict[str, ArticleSet]


# --------------------------------------------------------------------------- instruments.yaml


class EuInstrument(Frozen):
    name: str
    applies_from: dt.date  # to proceedings instituted on or after this date
    applies_until: dt.date | None = None
    not_bound: tuple[str, ...] = ()  # EU Member States the instrument does not bind (Denmark)
    modelled_articles: tuple[str, ...] = ()
    official_text: str


class OtherInstrument(Frozen):
    name: str
    official_text: str
    age_limit: int | None = None


class InstrumentsFile(Frozen):
    brussels_iib: EuInstrument
    brussels_iia: EuInstrument
    hcch1980: OtherInstrument
    hcch2000_adults: OtherInstrument


# --------------------------------------------------------------------------- questions.yaml


InputKind = Literal[
    "date", "state", "state_or_unknown", "states", "yes_no", "gate", "choice",
    "measure_type", "measure_types", "text", "text_list", "records",
]
_TRI = ("yes", "no", "unknown")
_LISTS = ("states", "measure_types", "text_list")


class Option(Frozen):
    """One answer a `choice` offers (or the wording of yes / no / unknown)."""

    value: str | int
    label: str


class Condition(Frozen):
    """When a question is asked: another answer of its step has one of `values`, is given, or names an Art. 33 placement."""

    field: str  # a question of the same step; inside a record, a field of the same record ("proceedings[].kind")
    values: tuple[str, ...] = ()  # form values: yes, no, unknown, or a choice's values
    art33_abroad: bool = False  # the measure type chosen needs Art. 33 when the placement is abroad
    filled: bool = False  # the other question has any answer

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if [bool(self.values), self.art33_abroad, self.filled].count(True) != 1:
            raise ValueError("give one of 'values', 'art33_abroad: true' or 'filled: true'")
        return self


class Question(Frozen):
    """One question of the wizard: the case field it fills, its wording and its input."""

    field: str  # the case field it fills, e.g. "removal.whereabouts_known"; "habitual_residence[].from" in a record
    text: str
    label: str  # the fact in plain words (review page, error messages)
    kind: InputKind
    help: str | None = None
    help_points: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    unknown_label: str | None = None  # state_or_unknown: how "unknown" is offered
    when: Condition | None = None
    required: bool = False  # the wizard insists on an answer
    default: Literal["today"] | None = None
    add_label: str | None = None  # records and lists: the "add another" button
    item_label: str | None = None  # records: the heading of one record ("Period")
    min_rows: int = Field(default=0, ge=0, le=1)  # records: show one empty record when there is none
    heading: str | None = None  # a sub-heading shown before the question (long steps)
    unanswered: str | None = None  # what an unanswered question means, for the review page ("taken as no")

    @model_validator(mode="after")
    def _fits_kind(self) -> Question:
        values = [str(o.value) for o in self.options]
        if self.kind == "choice" and not self.options:
            raise ValueError(f"{self.field}: a choice needs options")
        if self.kind in ("yes_no", "gate") and not set(values) <= set(_TRI if self.kind == "yes_no" else _TRI[:2]):
            words = ", ".join(_TRI if self.kind == "yes_no" else _TRI[:2])
            raise ValueError(f"{self.field}: the options of a {self.kind} can only reword {words}")
        if self.options and self.kind not in ("choice", "yes_no", "gate"):
            raise ValueError(f"{self.field}: only choice, yes_no and gate questions take options")
        if len(set(values)) != len(values):
            raise ValueError(f"{self.field}: two options have the same value")
        checks = (
            (self.unknown_label is not None, self.kind == "state_or_unknown", "unknown_label"),
            (self.default is not None, self.kind == "date", "default"),
            (self.add_label is not None, self.kind in (*_LISTS, "records"), "add_label"),
            (self.item_label is not None or self.min_rows > 0, self.kind == "records", "item_label and min_rows"),
            (self.required, "[]" not in self.field and self.kind not in ("records", "gate"), "required"),
        )
        for given, allowed, name in checks:
            if given and not allowed:
                raise ValueError(f"{self.field}: {name} does not fit a {self.kind} question")
        if self.field.count("[]") > 1 or (self.field.endswith("[]")):
            raise ValueError(f"{self.field}: a record field is written 'records[].field' (one level)")
        return self

    @property
    def record(self) -> str | None:
        """The records question this question belongs to ('habitual_residence'), if any."""
        return self.field.split("[]", 1)[0] if "[]" in self.field else None

    @property
    def root(self) -> str:
        """The top-level case field it fills ('removal' for 'removal.date')."""
        return re.split(r"[.\[]", self.field, maxsplit=1)[0]

    def option_values(self) -> tuple[str, ...]:
        """The form values this question can give (yes/no/unknown for yes_no and gate)."""
        if self.kind == "yes_no":
            return _TRI
        if self.kind == "gate":
            return _TRI[:2]
        return tuple(str(o.value) for o in self.options)


class Step(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    intro: str | None = None
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _records_and_conditions(self) -> Step:
        seen: dict[str, Question] = {}
        for q in self.questions:
            if q.record is not None:
                parent = seen.get(q.record)
                if parent is None or parent.kind != "records":
                    raise ValueError(f"{q.field}: must follow the records question '{q.record}' in step {self.id}")
            if q.when is not None:
                _check_condition(q, seen, self.id)
            seen[q.field] = q
        return self


def _check_condition(q: Question, seen: dict[str, Question], step: str) -> None:
    assert q.when is not None
    controller = seen.get(q.when.field)
    if controller is None:
        raise ValueError(f"{q.field}: 'when' names '{q.when.field}', which is not an earlier question of step {step}")
    if controller.record not in (None, q.record):
        raise ValueError(f"{q.field}: 'when' can name only a field of the same record")
    if q.when.art33_abroad and controller.kind != "measure_type":
        raise ValueError(f"{q.field}: 'art33_abroad' needs a measure_type question")
    unknown = set(q.when.values) - set(controller.option_values())
    if unknown:
        raise ValueError(f"{q.field}: 'when' values {sorted(unknown)} are not answers of '{controller.field}'")


class QuestionsFile(Frozen):
    steps: tuple[Step, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> QuestionsFile:
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("two steps have the same id")
        fields: set[str] = set()
        owner: dict[str, str] = {}
        for step in self.steps:
            for q in step.questions:
                if q.field in fields:
                    raise ValueError(f"{q.field}: asked twice")
                fields.add(q.field)
                if owner.setdefault(q.root, step.id) != step.id:
                    raise ValueError(f"{q.field}: every field of '{q.root}' must be asked in one step ({owner[q.root]})")
        return self


# --------------------------------------------------------------------------- requests.yaml


class RequestKind(Frozen):
    """One co-operation action: its Article, whether it is a duty, and what the letter must carry."""

    article: str
    title: str
    mandatory: bool
    addressee: Literal["central_authority", "competent_authority", "designated_authority", "parties"]
    art44_designee: bool = False  # the receiving State may have designated an authority (Art. 44)
    to_non_contracting: bool = False  # may go to a State not bound by the Convention (Art. 36)
    document: bool = True  # a draft can be rendered for it
    art37_gate: bool = True  # an authority's request or transmission: Art. 37 must be assessed first
    content: tuple[str, ...]  # what the request must contain (checklist for the documents)


class RequestsFile(Frozen):
    requests: dict[str, RequestKind]
