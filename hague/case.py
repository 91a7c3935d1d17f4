"""The case (format hague-case/1): the facts of one child's situation, validated.

Every error names the field path (``habitual_residence[1].from``), the value given and
what is allowed. Unknown facts are ``null``, omitted, or the word ``unknown``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

CASE_FORMAT = "hague-case/1"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STATE = re.compile(r"^([A-Z]{2})(-[A-Z0-9]{1,3})?$")


class FieldError(BaseModel):
    """One problem with the input: where, what was given, what is allowed."""

    path: str
    value: Any = None
    message: str

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (given: {self.value!r})"
        return f"{self.path}: {self.message}{shown}"


class CaseError(ValueError):
    """The case cannot be assessed as given; `errors` says why, field by field."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


def _state_suggestion(value: str) -> str:
    try:
        country = pycountry.countries.lookup(value)
        return f"; did you mean {country.alpha_2} ({country.name})?"
    except LookupError:
        pass
    names = {c.name.lower(): c.alpha_2 for c in pycountry.countries}
    close = difflib.get_close_matches(value.lower(), list(names), n=1, cutoff=0.75)
    return f"; did you mean {names[close[0]]} ({close[0].title()})?" if close else ""


def check_state_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, optionally with an ISO 3166-2 unit (GB-SCT)."""
    text = str(value).strip()
    match = _STATE.match(text)
    if not match or pycountry.countries.get(alpha_2=match.group(1)) is None:
        raise ValueError(
            "not an ISO 3166-1 alpha-2 State code such as NO, PL or GB-SCT" + _state_suggestion(text)
        )
    if match.group(2) and pycountry.subdivisions.get(code=text) is None:  # type: ignore[no-untyped-call]
        raise ValueError(f"'{text}' is not an ISO 3166-2 unit of {match.group(1)}")
    return text


def _unknown_to_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "unknown":
        return None
    return value


def _strict_date(value: Any) -> Any:
    value = _unknown_to_none(value)
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("not a real calendar date (YYYY-MM-DD)") from None
    raise ValueError("must be a date written YYYY-MM-DD")


StateCode = Annotated[str, AfterValidator(check_state_code)]
IsoDate = Annotated[dt.date, BeforeValidator(_strict_date)]
MaybeDate = Annotated[dt.date | None, BeforeValidator(_strict_date)]
Tri = Annotated[bool | None, BeforeValidator(_unknown_to_none)]  # true / false / unknown


def _state_or_unknown(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "unknown":
        return "unknown"
    return value


StateOrUnknown = Annotated[Literal["unknown"] | StateCode, BeforeValidator(_state_or_unknown)]


class CaseModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Child(CaseModel):
    birth_date: MaybeDate = None
    expected_birth: MaybeDate = None
    nationalities: list[StateCode] = Field(default_factory=list)
    present_in: StateOrUnknown | None = None
    refugee_or_displaced: Tri = None
    property_in: list[StateCode] = Field(default_factory=list)
    substantial_connection: list[StateCode] = Field(default_factory=list)

    @model_validator(mode="after")
    def _birth(self) -> Child:
        if self.birth_date is None and self.expected_birth is None:
            raise ValueError("give birth_date (or expected_birth for a child not yet born)")
        if self.birth_date is not None and self.expected_birth is not None:
            raise ValueError("give birth_date or expected_birth, not both")
        return self


class Residence(CaseModel):
    state: StateOrUnknown
    from_: IsoDate = Field(alias="from")
    confidence: Literal["certain", "probable", "disputed"] | None = None


class ReturnRequest(CaseModel):
    lodged: IsoDate
    status: Literal["pending", "granted", "refused", "withdrawn"]


class Removal(CaseModel):
    kind: Literal["removal", "retention"]
    date: IsoDate
    from_: StateCode = Field(alias="from")
    to: StateCode
    breach_of_custody: Tri = None
    custody_exercised: Tri = None
    consented: Tri = None
    acquiesced: Tri = None
    acquiesced_on: MaybeDate = None
    whereabouts_known: MaybeDate = None
    return_request: ReturnRequest | None = None
    child_settled: Tri = None


ProceedingKind = Literal["protection", "divorce", "legal_separation", "annulment", "return"]
MATRIMONIAL = ("divorce", "legal_separation", "annulment")


class Proceeding(CaseModel):
    state: StateCode
    kind: ProceedingKind
    commenced: IsoDate
    measures: list[str] = Field(default_factory=list)
    status: Literal["pending", "decided", "declined", "ended"] = "pending"
    final_on: MaybeDate = None
    parent_habitually_resident_there: Tri = None
    parent_has_parental_responsibility: Tri = None
    accepted_by_parents_and_holders: Tri = None
    best_interests: Tri = None
    forum_law_allows: Tri = None

    @model_validator(mode="after")
    def _matrimonial_fields(self) -> Proceeding:
        art10 = (
            self.parent_habitually_resident_there,
            self.parent_has_parental_responsibility,
            self.accepted_by_parents_and_holders,
            self.best_interests,
            self.forum_law_allows,
        )
        if self.kind not in MATRIMONIAL and any(v is not None for v in art10):
            raise ValueError(
                "the Art. 10 conditions (parent_habitually_resident_there, ...) apply only to "
                "divorce, legal_separation or annulment proceedings"
            )
        if self.final_on is not None and self.final_on < self.commenced:
            raise ValueError(f"final_on {self.final_on} is before commenced {self.commenced}")
        return self


class Measure(CaseModel):
    type: str
    date: MaybeDate = None
    urgent: Tri = False
    provisional_territorial: Tri = False
    placement_state: StateCode | None = None
    urgency_reason: str | None = None
    art33_consent: Tri = None  # the receiving State's consent to a placement abroad (Art. 33(2))


class ExistingMeasure(CaseModel):
    state: StateCode
    type: str
    date: IsoDate
    article: str = "national"
    urgent: Tri = False
    provisional_territorial: Tri = False
    child_heard: Tri = None
    persons_not_heard: list[str] = Field(default_factory=list)
    art33_consulted: Tri = None
    art33_consent: Tri = None
    enforceable_in_origin: Tri = None
    recognition_sought_in: list[StateCode] = Field(default_factory=list)


class ParentalResponsibilityAct(CaseModel):
    kind: Literal["agreement", "unilateral_act"]
    effective: IsoDate
    made: MaybeDate = None


class Transfer(CaseModel):
    article: Literal[8, 9]
    from_: StateCode = Field(alias="from")
    to: StateCode
    requested: IsoDate
    status: Literal["pending", "accepted", "refused"] = "pending"
    decided: MaybeDate = None


class Danger(CaseModel):
    serious: Tri = False
    moved_to: StateCode | None = None


class Case(CaseModel):
    """One child's situation, as the law needs it (format hague-case/1)."""

    format: Literal["hague-case/1"] = "hague-case/1"
    as_of: MaybeDate = None
    forum: StateCode | None = None
    child: Child
    habitual_residence: list[Residence] = Field(default_factory=list)
    removal: Removal | None = None
    proceedings: list[Proceeding] = Field(default_factory=list)
    measure: Measure | None = None
    existing_measures: list[ExistingMeasure] = Field(default_factory=list)
    parental_responsibility_acts: list[ParentalResponsibilityAct] = Field(default_factory=list)
    transfers: list[Transfer] = Field(default_factory=list)
    access_parent_residence: StateCode | None = None
    information_held_in: list[StateCode] = Field(default_factory=list)
    danger: Danger = Danger()
    art37_no_risk: Tri = None
    third_party_transaction: Tri = None  # a third party dealt with a person acting for the child (Art. 19)

    @property
    def measure_date(self) -> dt.date:
        """The date the measure is (or will be) taken; the assessment date when no measure."""
        if self.measure is not None and self.measure.date is not None:
            return self.measure.date
        assert self.as_of is not None, "as_of must be set before assessment"
        return self.as_of


