"""Cases and their versions: save an assessment, add a version, search, change status, due date, caseworker.

Every save validates the facts (hague-case/1), fixes the date the assessment speaks for (`as_of`,
today when the facts leave it open) and stores the facts with the engine's assessment of them and
the rulebook version, as a new numbered version: nothing already stored is changed. Every query
is scoped to the acting user's office, so a case of another office is simply not found.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from hague.engine import assess
from hague.intake import read_case
from hague.register import audit
from hague.register.errors import N_, NotAllowed, RegisterError
from hague.register.models import CASE_STATUSES, Case, CaseVersion, Letter, User, utcnow
from hague.rulebook import Rulebook

WRITERS = ("caseworker", "reviewer", "admin")  # roles that work on cases (a trainer does not)
_STATE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


def require_writer(actor: User) -> None:
    if actor.role not in WRITERS:
        raise NotAllowed(N_("your role (%(role)s) does not give access to the case register"), role=actor.role)


def assessed(data: Any, book: Rulebook, today: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    """The facts as given (with `as_of` fixed: today when missing) and their assessment, as JSON data.

    The facts are kept as the user gave them, not as the model fills them in, so reopening a case shows
    exactly what was answered (an unanswered question stays unanswered). CaseError when they are not valid.
    """
    facts = json.loads(json.dumps(data, default=str)) if isinstance(data, dict) else data
    if isinstance(facts, dict) and not facts.get("as_of"):
        facts["as_of"] = today.isoformat()
    case = read_case(facts, book)
    return facts, assess(case, book).to_json()


def _codes(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _codes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _codes(item)
    elif isinstance(value, str) and _STATE.match(value):
        yield value


def states_of(facts: dict[str, Any]) -> str:
    """Every State the facts name, as ' NO PL ' (the search column)."""
    codes = sorted(set(_codes(facts)))
    return f" {' '.join(codes)} " if codes else ""


def _text(field: str, value: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise RegisterError(field, N_("is required"))
    if len(value) > limit:
        raise RegisterError(field, N_("is too long: at most %(n)s characters"), n=limit)
    return value


def problems(reference: str, title: str) -> list[RegisterError]:
    """What is wrong with a new case's reference and title (all of it at once, for a form)."""
    found = []
    for field, value, limit in (("reference", reference, 80), ("title", title, 200)):
        try:
            _text(field, value, limit)
        except RegisterError as err:
            found.append(err)
    return found


def _caseworker(db: Session, actor: User, user_id: int | None) -> int | None:
    if user_id is None:
        return None
    user = db.get(User, user_id)
    if user is None or user.office_id != actor.office_id or user.role not in WRITERS or not user.active:
        raise RegisterError("caseworker", N_("choose a caseworker of your office"))
    return user.id


def _add_version(db: Session, actor: User, case: Case, data: Any, book: Rulebook, reason: str, today: dt.date) -> CaseVersion:
    facts, assessment = assessed(data, book, today)
    case.latest_version += 1
    version = CaseVersion(case_id=case.id, number=case.latest_version, facts=facts, assessment=assessment,
                          rules_version=book.version, as_of=dt.date.fromisoformat(facts["as_of"]), reason=reason,
                          created_by=actor.id)
    case.states = states_of(facts)
    case.updated_at = utcnow()
    db.add(version)
    db.flush()
    return version


def create(db: Session, actor: User, *, reference: str, title: str, data: Any, book: Rulebook,
           caseworker_id: int | None = None, due_on: dt.date | None = None, today: dt.date | None = None) -> Case:
    """A new case of the actor's office with its first version; RegisterError or CaseError on bad input."""
    require_writer(actor)
    reference, title = _text("reference", reference, 80), _text("title", title, 200)
    worker = _caseworker(db, actor, caseworker_id)
    if db.scalar(select(Case.id).where(Case.office_id == actor.office_id, Case.reference == reference)) is not None:
        raise RegisterError("reference", N_("your office already has a case with the reference %(ref)s"), ref=reference)
    case = Case(office_id=actor.office_id, reference=reference, title=title, caseworker_id=worker or actor.id,
                status="open", due_on=due_on, states="", latest_version=0)
    db.add(case)
    db.flush()
    version = _add_version(db, actor, case, data, book, "saved", today or dt.date.today())
    audit.record(db, actor, "case.created", case=case, detail=f"{reference}, version 1", rules_version=version.rules_version)
    return case


def add_version(db: Session, actor: User, case: Case, data: Any, book: Rulebook, reason: str = "reassessed",
                today: dt.date | None = None) -> CaseVersion:
    """A new version of the case's facts and assessment (the case should be loaded `for_update`)."""
    require_writer(actor)
    version = _add_version(db, actor, case, data, book, reason, today or dt.date.today())
    audit.record(db, actor, "case.version_added", case=case, detail=f"version {version.number} ({reason})",
                 rules_version=version.rules_version)
    return version


