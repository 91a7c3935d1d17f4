"""The register's first schema: offices, users, logins, cases, versions, letters, answers, events.

Revision ID: 0001
Revises:
Create Date: 2026-03-01
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONData = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
APPEND_ONLY = ("events", "case_versions")  # the audit trail, and the versions it points to


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _fk(name: str, table: str, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(f"{table}.id"), nullable=nullable)


def _moment(name: str, nullable: bool = False) -> sa.Column[dt.datetime]:
    return sa.Column(name, sa.DateTime(), nullable=nullable)


def _tables() -> None:
    op.create_table("offices", _id(), sa.Column("name", sa.String(120), nullable=False, unique=True),
                    sa.Column("four_eyes", sa.Boolean(), nullable=False), _moment("created_at"))
    op.create_table("users", _id(), sa.Column("username", sa.String(80), nullable=False, unique=True),
                    sa.Column("password_hash", sa.String(255), nullable=False), sa.Column("role", sa.String(20), nullable=False),
                    _fk("office_id", "offices"), sa.Column("active", sa.Boolean(), nullable=False), _moment("created_at"))
    op.create_table("logins", sa.Column("key", sa.String(64), primary_key=True), _fk("user_id", "users"),
                    _moment("started_at"), _moment("ended_at", nullable=True))
    op.create_index("ix_logins_user_id", "logins", ["user_id"])
    op.create_table("login_failures", _id(), sa.Column("name_hash", sa.String(64), nullable=False),
                    sa.Column("address", sa.String(64), nullable=False), _moment("at"))
    for column in ("name_hash", "address", "at"):
        op.create_index(f"ix_login_failures_{column}", "login_failures", [column])
    op.create_table("cases", _id(), _fk("office_id", "offices"), sa.Column("reference", sa.String(80), nullable=False),
                    sa.Column("title", sa.String(200), nullable=False), _fk("caseworker_id", "users", nullable=True),
                    sa.Column("status", sa.String(20), nullable=False), sa.Column("due_on", sa.Date(), nullable=True),
                    sa.Column("states", sa.String(400), nullable=False), sa.Column("latest_version", sa.Integer(), nullable=False),
                    _moment("created_at"), _moment("updated_at"),
                    sa.UniqueConstraint("office_id", "reference", name="office_reference"))
    op.create_index("ix_cases_office_status", "cases", ["office_id", "status"])
    op.create_table("case_versions", _id(), _fk("case_id", "cases"), sa.Column("number", sa.Integer(), nullable=False),
                    sa.Column("facts", JSONData, nullable=False), sa.Column("assessment", JSONData, nullable=False),
                    sa.Column("rules_version", sa.String(64), nullable=False), sa.Column("as_of", sa.Date(), nullable=False),
                    sa.Column("reason", sa.String(40), nullable=False), _moment("created_at"), _fk("created_by", "users"),
                    sa.UniqueConstraint("case_id", "number", name="case_number"))
    op.create_index("ix_case_versions_case_id", "case_versions", ["case_id"])
    op.create_table("letters", _id(), _fk("case_id", "cases"), _fk("version_id", "case_versions"),
                    sa.Column("document", sa.String(60), nullable=False), sa.Column("action", sa.String(60), nullable=False),
                    sa.Column("to_state", sa.String(10), nullable=True), sa.Column("language", sa.String(8), nullable=True),
                    sa.Column("details", JSONData, nullable=False), sa.Column("pdf", sa.LargeBinary(), nullable=False),
                    sa.Column("status", sa.String(20), nullable=False), sa.Column("reply_by", sa.Date(), nullable=True),
                    _fk("drafted_by", "users"), _moment("drafted_at"), _fk("reviewed_by", "users", nullable=True),
                    _moment("reviewed_at", nullable=True), _fk("sent_by", "users", nullable=True),
                    sa.Column("sent_on", sa.Date(), nullable=True))
    op.create_index("ix_letters_case_id", "letters", ["case_id"])
    op.create_index("ix_letters_reply_by", "letters", ["reply_by"])
    op.create_table("answers", _id(), _fk("letter_id", "letters"), sa.Column("received_on", sa.Date(), nullable=False),
                    sa.Column("note", sa.Text(), nullable=False), sa.Column("decision", sa.String(20), nullable=True),
                    _fk("logged_by", "users"), _moment("logged_at"))
    op.create_index("ix_answers_letter_id", "answers", ["letter_id"])
    op.create_table("events", _id(), _moment("at"), _fk("user_id", "users", nullable=True),
                    sa.Column("username", sa.String(80), nullable=False), _fk("office_id", "offices", nullable=True),
                    _fk("case_id", "cases", nullable=True), _fk("letter_id", "letters", nullable=True),
                    sa.Column("kind", sa.String(40), nullable=False), sa.Column("detail", sa.String(400), nullable=False),
                    sa.Column("rules_version", sa.String(64), nullable=True))
    op.create_index("ix_events_case_id", "events", ["case_id"])


def _append_only() -> None:
    """Refuse UPDATE and DELETE on the audit trail in the database itself, whatever program connects."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION hague_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP; END $$")
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION hague_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION hague_append_only()")
        return
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {verb} refused'); END")


def upgrade() -> None:
    _tables()
    _append_only()


def downgrade() -> None:
    raise RuntimeError("refused: the register's history (cases, versions, audit events) is never dropped by a migration")
