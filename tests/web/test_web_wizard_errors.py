"""Each step's errors: next to the right field, in the summary, with the typed value shown again."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from test_web_wizard_support import post, stored_case


def _start(client: FlaskClient) -> None:
    client.post("/assess/new")
    post(client, "asking", {"forum": "NO", "as_of": "2026-03-01"})
    post(client, "child", {"child.birth_date": "2015-04-02", "child.present_in": "PL"})


def _field_error(html: str, field_id: str) -> str:
    """The error text shown next to a field (the element the field's aria-describedby names)."""
    match = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', html, re.S)
    assert match, f"no error next to {field_id}"
    return re.sub(r"<[^>]+>", "", match.group(1))


def _summary(html: str) -> str:
    start = html.index('class="error-summary"')
    return html[start:html.index("</div>", start)]


def test_a_residence_before_the_birth_date_is_shown_at_its_field(client: FlaskClient) -> None:
    _start(client)
    response = post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2014-01-01"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Is before the birth date 2 April 2015" in _field_error(html, "q-habitual_residence-0-from")
    assert 'href="#q-habitual_residence-0-from">From (period 1): Is before the birth date 2 April 2015' in _summary(html)
    assert re.search(r'id="q-habitual_residence-0-from" name="habitual_residence\[0\]\.from" value="2014-01-01" autocomplete="off" '
                     r'aria-describedby="q-habitual_residence-0-from-error" aria-invalid="true"', html)


def test_an_impossible_date_is_kept_as_typed_in_a_text_box(client: FlaskClient) -> None:
    _start(client)
    html = post(client, "residence", {"habitual_residence[0].state": "NO",
                                      "habitual_residence[0].from": "2015-13-40"}).get_data(as_text=True)
    assert "“2015-13-40” is not a real date" in _field_error(html, "q-habitual_residence-0-from")
    assert 'type="text" inputmode="numeric" id="q-habitual_residence-0-from" name="habitual_residence[0].from" value="2015-13-40"' in html
    assert stored_case(client)["habitual_residence"] == [{"state": "NO", "from": "2015-13-40"}]


def test_an_unknown_state_code_is_shown_as_given(client: FlaskClient) -> None:
    client.post("/assess/new")
    html = post(client, "asking", {"forum": "XQ", "as_of": "2026-03-01"}).get_data(as_text=True)
    assert "“XQ” is not a State we know" in _field_error(html, "q-forum")
    assert '<option value="XQ" selected>XQ (not a State code we know)</option>' in html
    assert 'href="#q-forum">State of the authority asking (the forum): “XQ” is not a State we know' in _summary(html)


def test_removal_from_must_match_the_residence_history(client: FlaskClient) -> None:
    _start(client)
    post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-02",
                               "habitual_residence[1].state": "PL", "habitual_residence[1].from": "2025-08-01"})
    response = post(client, "removal", {"removal": "yes", "removal.kind": "removal", "removal.date": "2025-01-10",
                                        "removal.from": "SE", "removal.to": "PL"})
    html = response.get_data(as_text=True)
    text = _field_error(html, "q-removal-from")
    assert text.startswith("Error: The habitual residence history shows Norway immediately before the removal on 10 January 2025;")
    assert "removal.from" not in text and "the State the child was taken from must be" in text
    assert 'href="#q-removal-from">State the child was taken from:' in _summary(html)
    assert '<option value="SE" selected>Sweden</option>' in html


def test_required_fields_after_the_gate_are_asked_for(client: FlaskClient) -> None:
    _start(client)
    post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-02"})
    html = post(client, "removal", {"removal": "yes"}).get_data(as_text=True)
    for field in ("q-removal-kind", "q-removal-date", "q-removal-from", "q-removal-to"):
        assert _field_error(html, field) == "Error: Answer this question."
    assert 'href="#q-removal-kind-removal">Removal or retention (which of the two): Answer this question.' in _summary(html)
    assert '<fieldset class="field wiz-radios" id="q-removal-kind" aria-describedby="q-removal-kind-error">' in html


def test_later_steps_errors_do_not_block_an_earlier_step(client: FlaskClient) -> None:
    _start(client)
    post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-02"})
    post(client, "measure", {"measure.type": "no_such_measure", "measure.date": "2026-02-30"}, action="back")
    assert stored_case(client)["measure"] == {"type": "no_such_measure", "date": "2026-02-30"}
    again = post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-02"})
    assert again.status_code == 302 and again.headers["Location"] == "/assess/step/removal"
    # ...while the earlier step's cross-checks still run: a residence before birth is caught though the measure is broken
    bad = post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-01"})
    assert bad.status_code == 200 and "Is before the birth date" in bad.get_data(as_text=True)
    measure = client.get("/assess/step/measure").get_data(as_text=True)
    assert "“no_such_measure” is not a kind of measure we know" in _field_error(measure, "q-measure-type")
    assert "“2026-02-30” is not a real date" in _field_error(measure, "q-measure-date")


def test_an_earlier_answer_that_breaks_a_later_step_shows_there(client: FlaskClient) -> None:
    _start(client)
    post(client, "residence", {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-02"})
    assert post(client, "asking", {"forum": "NO", "as_of": "2015-01-01"}).status_code == 302
    html = client.get("/assess/step/residence").get_data(as_text=True)
    assert "Is after the date of the assessment (1 January 2015)" in _field_error(html, "q-habitual_residence-0-from")


def test_a_fresh_step_shows_no_errors_before_it_is_submitted(client: FlaskClient) -> None:
    client.post("/assess/new")
    html = client.get("/assess/step/residence").get_data(as_text=True)
    assert "error-summary" not in html and 'aria-invalid="true"' not in html


def test_art10_questions_are_kept_aside_for_other_proceedings(client: FlaskClient) -> None:
    _start(client)
    answers = {"proceedings[0].state": "SE", "proceedings[0].kind": "protection", "proceedings[0].commenced": "2025-01-01",
               "proceedings[0].best_interests": "yes"}
    assert post(client, "proceedings", answers).status_code == 302
    assert "best_interests" not in stored_case(client)["proceedings"][0]
    html = client.get("/assess/step/proceedings").get_data(as_text=True)
    assert 'id="q-proceedings-0-best_interests-yes" name="proceedings[0].best_interests" value="yes" checked' in html
    assert 'data-when-name="proceedings[0].kind" data-when-values="divorce legal_separation annulment"' in html
    post(client, "proceedings", {**answers, "proceedings[0].kind": "divorce"})
    assert stored_case(client)["proceedings"][0]["best_interests"] is True
