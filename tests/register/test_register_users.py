"""Users, passwords, login sessions and the rate limit on failed logins, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from register_support import PASSWORD, add_users
from sqlalchemy import func, select

from hague.register import users
from hague.register.db import Database
from hague.register.errors import RegisterError
from hague.register.models import Event, Login, LoginFailure, Office, User


def test_users_are_stored_with_argon2_hashes_and_lower_case_names(database: Database) -> None:
    add_users(database, ("Kari.Nordmann", "caseworker", "Bergen"))
    with database.reading() as session:
        user = session.scalar(select(User))
        assert user is not None and user.username == "kari.nordmann" and user.office.name == "Bergen"
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
        office = session.scalar(select(Office))
        assert office is not None and office.four_eyes is True  # the safe default
        assert session.scalar(select(Event.kind)) == "user.created"


@pytest.mark.parametrize(("name", "role", "password", "field"), [
    ("x", "caseworker", PASSWORD, "username"), ("kari nordmann", "caseworker", PASSWORD, "username"),
    ("kari", "boss", PASSWORD, "role"), ("kari", "admin", "short", "password")])
def test_bad_user_data_is_refused_by_field(database: Database, name: str, role: str, password: str, field: str) -> None:
    with pytest.raises(RegisterError) as caught, database.transaction() as session:
        users.add_user(session, name, role, "Bergen", password)
    assert caught.value.field == field


def test_a_name_is_taken_once(database: Database) -> None:
    add_users(database, ("kari", "caseworker", "Bergen"))
    with pytest.raises(RegisterError, match="exists already"), database.transaction() as session:
        users.add_user(session, "KARI", "admin", "Oslo", PASSWORD)


def _login(db: Database, name: str, password: str, address: str = "10.0.0.1") -> User:
    with db.transaction() as session:
        return users.authenticate(session, name, password, address)


def _fail(db: Database, name: str, password: str, address: str = "10.0.0.1") -> users.Refused:
    with db.transaction() as session, pytest.raises(users.Refused) as caught:  # committed: the failure counts
        users.authenticate(session, name, password, address)
    return caught.value


def test_login_checks_the_password(database: Database) -> None:
    add_users(database, ("kari", "caseworker", "Bergen"))
    assert _login(database, " Kari ", PASSWORD).username == "kari"
    assert _fail(database, "kari", PASSWORD + "x").throttled is False
    assert _fail(database, "nobody", PASSWORD).throttled is False


def test_failed_logins_are_rate_limited_per_name_in_the_database(database: Database) -> None:
    add_users(database, ("kari", "caseworker", "Bergen"), ("rita", "reviewer", "Bergen"))
    for _ in range(users.NAME_LIMIT):
        assert _fail(database, "kari", "wrong password").throttled is False
    refused = _fail(database, "kari", PASSWORD)  # even the right password, until the window has passed
    assert refused.throttled and refused.retry_after is not None and refused.retry_after <= users.WINDOW
    assert _login(database, "rita", PASSWORD).username == "rita"  # other names are not locked out
    with database.reading() as session:
        hashes = session.scalars(select(LoginFailure.name_hash)).all()
        assert len(hashes) == users.NAME_LIMIT and "kari" not in hashes  # names only as hashes
    with database.transaction() as session:  # the window passes
        for failure in session.scalars(select(LoginFailure)):
            failure.at -= users.WINDOW
    assert _login(database, "kari", PASSWORD).username == "kari"
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == 0  # a success clears the name's failures


def test_failed_logins_are_rate_limited_per_address(database: Database) -> None:
    add_users(database, ("kari", "caseworker", "Bergen"))
    for i in range(users.ADDRESS_LIMIT):
        _fail(database, f"guess{i}", "wrong password", "10.9.9.9")
    assert _fail(database, "kari", PASSWORD, "10.9.9.9").throttled
    assert _login(database, "kari", PASSWORD, "10.1.1.1").username == "kari"


def test_login_sessions_end_on_logout_and_expire(database: Database) -> None:
    add_users(database, ("kari", "caseworker", "Bergen"))
    hour = dt.timedelta(hours=1)
    with database.transaction() as session:
        user = users.authenticate(session, "kari", PASSWORD, "-")
        first, second = users.start_login(session, user), users.start_login(session, user)
    with database.transaction() as session:
        assert users.user_of_login(session, first, hour) is not None
        users.end_login(session, first)
    with database.transaction() as session:
        assert users.user_of_login(session, first, hour) is None  # logged out for good
        assert users.user_of_login(session, "made-up", hour) is None
        login = session.get(Login, second)
        assert login is not None
        login.started_at -= 2 * hour
    with database.reading() as session:
        assert users.user_of_login(session, second, hour) is None  # older than the lifetime
        kinds = session.scalars(select(Event.kind).order_by(Event.id)).all()
        assert kinds == ["user.created", "user.login", "user.login", "user.logout"]
