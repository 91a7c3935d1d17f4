"""`hague users`, `hague offices`, `hague db`: the register on the command line, on the app's own database.

The database is the one the web app uses: DATABASE_URL when set, else the SQLite file in the app's
instance folder (HAGUE_INSTANCE, else Flask's default), so `hague users add` before `hague serve`
creates the first admin in the register the app will open.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from sqlalchemy import select

from hague.register import migrate
from hague.register.db import Database, open_database
from hague.register.errors import N_, RegisterError
from hague.register.models import ROLES, Office, User
from hague.register.users import add_user, normal_name, office_named, set_password

DEFAULT_OFFICE = "Main office"


def database_url() -> str:
    """The app's DATABASE_URL, computed as the app computes it (hague/web/config.py)."""
    from flask import Flask

    from hague.web import config

    instance = os.environ.get("HAGUE_INSTANCE")
    folder = Path(instance).resolve() if instance else Path(Flask("hague.web").instance_path)
    return str(config.from_environment(folder)["DATABASE_URL"])


def _open(upgrade: bool = True) -> Database:
    url = database_url()
    try:
        return open_database(url, upgrade=upgrade)
    except Exception as exc:  # a wrong URL or an unreachable server: say which, without a traceback
        click.echo(f"Cannot open the register's database ({_safe(url)}): {type(exc).__name__}: {exc}", err=True)
        sys.exit(3)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.group("users")
def users_group() -> None:
    """Users of the case register."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the user may do.")
@click.option("--office", default=DEFAULT_OFFICE, show_default=True, help="The user's office (created when new, four eyes on).")
@click.option("--password", help="The password (at least 10 characters); asked for when not given.")
def users_add(name: str, role: str, office: str, password: str | None) -> None:
    """Create the user NAME (e.g. the first admin)."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    db = _open()
    try:
        with db.transaction() as session:
            user = add_user(session, name, role, office, password)
            click.echo(f"created {user.username} ({role}) in office {user.office.name if user.office else office}")
    except RegisterError as exc:
        click.echo(f"not created: {exc}", err=True)
        sys.exit(2)
    finally:
        db.dispose()


@users_group.command("password")
@click.argument("name")
@click.option("--password", help="The new password (at least 10 characters); asked for when not given.")
def users_password(name: str, password: str | None) -> None:
    """Set a new password for the user NAME (their open logins stay valid until they expire or log out)."""
    if password is None:
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    db = _open()
    try:
        with db.transaction() as session:
            user = session.scalar(select(User).where(User.username == normal_name(name)))
            if user is None:
                raise RegisterError("name", N_("there is no user called %(name)s"), name=name)
            set_password(session, user, password)
            click.echo(f"password set for {user.username}")
    except RegisterError as exc:
        click.echo(f"not changed: {exc}", err=True)
        sys.exit(2)
    finally:
        db.dispose()


@users_group.command("list")
def users_list() -> None:
    """List the users with their role and office."""
    db = _open()
    with db.reading() as session:
        for user in session.scalars(select(User).order_by(User.username)):
            click.echo(f"{user.username:<24} {user.role:<11} {user.office.name}{'' if user.active else '  (inactive)'}")
    db.dispose()


@click.group("offices")
def offices_group() -> None:
    """Offices: each sees only its own cases."""


@offices_group.command("set")
@click.argument("name")
@click.option("--four-eyes/--no-four-eyes", default=True, show_default=True,
              help="Whether a second person (reviewer or admin) must review every letter before it is sent.")
def offices_set(name: str, four_eyes: bool) -> None:
    """Create the office NAME or change its four-eyes rule."""
    db = _open()
    with db.transaction() as session:
        office = office_named(session, name, four_eyes=four_eyes)
        office.four_eyes = four_eyes
        click.echo(f"office {office.name}: four eyes {'on' if four_eyes else 'off'}")
    db.dispose()


@offices_group.command("list")
def offices_list() -> None:
    db = _open()
    with db.reading() as session:
        for office in session.scalars(select(Office).order_by(Office.name)):
            click.echo(f"{office.name:<32} four eyes {'on' if office.four_eyes else 'off'}")
    db.dispose()


@click.group("db")
def db_group() -> None:
    """The register's database."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring its schema up to date (the app also does this when it starts)."""
    db = _open(upgrade=False)
    before = migrate.current(db.engine)
    migrate.upgrade(db.engine)
    after = migrate.current(db.engine)
    click.echo(f"{_safe(db.url)}: schema {before or 'empty'} -> {after}" if before != after else
               f"{_safe(db.url)}: schema up to date ({after})")
    db.dispose()


COMMANDS = (users_group, offices_group, db_group)
