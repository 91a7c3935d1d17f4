"""Issue 7 in a real browser: two users of one office take a case from the assessment to an answered Art. 33 consultation.

Kari (caseworker) and Rita (reviewer) work in "Barnevernet Bergen", four eyes on, each in their own
browser profile, both logged in through /login. Kari assesses a kinship placement with relatives in
Sweden of a child living in Norway (Norway may act under Art. 5(1); the Art. 33 consultation of Sweden
is a MUST, ready once the Art. 37 assessment finds no risk, and holds back the placement decision),
saves it as a case, drafts the consultation from the case and cannot review her own letter. Rita
reviews it; Kari records it as sent (the case waits for an answer) and logs Sweden's consent, which
adds version 2 of the case with `measure.art33_consent: true`: the decision no longer waits. The
audit trail names both users' steps; the stored PDF downloads. axe-core checks the login page, the
case list, the case page and the draft form, and no page may log a console error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_support import assert_accessible, new_profile, screenshot, watched_tab
from e2e_walk import Walk, assert_pdf, save_pdf
from flask import Flask

from hague.register.users import add_user, office_named
from hague.web.register_db import database

OFFICE = "Barnevernet Bergen"
PASSWORD = "fjord-and-fell-2026"  # at least 10 characters
ART33 = "art33_placement_consultation"


@pytest.fixture(scope="module")
def office(live_app: Flask) -> None:
    """Kari and Rita in one office with four eyes on, created with the register's own services."""
    with live_app.app_context(), database(live_app).transaction() as db:
        office_named(db, OFFICE, four_eyes=True)
        add_user(db, "kari", "caseworker", OFFICE, PASSWORD)
        add_user(db, "rita", "reviewer", OFFICE, PASSWORD)


@pytest.fixture
def second_page(browser: Any, console_errors: list[str]) -> Iterator[Any]:
    """A page of a second, separate browser profile (Rita's): its own cookies, its own login."""
    ctx = new_profile(browser)
    yield watched_tab(ctx, console_errors)
    ctx.close()


def look(page: Any, name: str) -> None:
    assert_accessible(page)
    screenshot(page, f"reg-{name}")


def log_in(page: Any, base: str, username: str, *, check: bool = False) -> None:
    """The login form, typed as a user does; it lands on the case list."""
    page.goto(base + "/login")
    if check:
        look(page, "login")
    page.fill("#f-username", username)
    page.fill("#f-password", PASSWORD)
    page.click(".login-form button[type=submit]")
    page.wait_for_url(base + "/cases")
    assert page.locator("h1").inner_text() == "Cases"


def assess_kinship_placement_in_sweden(walk: Walk) -> None:
    """A child living in Norway, to be placed with relatives in Sweden; the Art. 37 assessment: no risk."""
    walk.start()
    walk.state("q-forum", "NO")
    walk.date("q-as_of", "2026-11-02")
    walk.next("child", shot=False)
    walk.date("q-child-birth_date", "2015-06-20")
    walk.state("q-child-nationalities-0", "NO")
    walk.state("q-child-present_in", "NO")
    walk.radio("q-child-refugee_or_displaced", "no")
    walk.next("residence", shot=False)
    walk.state("q-habitual_residence-0-state", "NO")
    walk.date("q-habitual_residence-0-from", "2015-06-20")
    walk.next("removal", shot=False)
    walk.radio("q-removal", "no")
    walk.next("proceedings", shot=False)
    walk.next("measure", shot=False)
    walk.measure("q-measure-type", "slektsfosterhjem", "kinship_placement")
    walk.date("q-measure-date", "2026-12-15")
    walk.state("q-measure-placement_state", "SE")
    walk.radio("q-measure-urgent", "no")
    walk.next("existing", shot=False)
    walk.next("cooperation", shot=False)
    walk.radio("q-danger-serious", "no")
    walk.radio("q-art37_no_risk", "yes")
    walk.next("review", shot=False)
    walk.assess()


def art33_row(page: Any) -> Any:
    """The Art. 33 consultation of Sweden in the case page's co-operation table."""
    return page.locator(".actions-table tbody tr", has=page.locator("td", has_text="Sweden")).filter(
        has_text="Consultation on a placement")


def letter(page: Any) -> Any:
    return page.locator("article.letter").first


