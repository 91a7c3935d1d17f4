"""Shared by the register's tests (tests/register and tests/web/test_web_register*.py): a private PostgreSQL server,
fresh databases on SQLite or PostgreSQL, cheap password hashing, users and cases to work with.

The PostgreSQL server is started once per test run, only when a test asks for it: initdb and pg_ctl from
/usr/lib/postgresql/*/bin, run as the `postgres` OS user when we are root (PostgreSQL refuses root), in a
temporary folder, listening on 127.0.0.1 on a free port with its unix socket in that folder; it is stopped
and the folder removed when the run ends. Without the binaries the PostgreSQL variants are skipped, saying why.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from hague.register import users
from hague.register.db import Database, open_database

BACKENDS = ("sqlite", "postgresql")
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # tests only: real logins use the default
PASSWORD = "a long test password"
E4 = {"format": "hague-case/1", "as_of": "2026-03-01", "forum": "NO",
      "child": {"birth_date": "2013-08-21", "nationalities": ["NO", "PL"], "present_in": "NO", "substantial_connection": ["PL"]},
      "habitual_residence": [{"state": "NO", "from": "2013-08-21"}],
      "measure": {"type": "foster_placement", "date": "2026-04-15", "placement_state": "PL"}, "art37_no_risk": True}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    folder: Path
    port: int
    bindir: Path
    as_postgres: bool
    template: str = "hague_template"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [*(["runuser", "-u", "postgres", "--"] if self.as_postgres else []), *args]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    @property
    def user(self) -> str:
        return "postgres" if self.as_postgres else pwd.getpwuid(os.getuid()).pw_name

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        self.run(str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-d", database, "-v", "ON_ERROR_STOP=1",
                 "-q", "-c", statement)

    def stop(self) -> None:
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def start_postgres() -> PostgresServer:
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): scripts/test installs it as root")
    as_postgres = os.getuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="hague-pg-"))
    if as_postgres:
        info = pwd.getpwnam("postgres")
        os.chown(folder, info.pw_uid, info.pw_gid)
    server = PostgresServer(folder=folder, port=free_port(), bindir=bindir, as_postgres=as_postgres)
    data = folder / "data"
    server.run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", server.user,
               "--no-sync", "-E", "UTF8", "--locale", "C")
    options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {folder} -c fsync=off -c max_connections=200"
    server.run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "-t", "60", "start")
    server.sql(f"CREATE DATABASE {server.template}")
    open_database(server.url(server.template)).dispose()  # the schema once; each test copies it
    return server


_SERVER: list[PostgresServer] = []
_SQLITE: list[Path] = []


def _sqlite_template(request: pytest.FixtureRequest) -> Path:
    """An empty SQLite register made once per run (copying it is faster than migrating each time)."""
    if not _SQLITE:
        folder = Path(tempfile.mkdtemp(prefix="hague-sqlite-"))
        request.config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        db = open_database(f"sqlite:///{folder / 'template.sqlite3'}")
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        _SQLITE.append(folder / "template.sqlite3")
    return _SQLITE[0]


def postgres(request: pytest.FixtureRequest) -> PostgresServer:
    """The run's PostgreSQL server, started on first use and stopped when the run ends."""
    if not _SERVER:
        _SERVER.append(start_postgres())
        request.config.add_cleanup(_SERVER[0].stop)
    return _SERVER[0]


@contextlib.contextmanager
def fresh_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty register (schema made) on `backend`, removed afterwards."""
    if backend == "sqlite":
        target = tmp_path / "register.sqlite3"
        shutil.copyfile(_sqlite_template(request), target)
        yield f"sqlite:///{target}"
        return
    server = postgres(request)
    name = "t_" + uuid.uuid4().hex[:12]
    server.sql(f"CREATE DATABASE {name} TEMPLATE {server.template} STRATEGY FILE_COPY")
    try:
        yield server.url(name)
    finally:
        server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def fast_hashing() -> Iterator[None]:
    saved = users.HASHER
    users.HASHER = FAST_HASHER
    try:
        yield
    finally:
        users.HASHER = saved


def add_users(db: Database, *specs: tuple[str, str, str]) -> dict[str, int]:
    """Create users (name, role, office) with PASSWORD; returns their ids by name."""
    ids = {}
    with db.transaction() as session:
        for name, role, office in specs:
            ids[name] = users.add_user(session, name, role, office, PASSWORD).id
    return ids


def with_facts(**changes: Any) -> dict[str, Any]:
    """The E4 facts (foster placement abroad, Art. 33 open) with top-level changes."""
    return {**E4, **changes}



def app_config(url: str, instance: Path, csrf: bool = False) -> dict[str, Any]:
    """The settings of a test app on the register at `url`."""
    return {"TESTING": True, "INSTANCE_PATH": str(instance), "SECRET_KEY": "test", "WTF_CSRF_ENABLED": csrf,
            "SESSION_COOKIE_SECURE": False, "DATABASE_URL": url}


def put_answers(client: Any, instance: Path, data: dict[str, Any]) -> None:
    """Make `data` the browser's assessment in progress (as the wizard would leave it)."""
    import json

    key = uuid.uuid4().hex
    folder = instance / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.json").write_text(json.dumps(data), encoding="utf-8")
    with client.session_transaction() as session:
        session["answers_id"] = key


def get_answers(client: Any, instance: Path) -> dict[str, Any]:
    import json

    with client.session_transaction() as session:
        key = session.get("answers_id")
    path = instance / "answers" / f"{key}.json"
    return dict(json.loads(path.read_text(encoding="utf-8"))) if key and path.is_file() else {}


def log_in(client: Any, name: str, password: str = PASSWORD) -> Any:
    response = client.post("/login", data={"username": name, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response
