"""Concurrency and crashes, on SQLite (WAL, busy timeout) and PostgreSQL.

- 8 writer processes save 200 cases each at the same time; afterwards every case, its version and its
  audit event are there, with the facts that writer sent.
- A real `hague serve` process is killed (SIGKILL) in the middle of saves over HTTP; after a restart every
  save the server had acknowledged (201) is there and intact.
The figures are printed (pytest -s shows them; -rA lists them in the summary).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from register_load import Browser, facts_for, reference, write_cases
from register_support import add_users, free_port
from sqlalchemy import func, select

from hague.register.db import Database
from hague.register.models import Case, CaseVersion, Event
from hague.rulebook import Rulebook

WRITERS, PER_WRITER = 8, 200
ROOT = Path(__file__).resolve().parents[2]


def _context() -> multiprocessing.context.BaseContext:
    """fork when this process runs a single thread (fast: the modules are loaded already), else spawn."""
    single = threading.active_count() == 1 and sys.platform.startswith("linux")
    return multiprocessing.get_context("fork" if single else "spawn")


def test_eight_concurrent_writers_lose_nothing(register_url: str, database: Database, backend: str, tmp_path: Path,
                                              book: Rulebook) -> None:
    assert book.version  # loaded here, so forked writers start with it
    add_users(database, ("loader", "caseworker", "Load office"))
    signals = tmp_path / "signals"
    signals.mkdir()
    database.engine.dispose()  # no open connection may cross into the writer processes
    with ProcessPoolExecutor(WRITERS, mp_context=_context()) as pool:
        futures = [pool.submit(write_cases, register_url, "loader", w, PER_WRITER, str(signals)) for w in range(WRITERS)]
        deadline = time.monotonic() + 60
        while len(list(signals.glob("ready-*"))) < WRITERS and time.monotonic() < deadline:
            time.sleep(0.01)
        begun = time.perf_counter()
        (signals / "go").touch()
        results = [f.result(timeout=120) for f in futures]
        elapsed = time.perf_counter() - begun
    assert [r["failures"] for r in results] == [[]] * WRITERS
    total = WRITERS * PER_WRITER
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == total
        assert session.scalar(select(func.count()).select_from(CaseVersion)) == total
        assert session.scalar(select(func.count()).where(Event.kind == "case.created")) == total
        stored = {ref: (facts, number) for ref, facts, number in session.execute(
            select(Case.reference, CaseVersion.facts, CaseVersion.number).join(CaseVersion, CaseVersion.case_id == Case.id))}
    for w in range(WRITERS):
        for n in range(PER_WRITER):
            facts, number = stored[reference(w, n)]
            assert number == 1 and facts["measure"] == {**facts_for(w, n)["measure"]}, reference(w, n)
    slowest = max(r["slowest"] for r in results)
    print(f"\n[register figures] {backend}: {WRITERS} writer processes x {PER_WRITER} cases = {total} cases in "
          f"{elapsed:.2f} s, {total / elapsed:.0f} cases/s; slowest single save {slowest * 1000:.0f} ms; all {total} cases, "
          f"versions and events present")


def _serve(url: str, instance: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "HAGUE_INSTANCE": str(instance), "HAGUE_SECRET_KEY": "crash-test",
           "HAGUE_COOKIE_SECURE": "0"}
    command = [str(Path(sys.executable).parent / "hague"), "serve", "--port", str(port)]  # the operator's command
    server = subprocess.Popen(command, cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server stopped at start (exit {server.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.05)
    server.kill()
    raise AssertionError("the server did not start within 30 s")


def _saver(browser: Browser, prefix: str, acked: dict[str, dict[str, Any]], stop: threading.Event, lock: threading.Lock) -> None:
    number = 0
    while not stop.is_set():
        ref, facts = f"{prefix}-{number:05d}", facts_for(number % 8, number)
        number += 1
        try:
            status, body = browser.post("/api/v1/cases", {"reference": ref, "title": "Crash test", "case": facts}, timeout=5)
        except OSError:  # the server is gone: this save was never acknowledged
            return
        if status == 201:
            with lock:
                acked[ref] = {"id": body["id"], "facts": facts}


def test_acknowledged_saves_survive_killing_the_server(register_url: str, database: Database, backend: str,
                                                       tmp_path: Path) -> None:
    add_users(database, ("crash", "caseworker", "Crash office"))
    instance, port = tmp_path / "instance", free_port()
    server = _serve(register_url, instance, port)
    acked: dict[str, dict[str, Any]] = {}
    stop, lock = threading.Event(), threading.Lock()
    try:
        browsers = [Browser(f"http://127.0.0.1:{port}", "crash") for _ in range(4)]
        threads = [threading.Thread(target=_saver, args=(b, f"C{i}", acked, stop, lock)) for i, b in enumerate(browsers)]
        for thread in threads:
            thread.start()
        begun = time.perf_counter()
        while len(acked) < 150 and time.perf_counter() - begun < 20:
            time.sleep(0.01)
        server.send_signal(signal.SIGKILL)  # in the middle of saves: several requests are in flight
        server.wait(timeout=10)
        killed_after = time.perf_counter() - begun
        for thread in threads:
            thread.join(timeout=15)
        stop.set()
    finally:
        if server.poll() is None:
            server.kill()
    acknowledged = dict(acked)
    assert len(acknowledged) >= 100

    restarted = _serve(register_url, instance, port)
    try:
        browser = Browser(f"http://127.0.0.1:{port}", "crash")
        intact = 0
        for ref, sent in acknowledged.items():
            case = browser.get(f"/api/v1/cases/{sent['id']}")
            latest = case["versions"][0]
            assert case["reference"] == ref and latest["number"] == 1 and latest["facts"] == {**sent["facts"], "as_of": "2026-03-01"}
            intact += 1
        listed = len(browser.get("/api/v1/cases")["cases"])
    finally:
        restarted.kill()
        restarted.wait(timeout=10)
    with database.reading() as session:
        stored = session.scalar(select(func.count()).select_from(Case))
        assert stored == session.scalar(select(func.count()).where(Event.kind == "case.created"))
        if backend == "sqlite":
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert intact == len(acknowledged) and stored is not None and stored >= len(acknowledged)
    print(f"\n[register figures] {backend}: server killed after {killed_after:.2f} s of saves over HTTP (4 clients); "
          f"{len(acknowledged)} saves acknowledged, {intact} intact after restart, {stored} stored "
          f"({stored - len(acknowledged)} committed but unacknowledged when the server died), {listed} listed")
