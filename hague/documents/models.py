"""Typed models of the co-operation documents: one per document, built from case, assessment and details.

The models hold facts, not prose: codes (States, languages, Articles, vocabulary keys) that the
templates put into words in the document's language, and the user's free text as written. The
English text the engine produced (its reasons) is kept as such and marked as English.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hague.documents.details import Person
from hague.documents.i18n import Lang


class Block(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Note(Block):
    """A sentence of fixed text (an msgid) with its values; States are named in the reader's language."""

    text: str
    states: dict[str, str] = Field(default_factory=dict)  # State codes, named in the reader's language
    terms: dict[str, str] = Field(default_factory=dict)  # vocabulary msgids, translated
    values: dict[str, str] = Field(default_factory=dict)  # shown as given

    def render(self, lang: Lang) -> str:
        params = {**self.values, **{k: lang._(v) for k, v in self.terms.items()}, **{k: lang.state(v) for k, v in self.states.items()}}
        return lang._(self.text) % params if params else lang._(self.text)


class SenderBlock(Block):
    state: str
    authority: str | None
    address: str | None
    contact: str | None
    email: str | None
    phone: str | None


class AddresseeBlock(Block):
    """Who receives the document, as the assessment routes it, with where the data comes from."""

    state: str
    kind: Literal["central_authority", "competent_authority", "designated_authority", "parties"]
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    source: Literal["rules", "details", "none"] = "none"
    verified: bool = False
    via_central_authority_of: str | None = None  # Art. 8 / 9: directly or through this State's Central Authority
    parties: list[Person] = Field(default_factory=list)


class ArticleRef(Block):
    citation: str  # "Art. 33(2)"
    number: str  # "33"
    title: str | None  # English title from rules/articles.yaml; translated by the catalogues
    general: bool = False  # a provision every letter relies on (Art. 37, 41-43, 54), listed apart


class ChildBlock(Block):
    name: str | None
    birth_date: dt.date | None
    age: int | None
    nationalities: list[str]
    habitual_residence: str | None
    resident_since: dt.date | None
    present_in: str | None
    address: str | None
    languages: list[str]


class Ground(Block):
    """The sending authority's jurisdiction as the assessment found it."""

    state: str
    article: str
    basis: str
    reasons: list[str]  # English, from the engine


class LanguageBlock(Block):
    """Art. 54: the document's languages, what the receiving State requires, and the free text's language."""

    document: str
    second: str | None
    receiving_state: str
    required: list[str]
    fallback: list[str]
    objected: list[str]
    status: Literal["official", "fallback", "other"]
    written_in: str | None


class MeasureRow(Block):
    index: int
    state: str
    type: str
    date: dt.date | None
    article: str | None


class ProceedingRow(Block):
    state: str
    kind: str
    commenced: dt.date
    status: str
    measures: list[str]


class Letter(Block):
    """What every co-operation document carries."""

    document: str
    action: str
    article: str
    mandatory: bool
    date: dt.date
    our_reference: str | None
    their_reference: str | None
    sender: SenderBlock
    addressee: AddresseeBlock
    legal_basis: list[ArticleRef]
    official_text: str
    child: ChildBlock
    persons: list[Person]
    ground: Ground | None
    reasons: str | None
    request: str | None
    reply_by: dt.date | None
    attachments: list[str]
    languages: LanguageBlock
    art37_recorded_on: dt.date | None  # None: Art. 37 does not govern this document
    notes: list[Note]
    extra: dict[str, str]


class Art8Request(Letter):
    """Art. 8(1): request that another State assume jurisdiction (and Art. 9(1), the mirror request)."""

    heads: list[str]  # the Art. 8(2) heads that make the State eligible: "8(2)(a)" ...
    measures_in_view: list[str]  # measure types
    proceedings: list[ProceedingRow]


class Art8Invitation(Art8Request):
    """Art. 8(1) second indent / Art. 9(1) second indent: invitation to the parties."""


class Art9Request(Art8Request):
    """Art. 9(1): request to the State of habitual residence for authorisation to exercise jurisdiction."""


class Art9Invitation(Art8Request):
    """Art. 9(1), second indent."""


class Art31cLocate(Letter):
    believed_in: str
    removal_date: dt.date | None
    removal_from: str | None


class Art32Report(Letter):
    connections: list[str]  # nationality, substantial_connection, property, former_residence
    asked: Literal["report", "measures", "both"]


class Art33Consultation(Letter):
    measure_type: str
    placement_state: str
    measure_date: dt.date | None
    consent: bool | None


class Art33ConsentReply(Art33Consultation):
    """The receiving authority's answer to an Art. 33 consultation, as a form to fill in and return."""

    decision: Literal["consent", "refusal"] | None


class Art34Information(Letter):
    measure_type: str | None
    through_central_authority: bool


class Art35Assistance(Letter):
    measures: list[MeasureRow]


class Art35AccessFinding(Letter):
    parent_state: str
    residence_state: str


class Art36Danger(Letter):
    moved_to: str
    measure_type: str | None
    measures: list[MeasureRow]
    non_contracting: bool


class Art40Certificate(Letter):
    pr_law_state: str | None
    pr_law_article: str | None
    measures: list[MeasureRow]
    holders: list[Person]


class RecognitionRow(Block):
    measure: MeasureRow
    recognised: bool | None
    grounds_for_refusal: list[str]
    to_check: list[str]
    reasons: list[str]  # English, from the engine


class Art24Recognition(Letter):
    recognitions: list[RecognitionRow]


class Art26Enforceability(Art24Recognition):
    pass
