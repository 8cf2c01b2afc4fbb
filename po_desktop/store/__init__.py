"""Persistence: SQLAlchemy models, the SQLite engine, migrations and services."""
