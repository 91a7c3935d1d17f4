"""The wizard in a real browser (Chromium, CSP in force): the script that hides questions not asked,
filters the measures, and saves when a step of the progress list is chosen; accessibility by axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from e2e_support import axe_violations


@pytest.fixture(scope="module")
def page(module_page: Any) -> Any:
    return module_page


def _eventually(page: Any, expression: str, seconds: float = 5) -> Any:
    """The value of an expression once the page's script has run (polled: wait_for_function needs eval, which the CSP forbids)."""
    import time

    end, value = time.monotonic() + seconds, None
    while time.monotonic() < end:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    return value



def test_the_wizard_with_its_script(page: Any, live_server: str) -> None:
    page.goto(live_server + "/assess/")
    page.click("button:has-text('Start a new case')")
    page.select_option("#q-forum", "NO")
    page.fill("#q-as_of", "2026-03-01")
    page.keyboard.press("Enter")  # Enter is Continue, never another button
    page.wait_for_url("**/assess/step/child")
    page.fill("#q-child-birth_date", "2015-04-02")
    page.click(".wiz-progress a[data-step=removal]")  # the progress list saves what was typed
    page.wait_for_url("**/assess/step/removal")
    page.wait_for_load_state()
    assert not page.is_visible("#q-removal-date")
    page.check("#q-removal-yes")
    assert page.is_visible("#q-removal-date") and not page.is_visible("#q-removal-acquiesced_on")
    page.check("#q-removal-acquiesced-yes")
    assert page.is_visible("#q-removal-acquiesced_on")
    page.check("#q-removal-no")
    assert not page.is_visible("#q-removal-date")
    assert [v['id'] for v in axe_violations(page)] == []
    page.goto(live_server + "/assess/step/measure")
    page.fill("#q-measure-type-find", "fosterhjem")
    assert page.locator("#q-measure-type option:not([hidden])").count() <= 4
    assert "match" in page.inner_text("#q-measure-type-count")
    assert not page.is_visible("#q-measure-placement_state")
    page.select_option("#q-measure-type", "foster_placement")
    assert page.is_visible("#q-measure-placement_state") and not page.is_visible("#q-measure-art33_consent-yes")
    page.select_option("#q-measure-placement_state", "SE")
    assert page.is_visible("#q-measure-art33_consent-yes")
    page.goto(live_server + "/assess/step/child")
    assert page.input_value("#q-child-birth_date") == "2015-04-02"
    page.fill("#q-child-birth_date", "")
    page.click("button.button:has-text('Continue')")
    page.wait_for_selector("#error-summary")
    assert _eventually(page, "document.activeElement.id") == "error-summary"  # focus moves to the errors
    assert [v['id'] for v in axe_violations(page)] == []
    page.goto(live_server + "/assess/review")
    assert [v['id'] for v in axe_violations(page)] == []
    assert page.errors == []