def audit_trail(page: Any) -> list[tuple[str, str]]:
    """(who, what) of every row of the case's audit trail, oldest first."""
    return [(row.locator("td").nth(1).inner_text().strip(), row.locator("td").nth(2).inner_text().strip())
            for row in page.locator("table.events tbody tr").all()]


def test_two_users_take_a_case_to_an_answered_art_33_consultation(office: None, page: Any, second_page: Any,
                                                                    live_server: str, console_errors: list[str]) -> None:
    base, kari, rita = live_server, page, second_page
    today = dt.date.today().isoformat()
    reply_by = (dt.date.today() + dt.timedelta(days=42)).isoformat()

    # 1. Kari logs in and assesses the placement
    log_in(kari, base, "kari", check=True)
    walk = Walk(kari, base, "reg")
    assess_kinship_placement_in_sweden(walk)
    assert walk.findings()[0] == ("Norway (NO)", "Art. 5(1)", "May act")
    consultation = kari.locator("#action-art33-placement-consultation-se")
    assert consultation.locator(".badge").first.inner_text() == "MUST"
    assert "Ready to draft" in consultation.inner_text()
    assert "Blocks the decision" in consultation.inner_text()

    # 2. saved in the register as version 1, Kari the caseworker; the Art. 33 action holds back the decision
    kari.click("details.register-save > summary")
    assert kari.locator("#reg-caseworker option:checked").inner_text() == "kari"
    kari.fill("#reg-reference", "BV-2026-0311")
    kari.fill("#reg-title", "Kinship placement with relatives in Sweden")
    kari.click(".register-save__form button[type=submit]")
    kari.wait_for_url(re.compile(r"/cases/\d+$"))
    case_url = kari.url
    assert "Saved as case BV-2026-0311, version 1." in kari.locator("main").inner_text()
    meta = kari.locator(".case-meta").inner_text()
    assert "Version 1" in meta and "kari" in meta
    row = art33_row(kari)
    assert row.count() == 1
    assert "must" in row.inner_text() and "ready" in row.inner_text()
    assert "The decision waits:" in row.locator(".decision-wait").inner_text()
    look(kari, "case-v1")

    # 3. Kari drafts the consultation from the case; it is stored as a draft she may not review herself
    row.locator(f"a.button[href*='/letters/new/{ART33}?to=SE']").click()
    kari.wait_for_url(re.compile(rf"/cases/\d+/letters/new/{ART33}\?to=SE$"))
    assert kari.locator("[name='our_reference']").input_value() == "BV-2026-0311"  # filled from the case
    kari.fill("[name='sender.authority']", "Barneverntjenesten i Bergen")
    kari.fill("[name='extra.proposed_carers']", "The child's paternal uncle and his wife in Uppsala.")
    kari.fill("[name='extra.duration']", "Long term, reviewed yearly.")
    kari.fill("[name='reply_by']", reply_by)
    look(kari, "draft-form")
    kari.click(".details-form .actions button[type=submit]")
    kari.wait_for_url(re.compile(r"/cases/\d+#letter-\d+$"))
    assert "The draft is stored with the case. It must be reviewed before it is sent." in kari.locator("main").inner_text()
    assert letter(kari).locator("h3 .badge").inner_text() == "draft"
    assert f"Reply by\n{reply_by}" in letter(kari).locator(".letter-facts").inner_text()
    waiting = letter(kari).locator(".notice").inner_text()
    # four eyes: a reviewer or an admin other than the drafter; Kari, a caseworker, is neither
    assert "Waiting for review by a second person." in waiting and "a reviewer or an admin" in waiting
    assert letter(kari).locator("form[action$='/review']").count() == 0  # no review control for the drafter
    letter_id = letter(kari).get_attribute("id").removeprefix("letter-")
    # and the server refuses it too, should the request be sent anyway (with a valid CSRF token)
    token = kari.locator("input[name=csrf_token]").first.get_attribute("value")
    forced = kari.request.post(f"{case_url}/letters/{letter_id}/review", form={"csrf_token": token})
    assert forced.ok and "Not done: your office requires a second person to review letters: a reviewer or an admin" in forced.text()

    # 4. Rita logs in in her own browser, finds the case in the list and reviews the letter
    log_in(rita, base, "rita")
    look(rita, "case-list")
    listed = rita.locator(".case-table tbody tr", has_text="BV-2026-0311")
    assert "Kinship placement with relatives in Sweden" in listed.inner_text() and "kari" in listed.inner_text()
    listed.locator("a", has_text="BV-2026-0311").click()
    rita.wait_for_url(case_url)
    letter(rita).locator("form[action$='/review'] button[type=submit]").click()
    rita.wait_for_url(re.compile(rf"/cases/\d+#letter-{letter_id}$"))
    assert "The letter is marked as reviewed. It can now be sent." in rita.locator("main").inner_text()
    assert letter(rita).locator("h3 .badge").inner_text() == "reviewed"

    # Kari records it as sent: the case waits for Sweden's answer
    kari.goto(case_url)
    sent_on = letter(kari).locator(f"#l{letter_id}-sent_on")
    assert sent_on.input_value() == today
    sent_on.fill(today)
    letter(kari).locator("form[action$='/send'] button[type=submit]").click()
    kari.wait_for_url(re.compile(rf"/cases/\d+#letter-{letter_id}$"))
    assert "The letter is recorded as sent." in kari.locator("main").inner_text()
    assert kari.locator(".case-head__ref .badge").inner_text() == "waiting for an answer"
    assert letter(kari).locator("h3 .badge").inner_text() == "sent, awaiting an answer"

    # the answer: received today, consent, a short note
    answer = letter(kari).locator("details.answer-form")
    assert answer.get_attribute("open") is not None  # open while the answer is awaited
    answer.locator(f"#l{letter_id}-received_on").fill(today)
    answer.locator("input[name=decision][value=consent]").check()
    answer.locator(f"#l{letter_id}-note").fill("Sweden consents; the municipality will supervise.")
    answer.locator("button[type=submit]").click()
    kari.wait_for_url(re.compile(rf"/cases/\d+#letter-{letter_id}$"))

    # 5. version 2 with the consent, the decision free, the letter answered, every step in the audit trail
    main = kari.locator("main").inner_text()
    assert "The consent is recorded: a new version of the case was assessed with it." in main
    meta = kari.locator(".case-meta").inner_text()
    assert "Version 2" in meta and "Art. 33 consent recorded" in meta
    assert kari.locator(".case-head__ref .badge").inner_text() == "open"
    assert kari.locator(".decision-wait").count() == 0
    row = art33_row(kari)
    assert "The decision no longer waits:" in row.locator(".decision-free").inner_text()
    assert letter(kari).locator("h3 .badge").inner_text() == "answered"
    got = letter(kari).locator(".answers li").inner_text()
    assert today in got and "consent" in got and "Sweden consents" in got and "(kari)" in got
    look(kari, "case-v2")
    steps = audit_trail(kari)
    wanted = [("kari", "case saved"), ("kari", "letter drafted"), ("rita", "letter reviewed"), ("kari", "letter sent"),
              ("kari", "answer logged"), ("kari", "new version")]
    assert [s for s in steps if s in wanted] == wanted, steps
    kari.locator(".case-meta a[href$='/versions/2']").click()
    kari.wait_for_url(re.compile(r"/cases/\d+/versions/2$"))
    assert "Art. 33 consent recorded" in kari.locator("main .facts").first.inner_text()
    kari.click("main details > summary")  # the facts of version 2, as stored
    assert '"art33_consent": true' in kari.locator("pre.facts-json").inner_text()

    # the stored PDF, once: the app serves it inline ("Open the PDF"), which Chromium shows in its viewer;
    # Alt+click is the browser's own "download this link", so the bytes arrive as a download
    kari.goto(case_url)
    with kari.expect_download() as waiting_for:
        letter(kari).locator("a[href$='.pdf']").click(modifiers=["Alt"])
    download = waiting_for.value
    assert download.suggested_filename == f"{case_url.rsplit('/', 1)[-1]}-{letter_id}-{ART33}.pdf"
    path = download.path()
    assert path is not None
    pdf = Path(path).read_bytes()
    assert pdf.startswith(b"%PDF")
    save_pdf(pdf, "reg-art33_placement_consultation")
    assert_pdf(pdf, "BV-2026-0311", "The child's paternal uncle and his wife in Uppsala.")
    kari.reload()
    assert audit_trail(kari)[-1] == ("kari", "letter opened")  # opening the PDF is recorded too
    assert console_errors == []
