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
from e2e_support import new_profile, watched_tab
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
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser profile, English UI, downloads allowed."""
    ctx = new_profile(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Errors the page logged (a CSP violation, a failed script): tests assert there are none."""
    return []


@pytest.fixture
def page(context: Any, console_errors: list[str]) -> Any:
    return watched_tab(context, console_errors)


@pytest.fixture(scope="module")
def module_page(browser: Any) -> Iterator[Any]:
    """One tab shared by a module's tests (fresh profile), collecting console errors in `errors`."""
    ctx = new_profile(browser)
    errors: list[str] = []
    tab = watched_tab(ctx, errors)
    tab.errors = errors
    yield tab
    ctx.close()
