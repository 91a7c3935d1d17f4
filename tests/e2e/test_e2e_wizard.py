"""Three cases walked through the wizard in a real browser, from the first question to a downloaded PDF.

(a) a plain habitual-residence case: a care order in Norway (Art. 5(1));
(b) a wrongful removal from Poland to Norway where the Art. 7(1)(b) year has run and the child is
    settled: jurisdiction has moved to Norway (Art. 5(2)), Poland's Art. 7 retention has ended;
(c) an urgent kinship placement with an aunt in Poland, where the child is on a visit: Norway may act
    (Art. 5(1)), Poland only for the urgency (Art. 11); the Art. 33 consultation is a MUST, blocks the
    placement decision until Poland consents, and nothing is ready until the Art. 37 assessment.
Every page is checked by axe-core; no page may log a console error (a CSP violation shows there).
"""

from __future__ import annotations

import re
from typing import Any

from e2e_walk import Walk, assert_pdf, save_pdf


def test_a_care_order_at_home_norway_under_art_5_1(page: Any, live_server: str, console_errors: list[str]) -> None:
    walk = Walk(page, live_server, "a")
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
    walk.date("q-habitual_residence-0-from", "2014-05-10")
    walk.page.select_option("#q-habitual_residence-0-confidence", "certain")
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
    review = page.locator("main").inner_text()
    assert "Care order" in review
    walk.assess()

    assert walk.findings() == [("Norway (NO)", "Art. 5(1)", "May act")]
    assert page.locator(".result-meta").inner_text().count("2026-03-15") == 1
    assert page.locator("#not-competent").count() == 0
    pdf = walk.draft("art40_certificate", "NO", {"sender.authority": "Barneverntjenesten i Bergen",
                                                 "our_reference": "BV-2026-0042", "extra.holder": "Bergen kommune"})
    save_pdf(pdf, "a-art40_certificate")
    assert_pdf(pdf, "BV-2026-0042", "Barneverntjenesten i Bergen")
    assert console_errors == []
