"""Helpers of the browser tests: axe-core accessibility checks and screenshots."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(os.environ.get("HAGUE_SCREENSHOTS", "")) if os.environ.get("HAGUE_SCREENSHOTS") else None


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations of the page's current state with one of `impacts`."""
    if not AXE.is_file():
        raise AssertionError(f"{AXE} is missing: scripts/setup-browser-tests installs axe-core from npm")
    # evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    return [v for v in result["violations"] if v.get("impact") in impacts]


def assert_accessible(page: Any) -> None:
    """No serious or critical axe-core violation on the page, with a readable message when there is one."""
    found = axe_violations(page)
    lines = [f"{v['id']} ({v['impact']}): {v['help']} - " + "; ".join(n["target"][0] if isinstance(n["target"][0], str)
             else str(n["target"]) for n in v["nodes"][:5]) for v in found]
    assert not found, f"{page.url}: accessibility violations:\n" + "\n".join(lines)


def screenshot(page: Any, name: str) -> None:
    """Save a full-page screenshot when HAGUE_SCREENSHOTS names a folder (for looking, never asserted)."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def new_profile(browser: Any, locale: str = "en-GB") -> Any:
    """A fresh browser profile (no cookies) in `locale`, downloads allowed."""
    ctx = browser.new_context(locale=locale, accept_downloads=True, viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    return ctx


def watched_tab(ctx: Any, errors: list[str]) -> Any:
    """A new tab whose console errors and uncaught exceptions are appended to `errors`."""
    tab = ctx.new_page()
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    return tab
