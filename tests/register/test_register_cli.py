"""`hague users add`, `hague offices set`, `hague db upgrade`: on the app's own database, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from hague.cli import main
from hague.register import migrate, users
from hague.register.db import open_database
from hague.register.models import Office, User


@pytest.fixture
def run(register_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", register_url)
    monkeypatch.setenv("HAGUE_INSTANCE", str(tmp_path / "instance"))
    return CliRunner()


def test_the_first_admin_is_created_with_a_prompted_password(run: CliRunner, register_url: str) -> None:
    result = run.invoke(main, ["users", "add", "Anne", "--role", "admin", "--office", "Barnevernet Bergen"],
                        input="the admin's password\nthe admin's password\n")
    assert result.exit_code == 0, result.output
    assert "created anne (admin) in office Barnevernet Bergen" in result.output
    assert "the admin's password" not in result.output  # not echoed
    db = open_database(register_url)
    with db.reading() as session:
        user = session.scalar(select(User))
        assert user is not None and user.role == "admin" and user.password_hash.startswith("$argon2id$")
    db.dispose()
    listed = run.invoke(main, ["users", "list"])
    assert "anne" in listed.output and "Barnevernet Bergen" in listed.output


def test_a_password_can_be_set_again(run: CliRunner, register_url: str) -> None:
    assert run.invoke(main, ["users", "add", "kari", "--role", "caseworker", "--password", "the first password"]).exit_code == 0
    changed = run.invoke(main, ["users", "password", "KARI"], input="the second password\nthe second password\n")
    assert changed.exit_code == 0 and "password set for kari" in changed.output
    db = open_database(register_url)
    with db.transaction() as session:
        assert users.authenticate(session, "kari", "the second password", "-").username == "kari"
    db.dispose()
    assert run.invoke(main, ["users", "password", "nobody", "--password", "whatever long"]).exit_code == 2


def test_bad_users_are_refused_with_exit_2(run: CliRunner) -> None:
    short = run.invoke(main, ["users", "add", "kari", "--role", "caseworker", "--password", "short"])
    assert short.exit_code == 2 and "password: must be at least 10 characters long" in short.output
    assert run.invoke(main, ["users", "add", "kari", "--role", "boss", "--password", "long enough pw"]).exit_code == 2


def test_offices_can_turn_four_eyes_off(run: CliRunner, register_url: str) -> None:
    assert run.invoke(main, ["offices", "set", "Oslo", "--no-four-eyes"]).exit_code == 0
    assert "Oslo" in run.invoke(main, ["offices", "list"]).output
    db = open_database(register_url)
    with db.reading() as session:
        office = session.scalar(select(Office).where(Office.name == "Oslo"))
        assert office is not None and office.four_eyes is False
    db.dispose()


def test_db_upgrade_creates_the_default_sqlite_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("HAGUE_INSTANCE", str(tmp_path / "inst"))
    first = CliRunner().invoke(main, ["db", "upgrade"])
    assert first.exit_code == 0 and "schema empty -> 0001" in first.output
    assert (tmp_path / "inst" / "hague.sqlite3").is_file()  # where the app looks for it
    again = CliRunner().invoke(main, ["db", "upgrade"])
    assert "schema up to date (0001)" in again.output
    db = open_database(f"sqlite:///{tmp_path / 'inst' / 'hague.sqlite3'}", upgrade=False)
    assert migrate.current(db.engine) == "0001"
    db.dispose()


def test_an_unreachable_database_is_named_without_its_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://hague:secret@127.0.0.1:1/hague")
    result = CliRunner().invoke(main, ["users", "list"])
    assert result.exit_code == 3 and "Cannot open the register's database" in result.output and "secret" not in result.output
