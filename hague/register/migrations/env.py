"""Alembic's environment: always run on the connection hague.register.migrate hands over (never from a file)."""

from __future__ import annotations

from alembic import context

from hague.register.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `hague db upgrade` and the app run migrations
    raise SystemExit("run migrations with `hague db upgrade`, not the alembic command")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