_SUB_MODELS = ("child", "removal", "return_request", "measure", "danger")  # fields holding a model, not a value


def _is_branch(part: str, previous: int | str | None) -> bool:
    """Pydantic's name of a union branch ('bool', 'date', 'function-after[...]'), as opposed to a field
    that happens to be called 'date' (removal.date, measure.date): a branch follows a value field."""
    if part.startswith(("function-", "literal[", "union[")):
        return True
    return part.startswith(("str", "bool", "date")) and isinstance(previous, str) and previous not in _SUB_MODELS


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _is_branch(part, previous):
            out += ("." if out else "") + ("from" if part == "from_" else part)
        previous = part
    return out or "(case)"


def _message(err: Any) -> str:
    kind, msg = str(err["type"]), str(err["msg"])
    if kind == "extra_forbidden":
        return "is not a field of hague-case/1 (check the spelling; see formats.md)"
    if kind == "missing":
        return "is required"
    if kind == "literal_error":
        return "must be one of " + msg.split("Input should be ", 1)[-1]
    if kind in ("bool_type", "bool_parsing"):
        return "must be true, false or unknown"
    return msg.removeprefix("Value error, ")


def _errors_from(exc: ValidationError) -> list[FieldError]:
    """One entry per field and message; of a field that may also be "unknown", the error of the real branch."""
    found: dict[str, list[tuple[bool, FieldError]]] = {}
    for err in exc.errors():
        unknown_branch = any(isinstance(p, str) and p.startswith("literal[") for p in err["loc"])
        item = FieldError(path=_path(err["loc"]), value=_shown(err.get("input")), message=_message(err))
        found.setdefault(item.path, []).append((unknown_branch, item))
    out: list[FieldError] = []
    for items in found.values():
        kept = [e for branch, e in items if not branch] or [e for _b, e in items]
        out += [e for i, e in enumerate(kept) if e.message not in {k.message for k in kept[:i]}]
    return out


