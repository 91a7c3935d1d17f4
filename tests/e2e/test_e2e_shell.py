"""The shell in a real browser: home page, language switch, keyboard skip link, accessibility."""

from __future__ import annotations

from typing import Any

from e2e_support import assert_accessible, screenshot


def test_home_page_is_accessible_and_switches_language(page: Any, live_server: str, console_errors: list[str]) -> None:
    page.goto(live_server + "/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    screenshot(page, "home-en")
    page.select_option("#lang-select", "nb")
    page.click(".lang-form button")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nb"
    assert_accessible(page)
    assert console_errors == []


def test_skip_link_is_the_first_tab_stop(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
