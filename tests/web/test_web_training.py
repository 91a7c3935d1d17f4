"""Trainee mode: starting a session, answering (good and bad input), results, summary, ending."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_support import csrf_token

ROOT = Path(__file__).resolve().parents[2]
PICKED = ("tr-art7-abduction-three-months-ago", "tr-art33-barnevern-grandparents-in-germany",
          "tr-art10-divorce-withdrawn-custody-order-survives", "tr-scope-barnevern-aftercare-young-adult", "excluded-filiation")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name in PICKED:
        shutil.copy(ROOT / "scenarios" / f"{name}.yaml", folder)
    return folder


@pytest.fixture
def train(app: Flask, library: Path) -> Flask:
    app.config.update(TRAINING_SCENARIOS=str(library), TRAINING_SEED=3)
    return app


@pytest.fixture
def tc(train: Flask) -> FlaskClient:
    return train.test_client()


def start(tc: FlaskClient, **form: object) -> str:
    response = tc.post("/training/start", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def page(tc: FlaskClient, url: str) -> str:
    response = tc.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_index_offers_topics_levels_and_size_with_counts(tc):
    html = page(tc, "/training/")
    assert "<h1>Training</h1>" in html
    assert 'id="topic-abduction"' in html and 'id="level-advanced"' in html and 'id="size"' in html and 'value="5"' in html
    assert "The library has 4 training scenarios" in html  # the test-only scenario is not counted
    assert 'href="/training/library"' in html
    assert 'href="/training/"' in page(tc, "/")  # the nav shows Training


@pytest.mark.parametrize("size, message", [("abc", "Enter a whole number of scenarios from 1 to 20."),
                                           ("0", "from 1 to 20"), ("21", "from 1 to 20")])
def test_start_refuses_a_bad_size_and_keeps_the_input(tc, size, message):
    response = tc.post("/training/start", data={"size": size, "topic": ["abduction"]})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and 'href="#size"' in html and 'aria-invalid="true"' in html
    assert f'value="{size}"' in html and 'value="abduction" id="topic-abduction" checked' in html


def test_start_refuses_unknown_topics_and_empty_selections(tc):
    unknown = tc.post("/training/start", data={"topic": ["astrology"]})
    assert unknown.status_code == 422 and "Choose topics from the list." in unknown.get_data(as_text=True)
    empty = tc.post("/training/start", data={"topic": ["divorce_forum"], "level": ["basic"]})
    assert empty.status_code == 422
    assert "No training scenario has these topics at these levels" in empty.get_data(as_text=True)


def test_a_session_draws_training_scenarios_easiest_first(tc, train):
    assert start(tc) == "/training/session/1"
    with tc.session_transaction() as cookie:
        key = cookie["training_id"]
        assert set(cookie.keys()) <= {"training_id", "csrf_token", "_flashes", "_permanent"}  # nothing about the person
    stored = json.loads((Path(train.instance_path) / "training" / f"{key}.json").read_text())
    assert set(stored) == {"ids", "answers", "filters"}
    assert len(stored["ids"]) == 4 and "excluded-filiation" not in stored["ids"]
    assert stored["ids"][-1] == "tr-art10-divorce-withdrawn-custody-order-survives"  # the advanced one last


def test_without_a_session_the_pages_send_you_to_the_start(tc):
    for url in ("/training/session/1", "/training/session/1/result", "/training/summary"):
        response = tc.get(url)
        assert response.status_code == 302 and response.headers["Location"] == "/training/"
    assert "Start a training session first." in page(tc, "/training/")


def test_question_out_of_range_is_404(tc):
    start(tc, topic=["abduction"])
    response = tc.get("/training/session/2")
    assert response.status_code == 404 and "This session has 1 scenarios." in response.get_data(as_text=True)


def test_answering_a_jurisdiction_question_right(tc):
    start(tc, topic=["abduction"])
    html = page(tc, "/training/session/1")
    assert "Scenario 1 of 1" in html and "Sara took her daughter Alva" in html and "Key facts" in html
    assert "Three months after an abduction" not in html  # the title would give the answer away
    assert 'name="article-NO"' in html and 'id="seat-none"' in html and '<option value="BIIb 9">' in html
    response = tc.post("/training/session/1", data={"do": "answer", "seat": "NO", "article-NO": "7"})
    assert response.status_code == 302 and response.headers["Location"] == "/training/session/1/result"
    result = page(tc, "/training/session/1/result")
    assert "You scored 1 out of 1" in result and "Right" in result
    assert "Three months after an abduction" in result and "1980 Art. 16" in result  # title and explanation
    assert "The engine's reasoning, step by step" in result and "J1 Art. 7" in result
    again = tc.get("/training/session/1")  # answered: no second try
    assert again.status_code == 302 and again.headers["Location"].endswith("/session/1/result")
    summary = page(tc, "/training/summary")
    assert "Your score: 1 / 1 points (100%)" in summary and "Abduction" in summary and "See the session summary" in result


@pytest.mark.parametrize("form, message", [
    ({}, "Tick each State whose authorities may act now, or tick"),
    ({"seat": "NO"}, "Choose the Article under which Norway may act, or untick Norway."),
    ({"article-SE": "11"}, "You chose an Article for Sweden but did not tick it"),
    ({"seat": ["NO", "none"], "article-NO": "7"}, "You ticked States and also"),
    ({"seat": "DE", "article-DE": "5(1)"}, "Tick only States listed for this case."),
    ({"seat": "NO", "article-NO": "99"}, "Choose one of the Articles listed."),
])
def test_jurisdiction_input_errors_are_shown_next_to_the_field_and_keep_the_input(tc, form, message):
    start(tc, topic=["abduction"])
    response = tc.post("/training/session/1", data={"do": "answer", **form})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and "There is a problem" in html and 'class="field-error"' in html
    if form.get("seat") == "NO":
        assert 'value="NO" id="seat-NO" data-article="article-NO" checked' in html


def test_cooperation_question_partial_credit_and_errors(tc):
    start(tc, topic=["placement_abroad"])
    html = page(tc, "/training/session/1")
    assert 'id="send-art33_placement_consultation-DE"' in html and "You are the authority of Norway" in html
    bad = tc.post("/training/session/1", data={"seat": "NO", "article-NO": "5(1)", "send": ["none", "art33_placement_consultation:DE"]})
    text = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "Choose the State whose law applies to the measure." in text and "choose one or the other" in text
    ok = tc.post("/training/session/1", data={"seat": "NO", "article-NO": "5(1)", "law": "NO",
                                              "send": ["art33_placement_consultation:NO", "art8_transfer_request:DE"]})
    assert ok.status_code == 302
    result = page(tc, "/training/session/1/result")
    assert "You scored 2.5 out of 3" in result and "Half right" in result and "Also open, no credit" in result
    assert "Must send" in result and "Art. 33" in result


def test_recognition_and_measures_questions(tc):
    start(tc, topic=["divorce_forum"])
    missing = tc.post("/training/session/1", data={"seat": "DK", "article-DK": "5(1)"})
    text = missing.get_data(as_text=True)
    assert missing.status_code == 422
    assert "Choose whether this measure is still in force" in text and "is the measure recognised in Denmark?" in text
    tc.post("/training/session/1", data={"seat": "DK", "article-DK": "5(1)", "measure-0": "lapsed", "rec-0-DK": "yes"})
    result = page(tc, "/training/session/1/result")
    assert "You scored 2 out of 3" in result and "still in force" in result and "Wrong" in result


def test_skip_shows_the_model_answer_with_no_points(tc):
    start(tc, topic=["scope"])
    assert tc.post("/training/session/1", data={"do": "skip"}).status_code == 302
    result = page(tc, "/training/session/1/result")
    assert "You skipped this scenario" in result and "You scored 0 out of 1" in result
    assert "The Convention does not apply." in result


def test_summary_counts_answered_scenarios_only_and_end_forgets_the_session(tc, train):
    start(tc, topic=["abduction", "scope"])
    tc.post("/training/session/1", data={"do": "skip"})
    summary = page(tc, "/training/summary")
    assert "You have answered 1 of 2 scenarios" in summary and "Not answered yet" in summary
    assert "Your score: 0 / 1 points (0%)" in summary and "By level" in summary
    html = page(tc, "/training/")
    assert "1 of 2 scenarios answered" in html and 'href="/training/session/2"' in html
    ended = tc.post("/training/end")
    assert ended.status_code == 302
    assert list((Path(train.instance_path) / "training").glob("*.json")) == []
    assert tc.get("/training/summary").status_code == 302


def test_a_scenario_that_no_longer_passes_is_not_served(tc, library):
    start(tc, topic=["abduction"])
    path = library / "tr-art7-abduction-three-months-ago.yaml"
    path.write_text(path.read_text().replace('article: "7"}]', 'article: "5(1)"}]'))
    response = tc.get("/training/session/1")
    assert response.status_code == 404 and "no longer passes its check" in response.get_data(as_text=True)
    assert "No training scenario has these topics" in tc.post("/training/start", data={"topic": "abduction"}).get_data(as_text=True)


def test_start_needs_the_csrf_token(csrf_app, library):
    csrf_app.config.update(TRAINING_SCENARIOS=str(library))
    client = csrf_app.test_client()
    assert client.post("/training/start", data={"size": "2"}).status_code == 400
    token = csrf_token(client.get("/training/").get_data(as_text=True))
    response = client.post("/training/start", data={"size": "2", "csrf_token": token})
    assert response.status_code == 302
