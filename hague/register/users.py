"""Offices, users, passwords (argon2), login sessions and the rate limit on failed logins.

Failed logins are counted in the database, so the limit holds across every worker process and app
server sharing it: after `NAME_LIMIT` failures for one user name, or `ADDRESS_LIMIT` from one client
address, within `WINDOW`, further attempts are refused without checking the password until the
window has passed. Names and addresses of failures are kept only as hashes (a password typed into the
name field must not end up readable in the database).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hague.register import audit
from hague.register.errors import N_, RegisterError
from hague.register.models import ROLES, Login, LoginFailure, Office, User, utcnow

HASHER = PasswordHasher()
NAME_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW = dt.timedelta(minutes=15)
MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,79}$")
_DUMMY: dict[int, str] = {}  # per hasher: a hash verified for unknown names, so timing does not tell them apart


def _dummy() -> str:
    if id(HASHER) not in _DUMMY:
        _DUMMY[id(HASHER)] = HASHER.hash(secrets.token_hex(16))
    return _DUMMY[id(HASHER)]


def normal_name(username: str) -> str:
    return username.strip().lower()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise RegisterError("password", N_("must be at least %(n)s characters long"), n=MIN_PASSWORD)


def office_named(db: Session, name: str, *, create: bool = True, four_eyes: bool = True) -> Office:
    """The office called `name`, created (four eyes on) when missing and `create` is set."""
    office = db.scalar(select(Office).where(Office.name == name.strip()))
    if office is None:
        if not create:
            raise RegisterError("office", N_("there is no office called %(name)s"), name=name)
        office = Office(name=name.strip(), four_eyes=four_eyes)
        db.add(office)
        db.flush()
    return office


def add_user(db: Session, username: str, role: str, office_name: str, password: str, actor: User | None = None) -> User:
    """Create a user (the name is stored lower-case); RegisterError names the field that is wrong."""
    name = normal_name(username)
    if not _NAME.match(name):
        raise RegisterError("username", N_("use 2-80 letters, digits, dots, hyphens, underscores or @, starting with a "
                                           "letter or digit"))
    if role not in ROLES:
        raise RegisterError("role", N_("must be one of %(roles)s"), roles=", ".join(ROLES))
    check_password(password)
    if db.scalar(select(User.id).where(User.username == name)) is not None:
        raise RegisterError("username", N_("a user called %(name)s exists already"), name=name)
    office = office_named(db, office_name)
    user = User(username=name, password_hash=HASHER.hash(password), role=role, office_id=office.id, active=True)
    db.add(user)
    db.flush()
    audit.record(db, actor, "user.created", detail=f"{name} ({role}, office {office.name})", office_id=office.id)
    return user


def set_password(db: Session, user: User, password: str) -> None:
    check_password(password)
    user.password_hash = HASHER.hash(password)
    audit.record(db, None, "user.password_set", detail=user.username, office_id=user.office_id)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Refused(Exception):
    """A login refused: `throttled` (too many failures; try again after `retry_after`) or wrong name or password."""

    def __init__(self, throttled: bool, retry_after: dt.timedelta | None = None):
        super().__init__("too many failed logins" if throttled else "wrong name or password")
        self.throttled = throttled
        self.retry_after = retry_after


def _throttle(db: Session, name_hash: str, address: str, now: dt.datetime) -> dt.timedelta | None:
    """How long until another attempt is allowed (None: allowed now)."""
    since = now - WINDOW
    waits = []
    for column, key, limit in ((LoginFailure.name_hash, name_hash, NAME_LIMIT), (LoginFailure.address, address, ADDRESS_LIMIT)):
        count, oldest = db.execute(select(func.count(), func.min(LoginFailure.at))
                                   .where(column == key, LoginFailure.at > since)).one()
        if count >= limit and oldest is not None:
            waits.append(oldest + WINDOW - now)
    return max(waits) if waits else None


def authenticate(db: Session, username: str, password: str, address: str) -> User:
    """The active user with this name and password, or Refused; the caller commits either way (a failure is counted)."""
    now = utcnow()
    name_hash, address_hash = _digest(normal_name(username)), _digest(address)
    db.execute(delete(LoginFailure).where(LoginFailure.at < now - 4 * WINDOW))  # old failures no longer count
    wait = _throttle(db, name_hash, address_hash, now)
    if wait is not None:
        raise Refused(throttled=True, retry_after=wait)
    user = db.scalar(select(User).where(User.username == normal_name(username), User.active.is_(True)))
    try:
        HASHER.verify(user.password_hash if user else _dummy(), password)
        ok = user is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        db.add(LoginFailure(name_hash=name_hash, address=address_hash, at=now))
        db.flush()
        raise Refused(throttled=False)
    db.execute(delete(LoginFailure).where(LoginFailure.name_hash == name_hash))
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    return user


def start_login(db: Session, user: User) -> str:
    """Open a login session; the key goes into the browser's (signed) session cookie."""
    key = secrets.token_hex(32)
    db.add(Login(key=key, user_id=user.id, started_at=utcnow()))
    audit.record(db, user, "user.login")
    return key


def end_login(db: Session, key: str) -> None:
    login = db.get(Login, key)
    if login is not None and login.ended_at is None:
        login.ended_at = utcnow()
        audit.record(db, db.get(User, login.user_id), "user.logout")


def user_of_login(db: Session, key: str, lifetime: dt.timedelta) -> User | None:
    """The user of an open login session not older than `lifetime`; None when ended, expired or unknown."""
    login = db.get(Login, key)
    if login is None or login.ended_at is not None or login.started_at < utcnow() - lifetime:
        return None
    user = db.get(User, login.user_id)
    return user if user is not None and user.active else None


def office_users(db: Session, office_id: int) -> list[User]:
    """The active users of an office who can hold cases, by name."""
    return list(db.scalars(select(User).where(User.office_id == office_id, User.active.is_(True),
                                              User.role.in_(("caseworker", "reviewer", "admin"))).order_by(User.username)))
