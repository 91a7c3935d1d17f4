"""The reference pages in Chromium: filter.js filters as one types, under the strict CSP, and axe-core finds
no serious accessibility problem. Skipped where Debian's Chromium is not installed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from hague import create_app

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    instance = tmp_path_factory.mktemp("reference-js")
    app = create_app({"INSTANCE_PATH": str(instance), "SECRET_KEY": "js", "SESSION_COOKIE_SECURE": False,
                      "DATABASE_URL": f"sqlite:///{instance / 'hague.sqlite3'}"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        tab = context.new_page()
        tab.errors = []
        tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        yield tab
        browser.close()


def visible(page: Any, selector: str, attribute: str) -> list[str]:
    values: list[str] = page.eval_on_selector_all(
        selector, f"els => els.filter(e => !e.closest('[hidden]')).map(e => e.getAttribute('{attribute}'))")
    return values


def serious_axe_violations(page: Any) -> list[str]:
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is not installed")
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")  # through DevTools: the page's CSP stays on
    result = page.evaluate("async () => await axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    return [f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})" for v in result["violations"]
            if v.get("impact") in ("serious", "critical")]


def test_states_filter_as_one_types(page: Any, base_url: str) -> None:
    page.goto(base_url + "/reference/states")
    total = len(visible(page, "#states-table tbody tr", "data-code"))
    page.fill("#q", "Salv")
    assert visible(page, "#states-table tbody tr", "data-code") == ["SV"]
    assert page.inner_text("#filter-count") == f"1 of {total} States shown"
    assert "q=Salv" in page.url  # the address keeps the search, as the server would
    page.fill("#q", "turkiye")  # accents folded as on the server
    assert visible(page, "#states-table tbody tr", "data-code") == ["TR"]
    page.fill("#q", "zzz")
    assert visible(page, "#states-table tbody tr", "data-code") == [] and page.is_visible("#filter-empty")
    page.fill("#q", "")
    assert len(visible(page, "#states-table tbody tr", "data-code")) == total
    assert page.errors == []


def test_measures_and_articles_filter_with_their_groups(page: Any, base_url: str) -> None:
    page.goto(base_url + "/reference/measures")
    page.fill("#q", "fosterhjem")
    shown = visible(page, ".measure", "id")
    assert "measure-foster_placement" in shown and "measure-adoption" not in shown
    assert page.is_hidden("#group-excluded") and page.is_visible("#group-placement")
    page.goto(base_url + "/reference/articles?q=7")
    assert {"art-7", "biib-7"} <= set(visible(page, ".article", "id"))  # the server's filter, before any typing
    page.fill("#q", "1980 Art. 16")
    assert visible(page, ".article", "id") == ["1980art-16"]
    assert page.is_hidden("#instrument-hcch1996")
    assert page.errors == []


@pytest.mark.parametrize("path", ["/reference/states?as_of=2025-07-01", "/reference/states/DK", "/reference/measures",
                                  "/reference/articles", "/reference/states?as_of=2025-13-01"])
def test_reference_pages_are_accessible(page: Any, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    assert serious_axe_violations(page) == []
    assert page.errors == [] or path.endswith("13-01")  # the 400 page logs its status in the console
