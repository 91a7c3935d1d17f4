"""Alembic migrations of the register (run by hague.register.migrate)."""
