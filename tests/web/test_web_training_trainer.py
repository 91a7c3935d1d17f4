"""The trainer's view: the library table with check status, a scenario's page, explore, what if."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_support import csrf_token

ROOT = Path(__file__).resolve().parents[2]
PICKED = ("tr-art33-barnevern-grandparents-in-germany", "tr-art7-year-from-knowledge-not-removal", "excluded-filiation",
          "tr-art7-abduction-three-months-ago")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name in PICKED:
        shutil.copy(ROOT / "scenarios" / f"{name}.yaml", folder)
    broken = folder / "tr-art7-abduction-three-months-ago.yaml"  # a model answer the engine disagrees with
    broken.write_text(broken.read_text().replace('competent: [{state: NO, article: "7"}]', 'competent: [{state: SE, article: "5(1)"}]'))
    (folder / "not-a-scenario.yaml").write_text("format: hague-scenario/1\nid: not-a-scenario\n")
    return folder


@pytest.fixture
def tc(app: Flask, library: Path) -> FlaskClient:
    app.config.update(TRAINING_SCENARIOS=str(library))
    return app.test_client()


def get(tc: FlaskClient, url: str, status: int = 200) -> str:
    response = tc.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_library_lists_training_scenarios_with_their_check_status_failing_first(tc):
    html = get(tc, "/training/library")
    assert "5 scenario files; 2 fail the check." in html and "3 scenarios shown" in html
    assert html.index("Three months after an abduction") < html.index("Barnevern wants to place a girl")
    assert "badge--bad\">FAIL" in html and "badge--ok\">ok" in html
    assert "Placement abroad, Co-operation, Applicable law" in html and "who may act, law of the measure, what to send" in html
    assert "excluded-filiation" not in html and "<code>hague scenarios new ID</code>" in html


def test_library_filters_and_their_errors(tc):
    everything = get(tc, "/training/library?kind=all")
    assert "Establishing paternity is excluded" in everything and "test only" in everything and "not-a-scenario" in everything
    abduction = get(tc, "/training/library?topic=abduction&level=intermediate")
    assert "The year runs from knowing" in abduction and "Barnevern wants" not in abduction and "1 scenario shown" in abduction
    bad = tc.get("/training/library?topic=astrology&level=expert&kind=some")
    text = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "Choose a topic from the list." in text and "Choose a level from the list." in text
    assert "Choose training scenarios or all scenarios." in text and 'aria-invalid="true"' in text


def test_scenario_page_shows_story_facts_model_answer_explanation_and_trace(tc):
    html = get(tc, "/training/library/tr-art33-barnevern-grandparents-in-germany")
    assert "Check: ok." in html and "who may act, law of the measure, what to send" in html
    assert "The child welfare service in Lillestrom" in html and "Key facts" in html and "placement in Germany" in html
    assert "Norway, under" in html and "Must send" in html and "the decision must wait for the answer" in html
    assert "Art. 33(2)" in html and "step by step" in html
    assert 'action="/training/library/tr-art33-barnevern-grandparents-in-germany/explore"' in html
    assert '<option value="measure.placement_state" data-current="DE">measure.placement_state: DE</option>' in html
    assert "habitual_residence[+]: not in the case" in html


def test_scenario_page_of_a_failing_or_invalid_file_says_why(tc):
    failing = get(tc, "/training/library/tr-art7-abduction-three-months-ago")
    assert "Check: FAIL." in failing and "The engine and the model answer differ" in failing
    assert "competent: expected [(&#39;SE&#39;, &#39;5(1)&#39;)], engine says [(&#39;NO&#39;, &#39;7&#39;)]" in failing
    invalid = get(tc, "/training/library/not-a-scenario")
    assert "This file is not a valid scenario" in invalid and "title" in invalid


@pytest.mark.parametrize("url", ["/training/library/no-such-scenario", "/training/library/..%2Fsecret",
                                 "/training/library/no-such/what-if?fact=forum&value=NO"])
def test_unknown_scenarios_are_404_with_a_reason(tc, url):
    response = tc.get(url)
    assert response.status_code == 404


def test_unknown_scenario_page_names_it(tc):
    assert "There is no scenario &#39;no-such-scenario&#39; in the library." in get(tc, "/training/library/no-such-scenario", 404)


def test_explore_stores_the_case_for_the_wizard_and_opens_its_review(tc, app):
    response = tc.post("/training/library/tr-art33-barnevern-grandparents-in-germany/explore")
    assert response.status_code == 302
    assert response.headers["Location"] == "/assess/review"
    [stored] = (Path(app.instance_path) / "answers").glob("*.json")
    data = json.loads(stored.read_text())
    assert data["case"]["forum"] == "NO" and data["case"]["measure"]["placement_state"] == "DE"
    assert data["case"]["habitual_residence"][0]["from"] == "2018-11-11"  # dates as ISO text
    assert tc.post("/training/library/not-a-scenario/explore").status_code == 404


def test_explore_needs_the_csrf_token(csrf_app, library):
    csrf_app.config.update(TRAINING_SCENARIOS=str(library))
    client = csrf_app.test_client()
    url = "/training/library/tr-art33-barnevern-grandparents-in-germany"
    assert client.post(url + "/explore").status_code == 400
    token = csrf_token(client.get(url).get_data(as_text=True))
    assert client.post(url + "/explore", data={"csrf_token": token}).status_code == 302


def test_what_if_shows_both_assessments_and_what_changed(tc):
    html = get(tc, "/training/library/tr-art33-barnevern-grandparents-in-germany/what-if?fact=measure.placement_state&value=AE")
    assert "With measure.placement_state = AE" in html and "What changed:" in html
    changed = html[html.index("What changed:"):html.index('class="training-side"')]
    assert "Requests and notices" in changed and "no longer:" in changed and "Consultation on a placement" in changed
    assert "As in the scenario" in html and "With the change" in html
    moved = get(tc, "/training/library/tr-art7-year-from-knowledge-not-removal/what-if?fact=as_of&value=2026-04-11")
    changes = moved[moved.index("What changed:"):moved.index('class="training-side"')]
    assert "Who may act" in changes and "Spain" in changes


def test_what_if_adding_a_residence_entry(tc):
    url = "/training/library/tr-art33-barnevern-grandparents-in-germany/what-if"
    html = get(tc, url + "?fact=habitual_residence%5B%2B%5D&value=%7Bstate%3A+DE%2C+from%3A+2026-02-01%7D")
    assert "Germany:" in html[html.index("What changed:"):]


def test_what_if_nothing_changed_says_so(tc):
    html = get(tc, "/training/library/tr-art33-barnevern-grandparents-in-germany/what-if?fact=art37_no_risk&value=true")
    assert "Nothing changed in who may act" in html


@pytest.mark.parametrize("query, field, message", [
    ("fact=&value=SE", "fact", "Choose the fact to change from the list."),
    ("fact=child.shoe_size&value=40", "fact", "Choose the fact to change from the list."),
    ("fact=child.present_in&value=", "value", "Enter the new value (write unknown to make the fact unknown)."),
    ("fact=child.present_in&value=%5BNO", "value", "not valid YAML"),
    ("fact=measure.placement_state&value=Germany", "value", "The changed case is not valid: measure.placement_state: not an ISO 3166-1"),
    ("fact=habitual_residence%5B0%5D.from&value=2030-01-01", "value", "is after as_of 2026-03-01"),
])
def test_what_if_bad_input_gives_a_field_error_and_keeps_the_input(tc, query, field, message):
    response = tc.get(f"/training/library/tr-art33-barnevern-grandparents-in-germany/what-if?{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and f'id="{field}-error"' in html and f'href="#{field}"' in html
    assert "What changed:" not in html
    value = query.split("value=", 1)[1]
    if value and "%" not in value:
        assert f'value="{value}"' in html
