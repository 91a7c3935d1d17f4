"""Correspondence details (format hague-details/1): the people and the letter, kept apart from the case.

A case can be shared for training or review without names; the details carry the personal data a
document needs. Every field is optional: a document drafted without them shows visible gaps.

Fields added to the formats.md contract (all optional):
- ``addressee``: the receiving authority's name and address, when the user knows better than
  ``rules/states.yaml`` (the document then shows it instead of the rules data, without a warning);
- ``written_in``: the language the free text is written in (ISO 639-1; default: the first official
  language of the sending State);
- ``date``: the date of the letter (default: the case's ``as_of``);
- ``extra``: per-document fields (``EXTRA_FIELDS`` lists them for each document).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from hague.case import FieldError
from hague.yamlio import YamlError, load_path

DETAILS_FORMAT = "hague-details/1"
_LANG = re.compile(r"^[a-z]{2,3}$")
Text = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int | float | dt.date) else v)]

# Per-document fields of `extra:` (free text unless noted). Documents show them in their own section.
EXTRA_FIELDS: dict[str, tuple[str, ...]] = {
    "art8_transfer_request": ("scope", "proceedings"),
    "art8_invitation_to_parties": ("scope", "proceedings"),
    "art9_transfer_request": ("scope", "proceedings"),
    "art9_invitation_to_parties": ("scope", "proceedings"),
    "art31c_locate_child": ("description", "last_known_address", "believed_location"),
    "art32_report_request": ("asked", "connection"),  # asked: report | measures | both
    "art33_placement_consultation": ("report_on_child", "proposed_carers", "carers_assessment", "duration", "financing",
                                     "supervision", "contact", "child_views", "immigration_status"),
    "art33_consent_reply": ("decision", "decided_on", "deciding_authority", "conditions"),  # decision: consent | refusal
    "art34_information_request": ("purpose",),
    "art35_implementation_assistance": ("assistance",),
    "art35_2_access_finding": ("parent", "access_proceedings"),
    "art36_danger_notice": ("measures", "believed_location"),
    "art40_certificate": ("holder", "capacity", "powers", "basis"),
    "art24_advance_recognition": ("applicant", "measure_authority", "measure_reference"),
    "art26_enforceability": ("applicant", "measure_authority", "measure_reference", "enforcement_sought"),
}


class DetailsError(ValueError):
    """Correspondence details that cannot be used: every problem with its field path."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sender(_In):
    authority: Text | None = None
    address: Text | None = None
    contact: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class ChildDetails(_In):
    name: Text | None = None
    address: Text | None = None
    languages: list[str] = Field(default_factory=list)


class Person(_In):
    name: Text
    role: Text | None = None  # mother, father, guardian, foster_parent, applicant, ... (free text allowed)
    address: Text | None = None
    parental_responsibility: bool | None = None


class Details(_In):
    """What a document needs beyond the legal facts (format hague-details/1)."""

    format: Literal["hague-details/1"] = "hague-details/1"
    sender: Sender = Sender()
    addressee: Sender | None = None
    our_reference: Text | None = None
    their_reference: Text | None = None
    child: ChildDetails = ChildDetails()
    persons: list[Person] = Field(default_factory=list)
    reasons: Text | None = None
    request: Text | None = None
    reply_by: dt.date | None = None
    attachments: list[Text] = Field(default_factory=list)
    language: str | None = None
    written_in: str | None = None
    date: dt.date | None = None
    extra: dict[str, Text | list[Text]] = Field(default_factory=dict)

    @field_validator("language", "written_in")
    @classmethod
    def _iso639(cls, value: str | None) -> str | None:
        if value is not None and not _LANG.match(value):
            raise ValueError("must be an ISO 639-1 language code such as en, fr or nb")
        return value

    def text(self, key: str) -> str | None:
        """An `extra` field as one text (a list is joined line by line)."""
        value = self.extra.get(key)
        if isinstance(value, list):
            return "\n".join(value) or None
        return value or None


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("str", "list[str]", "function-before[<lambda>(), str]") or part.startswith(("function-", "list[")):
            continue
        else:
            out += ("." if out else "") + part
    return out or "(details)"


def parse_details(data: Any, action: str | None = None) -> Details:
    """Validate raw details; with `action`, also check the `extra` keys that document understands."""
    if data is None:
        return Details()
    if not isinstance(data, dict):
        raise DetailsError([FieldError(path="(details)", message="details must be a mapping of fields (YAML or JSON object)")])
    try:
        details = Details.model_validate(data)
    except ValidationError as exc:
        seen: dict[str, FieldError] = {}
        for err in exc.errors():
            message = "is not a field of hague-details/1" if err["type"] == "extra_forbidden" else err["msg"].removeprefix(
                "Value error, ")
            shown = err.get("input") if isinstance(err.get("input"), str | int | float | bool) else None
            error = FieldError(path=_path(err["loc"]), value=shown, message=message)
            seen.setdefault(error.path, error)
        raise DetailsError(list(seen.values())) from None
    if action is not None:
        check_extra(details, action)
    return details


def check_extra(details: Details, document: str) -> None:
    """The `extra` keys must be fields the document understands (EXTRA_FIELDS)."""
    allowed = EXTRA_FIELDS.get(document, ())
    bad = [FieldError(path=f"extra.{key}", value=key,
                      message=f"is not an extra field of {document}; allowed: {', '.join(allowed) or 'none'}")
           for key in details.extra if key not in allowed]
    if bad:
        raise DetailsError(bad)


def read_details_file(path: Path, action: str | None = None) -> Details:
    """Load a YAML or JSON details file."""
    try:
        data = load_path(path)
    except YamlError as exc:
        raise DetailsError([FieldError(path="(file)", message=str(exc))]) from None
    return parse_details(data, action)
