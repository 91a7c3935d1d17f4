"""The register's schema and case services, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from register_support import E4, add_users, with_facts
from sqlalchemy import select, text

from hague.case import CaseError
from hague.register import audit, cases, migrate
from hague.register.db import Database, open_database
from hague.register.errors import NotAllowed, RegisterError
from hague.register.models import Base, Case, Event, User
from hague.rulebook import Rulebook


def _user(db: Database, name: str) -> User:
    with db.reading() as session:
        user = session.scalar(select(User).where(User.username == name))
        assert user is not None
        return user


@pytest.fixture
def people(database: Database) -> dict[str, User]:
    add_users(database, ("kari", "caseworker", "Bergen"), ("rita", "reviewer", "Bergen"), ("olav", "caseworker", "Oslo"),
              ("tove", "trainer", "Bergen"))
    return {name: _user(database, name) for name in ("kari", "rita", "olav", "tove")}


def _save(db: Database, actor: User, book: Rulebook, reference: str = "BV-1", **kw: object) -> Case:
    with db.transaction() as session:
        return cases.create(session, actor, reference=reference, title="Placement abroad", data=kw.pop("data", E4), book=book,
                            **kw)  # type: ignore[arg-type]


def test_migrations_give_the_models_schema(database: Database) -> None:
    assert migrate.current(database.engine) == migrate.head() == "0001"
    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata) == []


def test_opening_again_changes_nothing(register_url: str) -> None:
    open_database(register_url).dispose()
    db = open_database(register_url)
    assert migrate.current(db.engine) == "0001"
    db.dispose()


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    assert (tmp_path / "r.sqlite3").stat().st_mode & 0o777 == 0o600  # personal data: the owner's only
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    database.dispose()


def test_a_saved_case_keeps_facts_assessment_and_rules_version(database: Database, people: dict[str, User],
                                                               book: Rulebook) -> None:
    case = _save(database, people["kari"], book)
    with database.reading() as session:
        version = cases.latest(session, case)
        assert version.number == 1 and version.reason == "saved"
        assert version.facts["measure"]["placement_state"] == "PL"
        assert version.rules_version == book.version == version.assessment["rules_version"]
        assert version.as_of == dt.date(2026, 3, 1)
        art33 = [a for a in version.assessment["cooperation"] if a["action"] == "art33_placement_consultation"]
        assert art33 and art33[0]["blocks_decision"]
        stored = session.get(Case, case.id)
        assert stored is not None and stored.states == " NO PL " and stored.caseworker_id == people["kari"].id
        events = audit.for_case(session, stored)
        assert [(e.kind, e.username, e.rules_version) for e in events] == [("case.created", "kari", book.version)]


def test_facts_without_a_date_are_assessed_as_of_today(database: Database, people: dict[str, User], book: Rulebook) -> None:
    facts = {k: v for k, v in E4.items() if k != "as_of"}
    case = _save(database, people["kari"], book, data=facts, today=dt.date(2026, 3, 20))
    with database.reading() as session:
        assert cases.latest(session, case).facts["as_of"] == "2026-03-20"


def test_invalid_facts_and_fields_are_refused_with_the_field(database: Database, people: dict[str, User],
                                                             book: Rulebook) -> None:
    bad = with_facts(habitual_residence=[{"state": "NO", "from": "2010-01-01"}])
    with pytest.raises(CaseError) as caught:
        _save(database, people["kari"], book, data=bad)
    assert caught.value.errors[0].path == "habitual_residence[0].from"
    with pytest.raises(RegisterError) as missing:
        _save(database, people["kari"], book, reference="  ")
    assert missing.value.field == "reference"
    _save(database, people["kari"], book)
    with pytest.raises(RegisterError) as twice:
        _save(database, people["kari"], book)
    assert twice.value.field == "reference" and "BV-1" in str(twice.value)
    _save(database, people["olav"], book)  # another office may use the same reference
    with pytest.raises(RegisterError) as foreign:
        _save(database, people["kari"], book, reference="BV-2", caseworker_id=people["olav"].id)
    assert foreign.value.field == "caseworker"
    with database.reading() as session:
        assert session.scalar(select(text("count(*)")).select_from(Case)) == 2


def test_versions_are_added_never_replaced(database: Database, people: dict[str, User], book: Rulebook) -> None:
    case = _save(database, people["kari"], book)
    changed = copy.deepcopy(E4)
    changed["measure"]["placement_state"] = "SE"
    with database.transaction() as session:
        locked = cases.get(session, people["rita"], case.id, for_update=True)
        assert locked is not None
        second = cases.add_version(session, people["rita"], locked, changed, book)
    assert second.number == 2
    with database.reading() as session:
        found = cases.versions(session, case)
        assert [v.number for v in found] == [2, 1]
        assert found[1].facts["measure"]["placement_state"] == "PL" and found[0].facts["measure"]["placement_state"] == "SE"
        stored = session.get(Case, case.id)
        assert stored is not None and stored.latest_version == 2 and stored.states == " NO PL SE "
        assert [e.kind for e in audit.for_case(session, stored)] == ["case.created", "case.version_added"]


def test_cases_are_seen_only_inside_their_office(database: Database, people: dict[str, User], book: Rulebook) -> None:
    case = _save(database, people["kari"], book)
    with database.reading() as session:
        assert cases.get(session, people["rita"], case.id) is not None
        assert cases.get(session, people["olav"], case.id) is None
        assert cases.search(session, people["olav"]) == []
        with pytest.raises(NotAllowed):
            cases.get(session, people["tove"], case.id)  # a trainer has no access to the register


def test_search_by_reference_state_status_and_caseworker(database: Database, people: dict[str, User], book: Rulebook) -> None:
    one = copy.deepcopy(E4)
    one["measure"]["placement_state"] = "DE"
    first = _save(database, people["kari"], book, reference="BV-2026-0001", data=one, due_on=dt.date(2026, 5, 1))
    other = copy.deepcopy(E4)
    other["measure"]["placement_state"] = "SE"
    second = _save(database, people["kari"], book, reference="BV-2026-0002", data=other, caseworker_id=people["rita"].id)
    with database.transaction() as session:
        stored = cases.get(session, people["kari"], second.id, for_update=True)
        assert stored is not None
        assert cases.update(session, people["kari"], stored, status="closed") == ["status"]

    def refs(**criteria: object) -> list[str]:
        with database.reading() as session:
            return [c.reference for c, _ in cases.search(session, people["kari"], **criteria)]  # type: ignore[arg-type]

    assert refs() == ["BV-2026-0001", "BV-2026-0002"]  # the open one, due soonest, first
    assert refs(text="0002") == ["BV-2026-0002"]
    assert refs(state="de") == ["BV-2026-0001"]
    assert refs(state="SE") == ["BV-2026-0002"]
    assert refs(state="PL") == ["BV-2026-0001", "BV-2026-0002"]
    assert refs(state="P") == []
    assert refs(status="closed") == ["BV-2026-0002"]
    assert refs(caseworker_id=people["rita"].id) == ["BV-2026-0002"]
    assert refs(text="placement", status="open") == ["BV-2026-0001"]
    assert first.due_on == dt.date(2026, 5, 1)


def test_changes_are_recorded_one_event_each(database: Database, people: dict[str, User], book: Rulebook) -> None:
    case = _save(database, people["kari"], book)
    with database.transaction() as session:
        stored = cases.get(session, people["kari"], case.id, for_update=True)
        assert stored is not None
        changed = cases.update(session, people["kari"], stored, status="waiting", due_on=dt.date(2026, 6, 1),
                               caseworker_id=people["rita"].id)
        assert changed == ["status", "due_on", "caseworker_id"]
        assert cases.update(session, people["kari"], stored, status="waiting") == []
        with pytest.raises(RegisterError):
            cases.update(session, people["kari"], stored, status="lost")
    with database.reading() as session:
        events = session.scalars(select(Event).where(Event.case_id == case.id).order_by(Event.id)).all()
        assert [(e.kind, e.detail) for e in events][1:] == [("case.status", "open -> waiting"),
                                                           ("case.due", "- -> 2026-06-01"), ("case.caseworker", "kari -> rita")]


@pytest.mark.parametrize("table", ["events", "case_versions"])
def test_the_database_refuses_to_change_or_delete_the_audit_trail(database: Database, people: dict[str, User], book: Rulebook,
                                                                  table: str) -> None:
    _save(database, people["kari"], book)
    with database.reading() as session:
        before = session.scalar(text(f"SELECT count(*) FROM {table}"))
    for statement in (f"UPDATE {table} SET created_at = created_at" if table == "case_versions" else
                      f"UPDATE {table} SET detail = 'rewritten'", f"DELETE FROM {table}"):
        with pytest.raises(Exception, match="append-only"), database.transaction() as session:
            session.execute(text(statement))
    with database.reading() as session:
        assert session.scalar(text(f"SELECT count(*) FROM {table}")) == before
        assert session.scalar(select(Event.detail).where(Event.kind == "case.created")) == "BV-1, version 1"


def test_database_errors_never_carry_the_values(database: Database, people: dict[str, User]) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as caught, database.transaction() as session:
        session.add(User(username="kari", password_hash="x", role="caseworker", office_id=people["kari"].office_id))
    assert "parameters hidden" in str(caught.value) and "'kari'" not in str(caught.value)