def _shown(value: Any) -> Any:
    if isinstance(value, dict | list):
        return None  # the whole sub-document would drown the message
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def parse_case(data: Any) -> Case:
    """Validate raw data (from YAML, JSON or a form) into a Case, or raise CaseError."""
    if not isinstance(data, dict):
        raise CaseError([FieldError(path="(case)", message="a case must be a mapping of fields (YAML or JSON object)")])
    fmt = data.get("format", CASE_FORMAT)
    if fmt != CASE_FORMAT:
        raise CaseError([FieldError(path="format", value=fmt, message=f"must be {CASE_FORMAT}")])
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(_errors_from(exc)) from None
    errors = cross_checks(case)
    if errors:
        raise CaseError(errors)
    return case


def cross_checks(case: Case) -> list[FieldError]:
    """Checks that span several fields: order of dates, consistency of the story."""
    errors: list[FieldError] = []
    birth = case.child.birth_date
    errors += _residence_checks(case, birth)
    errors += _removal_checks(case, birth)
    for i, p in enumerate(case.proceedings):
        if case.as_of and p.commenced > case.as_of:
            errors.append(FieldError(path=f"proceedings[{i}].commenced", value=p.commenced.isoformat(),
                                     message=f"is after as_of {case.as_of}; record only proceedings already begun"))
    for i, m in enumerate(case.existing_measures):
        if case.as_of and m.date > case.as_of:
            errors.append(FieldError(path=f"existing_measures[{i}].date", value=m.date.isoformat(),
                                     message=f"is after as_of {case.as_of}; an existing measure must already be taken"))
    for i, t in enumerate(case.transfers):
        if t.from_ == t.to:
            errors.append(FieldError(path=f"transfers[{i}].to", value=t.to, message="must differ from 'from'"))
    if case.measure and case.measure.placement_state and case.measure.type and birth and case.measure.date and case.measure.date < birth:
        errors.append(FieldError(path="measure.date", value=case.measure.date.isoformat(), message="is before the birth date"))
    return errors


def _residence_checks(case: Case, birth: dt.date | None) -> list[FieldError]:
    errors: list[FieldError] = []
    if not case.habitual_residence and case.child.expected_birth is None:
        errors.append(FieldError(path="habitual_residence", message="at least one entry is required: where has the child lived, "
                                 "from when (state: unknown if it cannot be established)"))
    for i, r in enumerate(case.habitual_residence):
        if birth and r.from_ < birth:
            errors.append(FieldError(path=f"habitual_residence[{i}].from", value=r.from_.isoformat(),
                                     message=f"is before the birth date {birth}; a residence period cannot start before birth"))
        if case.as_of and r.from_ > case.as_of:
            errors.append(FieldError(path=f"habitual_residence[{i}].from", value=r.from_.isoformat(),
                                     message=f"is after as_of {case.as_of}; record only residence that has begun"))
        if i and r.from_ <= case.habitual_residence[i - 1].from_:
            errors.append(FieldError(path=f"habitual_residence[{i}].from", value=r.from_.isoformat(),
                                     message="must be later than the previous entry's 'from' (list oldest first)"))
    return errors


def _removal_checks(case: Case, birth: dt.date | None) -> list[FieldError]:
    r = case.removal
    if r is None:
        return []
    errors: list[FieldError] = []
    if r.from_ == r.to:
        errors.append(FieldError(path="removal.to", value=r.to, message="must differ from removal.from"))
    if birth and r.date < birth:
        errors.append(FieldError(path="removal.date", value=r.date.isoformat(), message=f"is before the birth date {birth}"))
    if case.as_of and r.date > case.as_of:
        errors.append(FieldError(path="removal.date", value=r.date.isoformat(), message=f"is after as_of {case.as_of}"))
    for name in ("whereabouts_known", "acquiesced_on"):
        value = getattr(r, name)
        if value is not None and value < r.date:
            errors.append(FieldError(path=f"removal.{name}", value=value.isoformat(),
                                     message=f"is before the {r.kind} on {r.date}"))
    if r.return_request and r.return_request.lodged < r.date:
        errors.append(FieldError(path="removal.return_request.lodged", value=r.return_request.lodged.isoformat(),
                                 message=f"is before the {r.kind} on {r.date}"))
    before = residence_before(case, r.date)
    if before is not None and before != r.from_:
        errors.append(FieldError(path="removal.from", value=r.from_,
                                 message=f"habitual_residence shows {before} immediately before the {r.kind} on {r.date}; "
                                         "removal.from must be the habitual residence immediately before"))
    return errors


def residence_before(case: Case, day: dt.date) -> str | None:
    """The habitual residence on the day before `day` (the state immediately before a removal)."""
    current = None
    for r in case.habitual_residence:
        if r.from_ < day:
            current = r.state
    return current


def suggest(value: str, allowed: list[str]) -> str:
    """A 'did you mean' hint for a mistyped key."""
    close = difflib.get_close_matches(value, allowed, n=1)
    return f"; did you mean {close[0]}?" if close else ""
