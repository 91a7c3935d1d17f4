"""The register's tables (SQLAlchemy 2 typed ORM): offices, users, cases and their versions, letters, answers, events.

Every version of a case's facts is kept with the assessment the engine gave for them and the rulebook
version that produced it, so the register can show later what the tool said on which day and why.
Personal data (names, addresses) lives only in a letter's details, never in the case facts.
The event table is append-only: the code has no update or delete path for it, and a database trigger
(see the migrations) refuses both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("caseworker", "reviewer", "admin", "trainer")
CASE_STATUSES = ("open", "waiting", "closed")  # waiting: for an answer to a letter
LETTER_STATUSES = ("draft", "reviewed", "sent", "answered")
DECISIONS = ("consent", "refusal")  # an Art. 33(2) answer

NAMING = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
          "ck": "ck_%(table_name)s_%(constraint_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
          "pk": "pk_%(table_name)s"}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment, stored as naive UTC (SQLite has no time zones) and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a moment must carry its time zone")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


JSONData = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Office(Base):
    """An office (a Central Authority unit, a child-welfare service): cases are visible only inside it."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    four_eyes: Mapped[bool] = mapped_column(Boolean, default=True)  # a second person reviews every letter
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)  # stored lower-case
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    office: Mapped[Office] = relationship(lazy="joined")


class Login(Base):
    """A login session: the browser's cookie holds only its random key; logout or expiry ends it for good."""

    __tablename__ = "logins"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LoginFailure(Base):
    """A failed login, for rate limiting (shared by every process on the database); the name is kept only as a hash."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_hash: Mapped[str] = mapped_column(String(64), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)  # the client address, hashed too
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("office_id", "reference", name="office_reference"),
                      Index("ix_cases_office_status", "office_id", "status"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    reference: Mapped[str] = mapped_column(String(80))  # our reference
    title: Mapped[str] = mapped_column(String(200))
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    states: Mapped[str] = mapped_column(String(400), default="")  # " NO PL " from the latest facts, for search
    latest_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    caseworker: Mapped[User | None] = relationship(lazy="joined")


class CaseVersion(Base):
    """One version of the facts with the assessment of them: never changed once written."""

    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "number", name="case_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONData)  # hague-case/1
    assessment: Mapped[dict[str, Any]] = mapped_column(JSONData)  # hague-assessment/1
    rules_version: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(40))  # saved, reassessed, art33_consent, art33_refusal
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class Letter(Base):
    """A drafted co-operation document: its PDF and the data it was drawn from."""

    __tablename__ = "letters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("case_versions.id"))
    document: Mapped[str] = mapped_column(String(60))  # a documents.KINDS key
    action: Mapped[str] = mapped_column(String(60))
    to_state: Mapped[str | None] = mapped_column(String(10), nullable=True)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSONData)  # hague-details/1: the personal data is here
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    reply_by: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    drafted_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    drafted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    sent_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Answer(Base):
    """An answer received to a letter: its date, a short note and, for Art. 33, the decision."""

    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id"), index=True)
    received_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    logged_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    logged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Event(Base):
    """The audit trail: who did what, when, on which case, under which rulebook version. Append-only."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(80))  # kept as written then, so the record reads on its own
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True, index=True)
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(40))  # e.g. case.created, letter.reviewed
    detail: Mapped[str] = mapped_column(String(400), default="")
    rules_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
