"""The wizard with the keyboard only, visible focus, errors announced; axe-core on the reference and training pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from e2e_support import assert_accessible, screenshot


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus (as a keyboard user does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received the focus by Tab")


def focus_ring(page: Any) -> tuple[str, float]:
    """The outline of the focused element, as computed: (style, width in px)."""
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                          " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    return str(style[0]), float(style[1])


def test_a_step_with_the_keyboard_only(page: Any, live_server: str, console_errors: list[str]) -> None:
    page.goto(live_server + "/assess/")
    tab_to(page, "form[action$='/assess/new'] button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/assess/step/asking$"))

    tab_to(page, "#q-forum")
    style, width = focus_ring(page)
    assert style != "none" and width >= 2, "the focused field must show a visible outline"
    page.keyboard.type("Norway")  # a closed select picks the option typed
    assert page.input_value("#q-forum") == "NO"
    tab_to(page, ".wiz-actions button[value=continue]")
    assert focus_ring(page)[0] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/assess/step/child$"))

    # on to the removal step; "Yes" with the Space bar, Continue without the dates: the errors are announced
    page.goto(live_server + "/assess/step/removal")
    tab_to(page, "#q-removal-yes, #q-removal-no")
    if page.evaluate("document.activeElement.id") == "q-removal-no":
        page.keyboard.press("ArrowUp")
    page.keyboard.press("Space")
    assert page.is_checked("#q-removal-yes")
    assert page.locator("#q-removal-date").is_visible()  # the questions that follow a yes appear
    tab_to(page, ".wiz-actions button[value=continue]")
    page.keyboard.press("Space")
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "error-summary"  # focus moves to the summary
    assert summary.locator("a").count() >= 3
    assert page.locator("#q-removal-date").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    screenshot(page, "keyboard-removal-errors")
    page.keyboard.press("Tab")  # the first link of the summary, then to its field
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('fieldset, .field') !== null")
    # the refused step answers 200 with the errors, so the only console errors allowed are none at all
    assert console_errors == []


@pytest.mark.parametrize("path", ["/reference/states", "/reference/states/NO", "/reference/measures",
                                  "/reference/articles", "/training/"])
def test_reference_and_training_pages_are_accessible(page: Any, live_server: str, console_errors: list[str],
                                                     path: str) -> None:
    page.goto(live_server + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    screenshot(page, "page" + path.replace("/", "-").rstrip("-"))
    assert console_errors == []
