"""Treaty-status predicates (Art. 53, 58, 61): is a State bound on a date, and how sure are we."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hague.rulebook import Rulebook


@dataclass(frozen=True)
class Bound:
    """Whether a State is bound on a date: True, False or None (the data cannot say)."""

    value: bool | None
    reason: str
    caution: str | None = None  # what to check, where the data is unverified or unknown


def contracting(book: Rulebook, code: str, day: dt.date) -> Bound:
    """Contracting(S, d): the Convention is in force for S on d (Art. 61, 62)."""
    record = book.state(code)
    name = book.state_name(code)
    table = book.states_file.meta.official_status_table
    if record is None or record.status == "not_party":
        return Bound(False, f"{name} is not a Contracting State (status data as of {book.status_as_of})")
    if record.status == "signed_only":
        return Bound(False, f"{name} has signed but not ratified the Convention")
    if record.denunciation_effective and record.denunciation_effective <= day:
        return Bound(False, f"the Convention ceased to bind {name} on {record.denunciation_effective}")
    if record.status == "unconfirmed":
        return Bound(None, f"{name}'s accession is not confirmed",
                     f"{name}'s accession is not confirmed; check the HCCH status table ({table})")
    eif = record.entry_into_force
    if eif is not None:
        caution = None
        if record.entry_into_force_status == "unverified":
            caution = f"entry into force for {name} ({eif}) is not confirmed by the sources; check the HCCH status table ({table})"
        if day >= eif:
            return Bound(True, f"in force for {name} since {eif}", caution)
        return Bound(False, f"the Convention enters into force for {name} only on {eif}, after {day}", caution)
    if record.in_force_by is not None and day >= record.in_force_by:
        return Bound(True, f"{name} was bound by {record.in_force_by} (exact date of entry into force not known)")
    return Bound(None, f"entry into force for {name} is not known",
                 f"entry into force for {name} not confirmed; check the HCCH status table ({table})")


def objected(book: Rulebook, a: str, b: str, day: dt.date) -> bool:
    """Art. 58(3): one of the two objected to the other's accession (objection in force on `day`)."""
    for x, y in ((a, b), (b, a)):
        record = book.state(x)
        if record is None:
            continue
        for decl in record.declarations:
            objection = decl.article == "58(3)" and y.split("-")[0] in decl.objected_to
            if objection and (decl.withdrawn is None or decl.withdrawn > day):
                return True
    return False


def in_force_between(book: Rulebook, a: str, b: str, day: dt.date) -> Bound:
    """InForceBetween(A, B, d): both bound on d and no Art. 58(3) objection between them."""
    first, second = contracting(book, a, day), contracting(book, b, day)
    for one in (first, second):
        if one.value is False:
            return one
    if objected(book, a, b, day):
        return Bound(False, f"an Art. 58(3) objection stands between {book.state_name(a)} and {book.state_name(b)}")
    if first.value is None or second.value is None:
        unsure = first if first.value is None else second
        return Bound(None, unsure.reason, unsure.caution)
    caution = first.caution or second.caution
    return Bound(True, f"in force between {book.state_name(a)} and {book.state_name(b)} on {day}", caution)


def declared(book: Rulebook, code: str, article: str, day: dt.date) -> bool | None:
    """Has the State a declaration or reservation under `article` in force on `day`? None: not known."""
    record = book.state(code)
    if record is None:
        return False
    for decl in record.declarations:
        started = decl.since is None or decl.since <= day
        if decl.article == article and started and (decl.withdrawn is None or decl.withdrawn > day):
            return True
    return False if record.declarations_known in ("complete", "none_listed") else None


def eu_binds(book: Rulebook, code: str, instrument: str = "brussels_iib") -> bool:
    """Is the State a Member State bound by the EU instrument (Denmark is not)?"""
    record = book.state(code)
    rules = getattr(book.instruments, instrument)
    return bool(record and record.eu_member and code.split("-")[0] not in rules.not_bound)
