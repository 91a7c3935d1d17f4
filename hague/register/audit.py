"""The audit trail: who did what, when, on which case, under which rulebook version.

Events are only ever added (`record`) and read (`for_case`, `for_office`): there is no function that
changes or removes one, and the database refuses UPDATE and DELETE on the table (a trigger, see the
first migration). An event's `detail` says what happened in our own words and references (a
version number, a letter's document and State); it never copies names or free text from the
letters, so the trail can be shown to every user of the office.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hague.register.models import Case, Event, Letter, User


def record(db: Session, actor: User | None, kind: str, *, case: Case | None = None, letter: Letter | None = None,
           detail: str = "", rules_version: str | None = None, office_id: int | None = None) -> Event:
    """Append one event (in the caller's transaction, so it is written together with what it records)."""
    event = Event(user_id=actor.id if actor else None, username=actor.username if actor else "(system)",
                  office_id=case.office_id if case else (office_id or (actor.office_id if actor else None)),
                  case_id=case.id if case else None, letter_id=letter.id if letter else None,
                  kind=kind, detail=detail[:400], rules_version=rules_version)
    db.add(event)
    db.flush()
    return event


def for_case(db: Session, case: Case) -> list[Event]:
    """A case's events, oldest first."""
    return list(db.scalars(select(Event).where(Event.case_id == case.id).order_by(Event.id)))


def for_office(db: Session, office_id: int, limit: int = 200) -> list[Event]:
    """The newest events of an office, newest first."""
    return list(db.scalars(select(Event).where(Event.office_id == office_id).order_by(Event.id.desc()).limit(limit)))
