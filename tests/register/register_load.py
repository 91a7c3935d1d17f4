"""Load for the register's concurrency and crash tests: writer processes, and an HTTP client of a real server.

Kept apart from the test modules so that spawned processes can import the writer by name.
"""

from __future__ import annotations

import copy
import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from register_support import E4, PASSWORD

PLACES = ("PL", "SE", "DE", "FR", "DK", "FI", "ES", "IT")


def facts_for(writer: int, number: int) -> dict[str, Any]:
    """Facts that differ from writer to writer and case to case, so a mixed-up row would show."""
    facts = copy.deepcopy(E4)
    facts["measure"]["placement_state"] = PLACES[writer % len(PLACES)]
    facts["measure"]["date"] = f"2026-04-{1 + number % 28:02d}"
    return facts


def reference(writer: int, number: int) -> str:
    return f"W{writer}-{number:04d}"


def write_cases(url: str, username: str, writer: int, count: int, signals: str) -> dict[str, Any]:
    """One writer process: wait for the go signal, then save `count` cases, each in its own transaction."""
    from sqlalchemy import select

    from hague.register import cases
    from hague.register.db import open_database
    from hague.register.models import User
    from hague.rulebook import default_rulebook

    book, db = default_rulebook(), open_database(url)
    with db.reading() as session:
        actor = session.scalar(select(User).where(User.username == username))
    assert actor is not None
    folder = Path(signals)
    (folder / f"ready-{writer}").touch()
    while not (folder / "go").exists():
        time.sleep(0.005)
    started, slowest, failures = time.perf_counter(), 0.0, []
    for number in range(count):
        begun = time.perf_counter()
        try:
            with db.transaction() as session:
                cases.create(session, actor, reference=reference(writer, number), title=f"Load case {writer}/{number}",
                             data=facts_for(writer, number), book=book)
        except Exception as exc:  # counted, and the test fails on any
            failures.append(f"{type(exc).__name__}: {exc}"[:300])
        slowest = max(slowest, time.perf_counter() - begun)
    db.dispose()
    return {"writer": writer, "seconds": time.perf_counter() - started, "slowest": slowest, "failures": failures}


class Browser:
    """A logged-in HTTP client of a running hague server (cookies, the CSRF token), with urllib only."""

    def __init__(self, base: str, username: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(f"{base}/login", timeout=10).read().decode()
        match = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert match, "the login page has no CSRF token"
        self.token = match.group(1)
        form = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrf_token": self.token}).encode()
        self.opener.open(urllib.request.Request(f"{base}/login", data=form), timeout=10).read()
        info = json.loads(self.opener.open(f"{base}/api/v1/session", timeout=10).read())
        self.token = info["csrf_token"]

    def post(self, path: str, body: dict[str, Any], timeout: float = 10) -> tuple[int, dict[str, Any]]:
        request = urllib.request.Request(f"{self.base}{path}", data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-CSRFToken": self.token})
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"{}")

    def get(self, path: str) -> dict[str, Any]:
        with self.opener.open(f"{self.base}{path}", timeout=10) as response:
            return dict(json.loads(response.read()))
