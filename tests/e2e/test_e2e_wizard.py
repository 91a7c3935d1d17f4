"""Three cases walked through the wizard in a real browser, from the first question to a downloaded PDF.

(a) a plain habitual-residence case: a care order in Norway, the child at home (Art. 5(1));
(b) a wrongful removal from Poland to Norway where the Art. 7(1)(b) year has run and the child is
    settled: jurisdiction has moved to Norway (Art. 5(2)), Poland's Art. 7 retention has ended;
(c) an urgent kinship placement with an aunt in Poland, where the child is on a visit: Norway may act
    (Art. 5(1)), Poland only for the urgency (Art. 11); the Art. 33 consultation is a MUST, blocks the
    placement decision until Poland consents, and nothing is ready until the Art. 37 assessment.
Case (a) is walked again in Norwegian. Every page is checked by axe-core, and no page may log a
console error (a CSP violation would show there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from e2e_support import new_profile, watched_tab
from e2e_walk import CONTINUE, Walk, assert_pdf, save_pdf


def walk_a(walk: Walk) -> None:
    """Case (a), with a slip on the way: a residence period that starts before the birth, then corrected."""
    page = walk.page
    walk.start()
    walk.state("q-forum", "NO")
    walk.date("q-as_of", "2026-03-01")
    walk.next("child")
    walk.date("q-child-birth_date", "2014-05-10")
    walk.state("q-child-nationalities-0", "NO")
    walk.state("q-child-present_in", "NO")
    walk.radio("q-child-refugee_or_displaced", "no")
    walk.next("residence")
    walk.state("q-habitual_residence-0-state", "NO")
    walk.date("q-habitual_residence-0-from", "2014-04-10")  # a month before the birth
    walk.page.select_option("#q-habitual_residence-0-confidence", "certain")
    walk.page.click(CONTINUE)
    walk.at("residence")  # refused, with the error at the field and in the summary
    summary = page.locator("#error-summary")
    assert summary.is_visible() and page.evaluate("document.activeElement.id") == "error-summary"
    assert "2014" in summary.inner_text()
    field = page.locator("#q-habitual_residence-0-from")
    assert field.get_attribute("aria-invalid") == "true" and field.input_value() == "2014-04-10"  # kept as typed
    assert "q-habitual_residence-0-from-error" in (field.get_attribute("aria-describedby") or "")
    walk.look("residence-error")
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "q-habitual_residence-0-from"
    walk.date("q-habitual_residence-0-from", "2014-05-10")
    walk.next("removal")
    assert page.locator("#q-removal-kind-removal").is_hidden()  # the removal questions wait for a yes
    walk.radio("q-removal", "no")
    walk.next("proceedings")
    walk.next("measure")
    walk.measure("q-measure-type", "omsorgsovertakelse", "care_order")
    # a care order may place the child: the Art. 33 question is offered, and left empty (a placement at home)
    assert page.locator("#q-measure-placement_state").is_visible()
    walk.date("q-measure-date", "2026-03-15")
    walk.radio("q-measure-urgent", "no")
    walk.next("existing")
    walk.next("cooperation")
    walk.radio("q-danger-serious", "no")
    walk.radio("q-art37_no_risk", "yes")
    walk.next("review")


def test_a_care_order_at_home_norway_under_art_5_1(page: Any, live_server: str, console_errors: list[str]) -> None:
    walk = Walk(page, live_server, "a")
    walk_a(walk)
    review = page.locator("main").inner_text()
    assert "Care order" in review and "10 May 2014" in review
    assert "Child exposed to serious danger\nNo" in review  # answered "No": shown as answered, not as a gap
    walk.assess()

    assert walk.findings() == [("Norway (NO)", "Art. 5(1)", "May act")]
    assert page.locator(".result-meta").inner_text().count("2026-03-15") == 1
    assert page.locator("#not-competent").count() == 0
    pdf = walk.draft("art40_certificate", "NO", {"sender.authority": "Barneverntjenesten i Bergen",
                                                 "our_reference": "BV-2026-0042", "extra.holder": "Bergen kommune"})
    save_pdf(pdf, "a-art40_certificate")
    assert_pdf(pdf, "BV-2026-0042", "Barneverntjenesten i Bergen")
    assert console_errors == []


@pytest.fixture
def norwegian(browser: Any, console_errors: list[str]) -> Iterator[Any]:
    """A page of a browser whose language is Norwegian (Accept-Language nb-NO)."""
    ctx = new_profile(browser, "nb-NO")
    yield watched_tab(ctx, console_errors)
    ctx.close()


def test_a_in_norwegian_from_the_first_question_to_the_pdf(norwegian: Any, live_server: str,
                                                          console_errors: list[str]) -> None:
    page = norwegian
    walk = Walk(page, live_server, "nb-a")
    walk_a(walk)
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("h1").inner_text() == "Kontroller svarene dine"
    assert "10. mai 2014" in page.locator("main").inner_text()  # dates in Norwegian on the review page
    walk.assess()
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("#answer-h").inner_text() == "Hvem kan treffe tiltak"
    assert walk.findings() == [("Norge (NO)", "Art. 5(1)", "Kan treffe tiltak")]
    pdf = walk.draft("art40_certificate", "NO", {"sender.authority": "Barneverntjenesten i Tromsø",
                                                 "our_reference": "BV-2026-0099"})
    save_pdf(pdf, "nb-a-art40_certificate")
    text = assert_pdf(pdf, "BV-2026-0099", "Barneverntjenesten i Tromsø")
    assert "Attest" in text  # a certificate issued at home: written in Norwegian
    assert console_errors == []


def test_b_abduction_after_the_art_7_year_jurisdiction_has_moved(page: Any, live_server: str,
                                                                 console_errors: list[str]) -> None:
    walk = Walk(page, live_server, "b")
    walk.start()
    walk.state("q-forum", "NO")
    walk.date("q-as_of", "2026-03-01")
    walk.next("child")
    walk.date("q-child-birth_date", "2017-03-14")
    walk.state("q-child-nationalities-0", "PL")
    walk.state("q-child-present_in", "NO")
    walk.next("residence")
    walk.state("q-habitual_residence-0-state", "PL")
    walk.date("q-habitual_residence-0-from", "2017-03-14")
    walk.add("habitual_residence")
    walk.state("q-habitual_residence-1-state", "NO")
    walk.date("q-habitual_residence-1-from", "2025-09-01")
    walk.page.select_option("#q-habitual_residence-1-confidence", "probable")
    walk.next("removal")
    walk.radio("q-removal", "yes")
    walk.radio("q-removal-kind", "removal")
    walk.date("q-removal-date", "2025-01-10")
    walk.state("q-removal-from", "PL")
    walk.state("q-removal-to", "NO")
    walk.radio("q-removal-breach_of_custody", "yes")
    walk.radio("q-removal-custody_exercised", "yes")
    walk.radio("q-removal-consented", "no")
    walk.radio("q-removal-acquiesced", "no")
    assert page.locator("#q-removal-acquiesced_on").is_hidden()  # asked only after a yes
    walk.date("q-removal-whereabouts_known", "2025-02-09")
    walk.radio("q-removal-return_request", "no")
    assert page.locator("#q-removal-return_request-lodged").is_hidden()
    walk.radio("q-removal-child_settled", "yes")
    walk.next("proceedings")
    walk.next("measure")
    walk.measure("q-measure-type", "daglig omsorg", "custody")
    walk.next("existing")
    walk.next("cooperation")
    walk.radio("q-art37_no_risk", "yes")
    walk.next("review")
    walk.assess()

    assert walk.findings() == [("Norway (NO)", "Art. 5(2)", "May act")]
    poland = page.locator(".not-competent > li", has_text="Poland").inner_text()
    # the year of Art. 7(1)(b): knowledge on 2025-02-09, the year ends at the end of 2026-02-09, met from the 10th
    assert "ends at the end of 2026-02-09" in poland and "2026-02-10" in poland, poland
    assert "Art. 7 retention has ended" in poland and "settled" in poland
    pdf = walk.draft("art8_transfer_request", "PL", {
        "sender.authority": "Oslo tingrett", "our_reference": "26-012345TVI-OTIR/05",
        "reasons": "The mother and the child's school are in Kraków."})
    save_pdf(pdf, "b-art8_transfer_request")
    assert_pdf(pdf, "26-012345TVI-OTIR/05", "The mother and the child's school are in Kraków.")
    assert console_errors == []


def test_c_urgent_placement_abroad_art_33_must_and_art_37(page: Any, live_server: str, console_errors: list[str]) -> None:
    walk = Walk(page, live_server, "c")
    walk.start()
    walk.state("q-forum", "NO")
    walk.date("q-as_of", "2026-03-01")
    walk.next("child")
    walk.date("q-child-birth_date", "2016-03-03")
    walk.state("q-child-nationalities-0", "NO")
    walk.add("child.nationalities")
    walk.state("q-child-nationalities-1", "PL")
    walk.state("q-child-present_in", "PL")
    walk.next("residence")
    walk.state("q-habitual_residence-0-state", "NO")
    walk.date("q-habitual_residence-0-from", "2016-03-03")
    walk.next("removal")
    walk.radio("q-removal", "no")
    walk.next("proceedings")
    walk.next("measure")
    assert page.locator("#q-measure-placement_state").is_hidden()  # no kind of measure chosen yet
    walk.measure("q-measure-type", "slektsfosterhjem", "kinship_placement")
    walk.date("q-measure-date", "2026-03-02")
    walk.state("q-measure-placement_state", "PL")
    assert page.locator("#q-measure-art33_consent-unknown").is_visible()
    walk.radio("q-measure-urgent", "yes")
    walk.type("q-measure-urgency_reason", "The only carer in Norway is in hospital.")
    walk.next("existing")
    walk.next("cooperation")
    walk.radio("q-art37_no_risk", "unknown")
    walk.next("review")
    walk.assess()
    assert walk.findings() == [("Norway (NO)", "Art. 5(1)", "May act"), ("Poland (PL)", "Art. 11", "May act")]
    duties = page.locator(".answer__duties").inner_text()
    assert "Poland" in duties and "Art. 33" in duties and "Blocks the decision" in duties and "Not ready" in duties
    consultation = page.locator("#action-art33-placement-consultation-pl")
    assert consultation.locator(".badge").first.inner_text() == "MUST"
    assert "Art. 37" in consultation.locator(".blocked").inner_text()
    assert consultation.locator("a.button").count() == 0  # nothing to draft before the Art. 37 assessment
    # a link to the drafting form kept from earlier says why not, and where to record the assessment
    page.goto(live_server + "/assess/result/draft/art33_placement_consultation?to=PL")
    refusal = page.locator(".refusal")
    assert "Art. 37" in refusal.inner_text() and refusal.locator("a[href*='art37_no_risk']").count() == 1
    walk.look("draft-refused")
    page.go_back()

    consultation.locator("a[href*='art37_no_risk']").click()  # "Record the Art. 37 assessment"
    walk.at("cooperation")
    walk.radio("q-art37_no_risk", "yes")
    page.click(CONTINUE)  # "Save and return to the review"
    page.wait_for_url(re.compile(r"/assess/review$"))
    walk.name = "c-art37"
    walk.assess()
    consultation = page.locator("#action-art33-placement-consultation-pl")
    assert "Ready to draft" in consultation.inner_text()
    assert "only after Poland has consented" in consultation.locator(".notice--warning").inner_text()
    walk.name = "c"
    pdf = walk.draft("art33_placement_consultation", "PL", {
        "sender.authority": "Barneverntjenesten i Bergen", "our_reference": "BV-2026-0077",
        "extra.proposed_carers": "The child's maternal aunt in Gdańsk.", "extra.duration": "Until the mother recovers."})
    save_pdf(pdf, "c-art33_placement_consultation")
    assert_pdf(pdf, "BV-2026-0077", "The child's maternal aunt in Gdańsk.")
    # the refused drafting form answers 409, which Chromium logs; nothing else may be logged
    assert [e for e in console_errors if "status of 409" not in e] == []