def get(db: Session, actor: User, case_id: int, *, for_update: bool = False) -> Case | None:
    """The case, if it belongs to the actor's office (None otherwise: another office's case does not exist for them)."""
    require_writer(actor)
    query = select(Case).where(Case.id == case_id, Case.office_id == actor.office_id)
    return db.scalar(query.with_for_update(of=Case) if for_update else query)


def latest(db: Session, case: Case) -> CaseVersion:
    version = db.scalar(select(CaseVersion).where(CaseVersion.case_id == case.id, CaseVersion.number == case.latest_version))
    assert version is not None, "a case always has a version"
    return version


def version(db: Session, case: Case, number: int) -> CaseVersion | None:
    return db.scalar(select(CaseVersion).where(CaseVersion.case_id == case.id, CaseVersion.number == number))


def versions(db: Session, case: Case) -> list[CaseVersion]:
    """Every version, newest first."""
    return list(db.scalars(select(CaseVersion).where(CaseVersion.case_id == case.id).order_by(CaseVersion.number.desc())))


def references(db: Session, actor: User, ids: set[int]) -> dict[int, str]:
    """The references of these cases of the actor's office, by id."""
    if not ids:
        return {}
    rows = db.execute(select(Case.id, Case.reference).where(Case.id.in_(ids), Case.office_id == actor.office_id))
    return {case_id: ref for case_id, ref in rows}


def awaiting_since() -> Any:
    """Per case: the earliest reply-by date of its letters sent and not yet answered (a correlated subquery)."""
    return (select(func.min(Letter.reply_by)).where(Letter.case_id == Case.id, Letter.status == "sent")
            .correlate(Case).scalar_subquery())


def search(db: Session, actor: User, *, text: str = "", state: str = "", status: str = "", caseworker_id: int | None = None,
           limit: int = 200) -> list[tuple[Case, dt.date | None]]:
    """The office's cases matching every criterion given, with the earliest reply awaited; soonest due first."""
    require_writer(actor)
    reply = awaiting_since().label("reply_by")
    query: Select[Case, dt.date | None] = select(Case, reply).where(Case.office_id == actor.office_id)
    if text.strip():
        pattern = f"%{text.strip().lower()}%"
        query = query.where(func.lower(Case.reference).like(pattern) | func.lower(Case.title).like(pattern))
    if state.strip():
        query = query.where(Case.states.like(f"% {state.strip().upper()} %"))
    if status:
        query = query.where(Case.status == status)
    if caseworker_id is not None:
        query = query.where(Case.caseworker_id == caseworker_id)
    query = query.order_by(Case.status == "closed", func.coalesce(Case.due_on, reply).asc().nulls_last(),
                           Case.updated_at.desc()).limit(limit)
    return [(found, reply_by) for found, reply_by in db.execute(query)]


class _Keep:
    """The value of an argument meaning "leave as it is" (None means "clear")."""


KEEP = _Keep()


def _shown(db: Session, field: str, value: object) -> str:
    if value is None:
        return "-"
    if field == "caseworker_id":
        user = db.get(User, value)
        return user.username if user else "-"
    return str(value)


def update(db: Session, actor: User, case: Case, *, title: str | None = None, status: str | None = None,
           due_on: dt.date | _Keep | None = KEEP, caseworker_id: int | None = None) -> list[str]:
    """Change what is given; one audit event per change. Returns the names of the fields changed."""
    require_writer(actor)
    rules = latest(db, case).rules_version
    changes: list[tuple[str, object, object]] = []
    if title is not None and _text("title", title, 200) != case.title:
        changes.append(("title", case.title, title.strip()))
    if status is not None and status != case.status:
        if status not in CASE_STATUSES:
            raise RegisterError("status", N_("must be one of %(statuses)s"), statuses=", ".join(CASE_STATUSES))
        changes.append(("status", case.status, status))
    if not isinstance(due_on, _Keep) and due_on != case.due_on:
        changes.append(("due_on", case.due_on, due_on))
    if caseworker_id is not None and caseworker_id != case.caseworker_id:
        changes.append(("caseworker_id", case.caseworker_id, _caseworker(db, actor, caseworker_id)))
    for field, before, after in changes:
        setattr(case, field, after)
        detail = "title changed" if field == "title" else f"{_shown(db, field, before)} -> {_shown(db, field, after)}"
        audit.record(db, actor, f"case.{field.removesuffix('_id').removesuffix('_on')}", case=case, detail=detail,
                     rules_version=rules)
    if changes:
        case.updated_at = utcnow()
    return [field for field, _, _ in changes]
