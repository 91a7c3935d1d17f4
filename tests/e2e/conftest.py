"""Browser tests: the app served on loopback in a thread, driven by Playwright on Debian's Chromium.

Playwright never downloads a browser here: it launches /usr/bin/chromium (scripts/test installs it).
The app runs as in production (CSRF on), on a temporary instance folder.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from hague import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The app behind `live_server` (one for the run): tests set up its register inside `live_app.app_context()`."""
    instance = tmp_path_factory.mktemp("e2e-instance")
    return create_app({"INSTANCE_PATH": str(instance), "SECRET_KEY": "e2e", "SESSION_COOKIE_SECURE": False,
                       "DATABASE_URL": f"sqlite:///{instance / 'hague.sqlite3'}"})


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    """The base URL (http://127.0.0.1:PORT) of `live_app` running in a background thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).is_file() and shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed (scripts/test installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: object, tmp_path: Path) -> Iterator[object]:
    """A fresh browser profile (no cookies), English UI, downloads allowed."""
    ctx = browser.new_context(locale="en-GB", accept_downloads=True, viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Errors the page logged (a CSP violation, a failed script): tests assert there are none."""
    return []


@pytest.fixture
def page(context: object, console_errors: list[str]) -> object:
    page = context.new_page()  # type: ignore[attr-defined]
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    return page


@pytest.fixture(scope="module")
def module_page(browser: Any) -> Iterator[Any]:
    """One tab shared by a module's tests (fresh profile), collecting console errors in `errors`."""
    ctx = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    tab = ctx.new_page()
    tab.errors = []
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    yield tab
    ctx.close()
