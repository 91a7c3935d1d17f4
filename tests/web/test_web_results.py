"""The result page: the answer first (who may act, under which Article), then every other finding, cited."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from typing import Any

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient
from web_support import example_data, seed

from hague.web import wizard


def section(page: str, ident: str) -> str:
    match = re.search(rf'<section id="{ident}".*?</section>', page, re.S)
    assert match, f"no section {ident}"
    return match.group(0)


def text(fragment: str) -> str:
    """What a reader sees, the citations' pop-up summaries left out."""
    fragment = re.sub(r'<span class="cite__summary".*?</span></span>', "</span>", fragment, flags=re.S)
    words = " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r"\s+([),.:;])", r"\1", re.sub(r"\(\s+", "(", words))


def chunks(fragment: str, css_class: str) -> list[str]:
    """The list items of one kind (by their first class) in a fragment, each from its opening tag."""
    return ["<li" + part for part in re.split(rf'<li(?= class="{css_class}\b)', fragment)[1:]]


def result(app: Flask, client: FlaskClient, case: dict[str, Any]) -> str:
    seed(app, client, case)
    response = client.get("/assess/result")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_without_a_case_the_page_sends_you_to_the_wizard(app: Flask, client: FlaskClient) -> None:
    response = client.get("/assess/result")
    assert response.status_code == 302
    with app.test_request_context():
        expected = url_for("wizard.start") if "wizard.start" in app.view_functions else url_for("pages.home")
    assert response.headers["Location"] == expected


def test_e2_norway_keeps_jurisdiction_under_art_7_and_spain_is_not_competent(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e2"))
    answer = section(page, "answer")
    assert page.index('id="answer"') < page.index('id="scope"') < page.index('id="cooperation"')
    findings = chunks(answer, "finding")
    assert len(findings) == 1
    first = text(findings[0])
    assert first.startswith("Norway (NO) May act") and "Ground: Art. 7 " in first
    assert "Conditional" not in first and "return request" in first  # what would end it, in words
    assert "finding--competent" in answer
    not_competent = text(answer.split('id="not-competent"', 1)[1])
    assert "Spain (ES)" in not_competent and "Art. 7(3)" in not_competent and "Art. 11" in not_competent
    head = text(page.split('id="answer"', 1)[0])
    assert "Forum Spain (ES)" in head and "As of 2026-09-28" in head and "on 2026-09-28" in head
    assert "Rules version" in head


def test_e1_switzerland_must_abstain_under_art_13_and_measures_taken_stay(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e1"))
    findings = chunks(section(page, "answer"), "finding")
    assert [text(f).split(" Ground")[0] for f in findings] == ["Switzerland (CH) Must abstain under Art. 13"]
    assert "finding--must_abstain" in section(page, "answer") and "Ground: Art. 5(2)" in text(findings[0])
    assert "Norway (NO)" in text(section(page, "answer").split('id="not-competent"', 1)[1])
    existing = text(section(page, "existing"))
    assert "Access or contact order taken by Norway on 2024-05-01" in existing and "In force" in existing
    assert "Art. 14" in existing
    law = text(section(page, "law"))
    assert "Art. 15(3)" in law and "from 2026-01-15, the law of Switzerland" in law


def test_e4_cooperation_marks_the_art_33_duty_and_offers_drafts(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e4"))
    assert "Norway (NO) May act" in text(chunks(section(page, "answer"), "finding")[0])
    assert "The law requires these steps" in text(section(page, "answer"))
    actions = {re.findall(r'id="([^"]+)"', c)[0]: c for c in chunks(section(page, "cooperation"), "item")}
    art33 = actions["action-art33-placement-consultation-pl"]
    assert text(art33).startswith("MUST Consultation on a placement or kafala in another Contracting State (Art. 33)")
    assert "Blocks the decision:" in text(art33) and "Polish (pl)" in text(art33)
    assert 'href="/assess/result/draft/art33_placement_consultation?to=PL"' in art33
    assert next(iter(actions)) == "action-art33-placement-consultation-pl"  # duties first
    art8 = text(actions["action-art8-transfer-request-pl"])
    assert art8.startswith("may Request to another State to assume jurisdiction") and "Ready to draft" in art8
    transfers = text(section(page, "transfers"))
    assert "discretionary" in transfers and "Art. 8(2)(a)" in transfers


def test_every_citation_goes_through_the_cite_macro(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e4"))
    assert page.count('class="cite"') > 30
    assert re.search(r'<a class="cite__link" href="https://www\.hcch\.net[^"]*" aria-describedby="tip-[^"]+">Art\. 33</a>', page)


def test_trace_is_behind_a_disclosure_and_the_page_is_print_friendly(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e2"))
    trace = re.search(r'<details class="trace">(.*?)</details>', page, re.S)
    assert trace and "J0 scope" in text(trace.group(1)) and "Art. 7" in text(trace.group(1))
    assert "results.css" in page and "results.js" in page and "style=" not in page and "<script>" not in page
    assert "Print command" in page


def test_missing_facts_link_to_their_questions_and_conditional_findings_are_marked(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(wizard, "question_url"):  # until the wizard offers it, stand in for it
        monkeypatch.setattr(wizard, "question_url", lambda fact: f"/assess/question/{fact}", raising=False)
    case = example_data("e2")
    del case["removal"]["whereabouts_known"]
    page = result(app, client, case)
    with app.test_request_context():
        href = wizard.question_url("removal.whereabouts_known")
    findings = chunks(section(page, "answer"), "finding")
    assert all("Conditional" in text(f) for f in findings) and "Norway (NO)" in text(findings[0])
    assert f'href="{htmllib.escape(href)}"' in findings[0]
    missing = section(page, "missing")
    item = next(c for c in chunks(missing, "item") if "removal.whereabouts_known" in c)
    assert "On which date did the custody holder know" in text(item) and "Art. 7(1)(b)" in text(item)
    assert f'href="{htmllib.escape(href)}"' in item and "Answer this question" in text(item)


def test_without_as_of_the_page_says_it_used_today(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e4", as_of=None))
    head = text(page.split('id="answer"', 1)[0])
    assert f"As of {dt.date.today().isoformat()} (the case gives no date: today)" in head


def test_an_invalid_case_goes_back_to_the_review(app: Flask, client: FlaskClient) -> None:
    case = example_data("e4")
    case["habitual_residence"] = [{"state": "NO", "from": "2010-01-01"}]  # before the birth
    seed(app, client, case)
    response = client.get("/assess/result")
    if "wizard.review" in app.view_functions:
        assert response.status_code == 302
        with app.test_request_context():
            assert response.headers["Location"] == url_for("wizard.review")
    else:
        assert response.status_code == 422
        assert "habitual_residence[0].from" in response.get_data(as_text=True)


def test_e6_urgency_limits_and_national_law_grounds_are_shown(app: Flask, client: FlaskClient) -> None:
    page = result(app, client, example_data("e6"))
    findings = [text(f) for f in chunks(section(page, "answer"), "finding")]
    assert findings[0].startswith("Norway (NO) May act Ground: Art. 11 (urgency)")
    assert "Limits urgent measures only" in findings[0]
    assert any(f.startswith("United States of America (US) May act Ground: national law") for f in findings)


@pytest.mark.parametrize("name", ["e3", "e5"])
def test_the_other_examples_render_with_the_answer_first(app: Flask, client: FlaskClient, name: str) -> None:
    page = result(app, client, example_data(name))
    assert text(chunks(section(page, "answer"), "finding")[0]).startswith("Norway (NO) May act")
    assert page.index('id="answer"') < page.index('id="scope"') < page.index('id="trace"')
