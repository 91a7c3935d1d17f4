"""The list of States on a date, as `hague states --json`, the API and the reference pages show it.

One row per State of rules/states.yaml: its treaty status on the date (from hague.engine.status,
never recomputed here), how the entry into force is known, EU / Brussels IIb, the Articles it made
declarations under, its Central Authority and languages.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from hague.engine import status as treaty
from hague.rulebook import Rulebook
from hague.rules_schema import EifStatus


class StateRow(BaseModel):
    """One State on one date (a row of `hague states --json` and of GET /api/v1/states)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(description="ISO 3166-1 alpha-2 code")
    name: str
    in_force: bool | None = Field(description="the Convention binds the State on the date; null: the data cannot say")
    in_force_reason: str = Field(description="why, in words")
    entry_into_force: dt.date | None
    entry_into_force_status: EifStatus = Field(description="how the entry-into-force date is known")
    caution: str | None = Field(description="what to check before relying on the status, where the data is unverified")
    eu_member: bool
    brussels_iib: bool = Field(description="an EU Member State bound by Brussels IIb (Denmark is not)")
    declarations: list[str] = Field(description="the Articles of its declarations, reservations and objections")
    central_authority: str | None = Field(description="name of the Central Authority, where known")
    central_authority_verified: bool
    languages: list[str] = Field(description="official languages (ISO 639 codes)")


class StatesListing(BaseModel):
    """The States on a date, with the date the status data is current to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date
    status_data_as_of: dt.date = Field(description="rules/states.yaml knows no accession after this date")
    states: list[StateRow]


def state_row(book: Rulebook, code: str, day: dt.date) -> StateRow:
    """The row of one State of the rulebook on `day`."""
    record = book.states[code]
    bound = treaty.contracting(book, code, day)
    return StateRow(
        code=code, name=record.name, in_force=bound.value, in_force_reason=bound.reason,
        entry_into_force=record.entry_into_force, entry_into_force_status=record.entry_into_force_status,
        caution=bound.caution, eu_member=record.eu_member, brussels_iib=treaty.eu_binds(book, code),
        declarations=[d.article for d in record.declarations],
        central_authority=record.central_authority.name, central_authority_verified=record.central_authority.verified,
        languages=list(record.languages),
    )


def state_rows(book: Rulebook, day: dt.date, show_all: bool = False) -> list[StateRow]:
    """Every State in code order; without `show_all`, only those bound on `day` or not surely unbound."""
    rows = [state_row(book, code, day) for code in sorted(book.states)]
    return rows if show_all else [r for r in rows if r.in_force is not False]


def listing(book: Rulebook, day: dt.date, show_all: bool = False) -> StatesListing:
    """The rows of `state_rows` with the dates they speak for."""
    return StatesListing(as_of=day, status_data_as_of=book.status_as_of, states=state_rows(book, day, show_all))
