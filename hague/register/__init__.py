"""The case register: cases, their versions, correspondence, users and the audit trail (SQLAlchemy)."""
