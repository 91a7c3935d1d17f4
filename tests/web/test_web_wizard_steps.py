"""The questionnaire: its schema, every question reachable, question_url, records, lists, the removal gate."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pydantic import ValidationError
from test_web_wizard_support import STEPS, post, stored_case

from hague import yamlio
from hague.rulebook import RulesError, default_rulebook, load_rulebook
from hague.rules_check import case_fields
from hague.rules_schema import QuestionsFile
from hague.web.wizard import question_url
from hague.web.wizard_steps import anchor

ROOT = Path(__file__).resolve().parents[2]


def _questions() -> dict[str, object]:
    return yamlio.load_path(ROOT / "rules" / "questions.yaml")  # type: ignore[no-any-return]


def test_the_schema_rejects_an_unknown_input_kind() -> None:
    data = _questions()
    data["steps"][0]["questions"][0]["kind"] = "slider"  # type: ignore[index]
    with pytest.raises(ValidationError, match="kind"):
        QuestionsFile.model_validate(data)


@pytest.mark.parametrize(("change", "problem"), [
    (lambda q: q.update(extra="x"), "Extra inputs"),
    (lambda q: q.update(kind="choice"), "a choice needs options"),
    (lambda q: q.update(when={"field": "child.birth_date", "values": ["yes"]}), "not an earlier question"),
    (lambda q: q.update(options=[{"value": "maybe", "label": "Maybe"}], kind="yes_no"), "can only reword"),
])
def test_the_schema_rejects_questions_that_do_not_fit(change: object, problem: str) -> None:
    data = _questions()
    change(data["steps"][0]["questions"][0])  # type: ignore[index, operator]
    with pytest.raises(ValidationError, match=problem):
        QuestionsFile.model_validate(data)


def test_rules_check_names_a_question_of_no_case_field(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    path = tmp_path / "rules" / "questions.yaml"
    path.write_text(path.read_text().replace("field: child.refugee_or_displaced", "field: child.refugee"))
    with pytest.raises(RulesError, match=r"child\.refugee' is not a case field"):
        load_rulebook(tmp_path / "rules")


def test_every_case_field_has_a_question() -> None:
    asked = {q.field for s in default_rulebook().questions_file.steps for q in s.questions}
    objects = {"child", "danger", "measure", "format"}  # containers, and the format tag
    assert set(case_fields()) - asked == objects


def test_the_engine_still_finds_questions_by_field() -> None:
    book = default_rulebook()
    assert book.question("removal.whereabouts_known").text.startswith("On which date did the custody holder know")  # type: ignore[union-attr]
    assert book.question("habitual_residence[1].from").label == "From"  # type: ignore[union-attr]
    assert book.question("proceedings[0].best_interests") is not None


def test_every_question_is_reachable_in_some_step(client: FlaskClient) -> None:
    """Each question's input is on its step's page (conditional ones too, hidden only by the script)."""
    client.post("/assess/new")
    for field in ("habitual_residence", "proceedings", "existing_measures", "parental_responsibility_acts", "transfers"):
        step = "residence" if field == "habitual_residence" else "proceedings" if field == "proceedings" else "existing"
        post(client, step, {}, action=f"add:{field}")
    pages = {s: client.get(f"/assess/step/{s}?more=" + {"residence": "habitual_residence", "proceedings": "proceedings"}.get(s, ""))
             .get_data(as_text=True) for s in STEPS}
    pages["existing"] = "".join(client.get(f"/assess/step/existing?more={f}").get_data(as_text=True)
                                for f in ("existing_measures", "parental_responsibility_acts", "transfers"))
    for step in default_rulebook().questions_file.steps:
        for q in step.questions:
            concrete = q.field.replace("[]", "[0]")
            assert f'id="{anchor(concrete)}"' in pages[step.id], (step.id, q.field)


def test_question_url_opens_the_step_at_the_field(app: Flask) -> None:
    with app.test_request_context():
        assert question_url("removal.whereabouts_known") == "/assess/step/removal?next=review#q-removal-whereabouts_known"
        assert question_url("habitual_residence[1].from") == "/assess/step/residence?next=review#q-habitual_residence-1-from"
        assert question_url("habitual_residence[].state") == "/assess/step/residence?next=review#q-habitual_residence"
        assert question_url("proceedings[0].best_interests") == "/assess/step/proceedings?next=review#q-proceedings-0-best_interests"
        assert question_url("child.nationalities[1]") == "/assess/step/child?next=review#q-child-nationalities-1"
        assert question_url("art37_no_risk") == "/assess/step/cooperation?next=review#q-art37_no_risk"
        assert question_url("child") == "/assess/step/child?next=review#q-child-birth_date"
        assert question_url("removal") == "/assess/step/removal?next=review#q-removal"
        assert question_url("rules.states.BZ.entry_into_force") == "/assess/review"


def test_add_and_remove_records_without_script(client: FlaskClient) -> None:
    client.post("/assess/new")
    rows = {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2015-04-02"}
    added = post(client, "residence", rows, action="add:habitual_residence")
    assert added.status_code == 302
    assert added.headers["Location"] == "/assess/step/residence?more=habitual_residence#q-habitual_residence-1"
    html = client.get(added.headers["Location"]).get_data(as_text=True)
    assert 'id="q-habitual_residence-1"' in html and "Period 2" in html and 'value="remove:habitual_residence:1"' in html
    three = {**rows, "habitual_residence[1].state": "SE", "habitual_residence[1].from": "2018-01-01",
             "habitual_residence[2].state": "PL", "habitual_residence[2].from": "2020-01-01"}
    removed = post(client, "residence", three, action="remove:habitual_residence:1")
    assert removed.headers["Location"] == "/assess/step/residence#q-habitual_residence"
    assert stored_case(client)["habitual_residence"] == [{"state": "NO", "from": "2015-04-02"}, {"state": "PL", "from": "2020-01-01"}]
    # an "Add another" row left empty is not a record
    post(client, "residence", {**rows, "habitual_residence[1].state": "", "habitual_residence[1].from": ""})
    assert stored_case(client)["habitual_residence"] == [{"state": "NO", "from": "2015-04-02"}]


def test_add_another_state_to_a_list(client: FlaskClient) -> None:
    client.post("/assess/new")
    added = post(client, "child", {"child.nationalities": ["NO", "PL"]}, action="add:child.nationalities")
    assert added.headers["Location"] == "/assess/step/child?more=child.nationalities#q-child-nationalities-2"
    html = client.get(added.headers["Location"]).get_data(as_text=True)
    assert 'id="q-child-nationalities-2" name="child.nationalities"' in html
    post(client, "child", {"child.nationalities": ["NO", "", "SE"]}, action="back")
    assert stored_case(client)["child"]["nationalities"] == ["NO", "SE"]


def test_the_removal_gate(client: FlaskClient) -> None:
    client.post("/assess/new")
    html = client.get("/assess/step/removal").get_data(as_text=True)
    assert 'data-when-name="removal" data-when-values="yes"' in html
    assert "Only if the answer to “Removal or retention of the child” is “Yes”." in html  # the note shown without script
    details = {"removal.kind": "removal", "removal.date": "2025-01-10", "removal.from": "NO", "removal.to": "PL"}
    assert post(client, "removal", {"removal": "no", **details}).status_code == 302
    assert "removal" not in stored_case(client)
    html = client.get("/assess/step/removal").get_data(as_text=True)
    assert 'id="q-removal-no" name="removal" value="no" checked' in html
    assert 'id="q-removal-date" name="removal.date" value="2025-01-10"' in html  # kept aside, not lost
    post(client, "removal", {"removal": "yes", **details}, action="back")
    assert stored_case(client)["removal"] == {"kind": "removal", "date": "2025-01-10", "from": "NO", "to": "PL"}
    review = client.get("/assess/review").get_data(as_text=True)
    assert "State the child was taken to or kept in" in review


def test_an_unanswered_gate_means_no_removal(client: FlaskClient) -> None:
    client.post("/assess/new")
    post(client, "removal", {})
    assert "removal" not in stored_case(client)
    review = client.get("/assess/review").get_data(as_text=True)
    assert "Removal or retention of the child</a> <span class=\"muted\">(taken as no)" in review


def test_placement_questions_depend_on_the_measure_type(client: FlaskClient) -> None:
    client.post("/assess/new")
    html = client.get("/assess/step/measure").get_data(as_text=True)
    assert 'data-when-name="measure.type" data-when-values="" data-when-art33="1"' in html
    assert '<option value="foster_placement" data-search=' in html and 'data-art33="1"' in html
    post(client, "measure", {"measure.type": "custody", "measure.placement_state": "SE"})
    assert stored_case(client)["measure"] == {"type": "custody"}
    post(client, "measure", {"measure.type": "foster_placement", "measure.placement_state": "SE", "measure.art33_consent": "unknown"})
    assert stored_case(client)["measure"] == {"type": "foster_placement", "placement_state": "SE", "art33_consent": None}


def test_measures_are_found_by_their_local_names_without_script(client: FlaskClient) -> None:
    client.post("/assess/new")
    found = post(client, "measure", {"find.measure.type": "omsorgsovertakelse"}, action="find:measure.type")
    assert found.headers["Location"].startswith("/assess/step/measure?find=measure.type:omsorgsovertakelse")
    html = client.get(found.headers["Location"]).get_data(as_text=True)
    select = html[html.index('<select id="q-measure-type"'):html.index("</select>", html.index('<select id="q-measure-type"'))]
    assert 'value="care_order"' in select and 'value="custody"' not in select
    assert "omsorgsovertakelse" in select and 'size="' in select
    assert found.headers["Location"].endswith("#q-measure-type-find")
    # a search never drops the kind already chosen
    post(client, "measure", {"measure.type": "custody"}, action="back")
    html = client.get("/assess/step/measure?find=measure.type:omsorgsovertakelse").get_data(as_text=True)
    assert '<option value="custody" data-search="" selected>' in html
    assert "No kind of measure matches" in client.get("/assess/step/measure?find=measure.type:zzzz").get_data(as_text=True)


def test_a_measure_of_default_answers_only_says_nothing(client: FlaskClient) -> None:
    client.post("/assess/new")
    post(client, "measure", {"measure.urgent": "no", "measure.provisional_territorial": "no"})
    assert "measure" not in stored_case(client)
    html = client.get("/assess/step/measure").get_data(as_text=True)
    assert 'id="q-measure-urgent-no" name="measure.urgent" value="no" checked' in html  # the answers are still shown
    post(client, "measure", {"measure.urgent": "yes"})
    assert "Kind of measure: Answer this question." in post(client, "measure", {"measure.urgent": "yes"}).get_data(as_text=True)


def test_progress_links_save_through_the_script_action(client: FlaskClient) -> None:
    client.post("/assess/new")
    response = post(client, "child", {"child.birth_date": "2015-13-40"}, action="goto:measure")
    assert response.headers["Location"] == "/assess/step/measure"
    assert stored_case(client)["child"]["birth_date"] == "2015-13-40"
    assert post(client, "child", {}, action="goto:review").headers["Location"] == "/assess/review"
