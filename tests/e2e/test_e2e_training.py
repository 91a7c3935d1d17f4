"""A trainee's session of five scenarios in a real browser, from the start page to the summary."""

from __future__ import annotations

import re
from typing import Any

from e2e_support import assert_accessible, screenshot


def answer_every_question(page: Any) -> None:
    """A valid answer to whatever the scenario asks (right or wrong does not matter here)."""
    seats = page.locator("select[data-seat]")
    if seats.count():
        first = seats.first
        first.select_option("5(1)")  # training.js ticks the State when its Article is chosen
        assert page.locator("#" + first.get_attribute("data-seat")).is_checked()
    for name in ("law", "pr_law"):
        if page.locator(f"#{name}").count():
            page.select_option(f"#{name}", index=1)
    if page.locator("#send-none").count():
        page.check("#send-none")
    if page.locator("#scope-yes").count():
        page.check("#scope-yes")
    for radio in page.locator("input[type=radio][id^='rec-'][value=yes]").all():
        radio.check()
    for radio in page.locator("input[type=radio][id^='measure-'][value=in_force]").all():
        radio.check()


def test_a_trainee_session_from_start_to_summary(page: Any, live_server: str, console_errors: list[str]) -> None:
    page.goto(live_server + "/training/")
    assert_accessible(page)
    page.fill("#size", "5")
    page.click("button:has-text('Start the session')")
    for n in range(1, 6):
        page.wait_for_url(re.compile(rf"/training/session/{n}$"))
        assert page.locator(".training-progress").inner_text().startswith(f"Scenario {n} of 5")
        assert page.locator(".training-story").inner_text().strip()
        if n == 1:
            page.click("button[value=answer]")  # nothing chosen: every question says what is missing
            assert page.locator(".error-summary").is_visible()
            assert page.locator(".field-error").count() >= 1
            assert_accessible(page)
            screenshot(page, "training-question-errors")
            page.locator(".error-summary a").first.click()  # the summary's links lead to the fields
        if n == 4:
            page.click("button[value=skip]")
        else:
            answer_every_question(page)
            page.click("button[value=answer]")
        page.wait_for_url(re.compile(rf"/training/session/{n}/result$"))
        assert re.search(r"You scored [\d.]+ out of \d", page.locator(".training-score").inner_text())
        assert page.locator("h2:has-text('The model answer')").is_visible()
        assert page.locator(".training-explanation").inner_text().strip()
        page.click("summary:has-text('step by step')")
        assert page.locator(".training-trace li").count() >= 1
        if n == 1:
            assert_accessible(page)
            screenshot(page, "training-result")
        page.click("a:has-text('Next scenario')" if n < 5 else "a:has-text('See the session summary')")
    page.wait_for_url(re.compile(r"/training/summary$"))
    assert re.search(r"Your score: [\d.]+ / \d+ points \(\d+%\)", page.locator(".training-score").inner_text())
    assert page.locator("h2:has-text('By topic')").is_visible()
    assert page.locator("text=Review the answer").count() == 5
    assert_accessible(page)
    screenshot(page, "training-summary")
    page.click("button:has-text('End the session and forget it')")
    page.wait_for_url(re.compile(r"/training/$"))
    assert page.locator("text=Your training session has been ended").is_visible()
    # the refused form is answered 422, which Chromium logs; anything else (CSP, script errors) fails
    assert [e for e in console_errors if "status of 422" not in e] == []


def test_the_library_and_a_what_if(page: Any, live_server: str, console_errors: list[str]) -> None:
    page.goto(live_server + "/training/library")
    assert_accessible(page)
    page.click("a:has-text('Barnevern wants to place a girl in care with her grandparents')")
    page.select_option("#fact", "measure.placement_state")
    assert page.input_value("#value") == "DE"  # training.js puts the current value in the field
    page.fill("#value", "AE")
    page.click("button:has-text('Compare')")
    assert page.locator(".training-changes").inner_text().count("Consultation on a placement") == 1
    assert_accessible(page)
    screenshot(page, "training-what-if")
    assert console_errors == []
