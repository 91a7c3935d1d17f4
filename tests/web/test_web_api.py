"""The JSON API: assess, documents, States; JSON errors for every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from web_support import example_data

from hague.case import CaseError
from hague.cli import main
from hague.documents import KINDS
from hague.intake import read_case
from hague.rulebook import Rulebook


def post(client: FlaskClient, url: str, body: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def assert_json_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body: dict[str, Any] = response.get_json()
    assert isinstance(body["error"], str) and isinstance(body["detail"], str)
    assert "Traceback" not in response.get_data(as_text=True)
    return body


# --------------------------------------------------------------------------- assess


def test_assess_e2_norway_keeps_jurisdiction_under_art_7(client: FlaskClient) -> None:
    response = post(client, "/api/v1/assess", example_data("e2-abduction-timely-return-request.yaml"))
    assert response.status_code == 200 and response.mimetype == "application/json"
    result = response.get_json()
    assert result["format"] == "hague-assessment/1" and result["as_of"] == "2026-09-28"
    competent = [(f["state"], f["article"]) for f in result["jurisdiction"] if f["status"] == "competent"]
    assert competent == [("NO", "7")]
    assert "ES" in {n["state"] for n in result["not_competent"]}
    assert response.headers["Cache-Control"] == "no-store"


def test_assess_as_of_from_the_query_or_today(client: FlaskClient) -> None:
    case = example_data("e2-abduction-timely-return-request.yaml")
    assert post(client, "/api/v1/assess?as_of=2026-10-01", case).get_json()["as_of"] == "2026-10-01"
    del case["as_of"]
    assert post(client, "/api/v1/assess", case).get_json()["as_of"] == dt.date.today().isoformat()
    bad = assert_json_error(post(client, "/api/v1/assess?as_of=01.10.2026", case), 400)
    assert bad["errors"] == [{"path": "query.as_of", "value": "01.10.2026", "message": "must be a date written YYYY-MM-DD"}]


def test_assess_invalid_case_gives_exactly_the_field_errors(client: FlaskClient, book: Rulebook) -> None:
    case = {"as_of": "2026-03-01", "child": {"birth_date": "2015-04-02"},
            "habitual_residence": [{"state": "NO", "from": "2014-01-01"}]}
    body = assert_json_error(post(client, "/api/v1/assess", case), 422)
    with pytest.raises(CaseError) as expected:
        read_case(case, book)
    assert body["errors"] == [e.model_dump(mode="json") for e in expected.value.errors]
    assert body["errors"][0]["path"] == "habitual_residence[0].from" and body["errors"][0]["value"] == "2014-01-01"
    assert "before the birth date 2015-04-02" in body["errors"][0]["message"]


def test_assess_reports_every_problem_with_its_path(client: FlaskClient) -> None:
    case = {"child": {"birth_date": "2015-02-30", "present_in": "Norway"}, "habitual_residence": [{"state": "NO"}],
            "measure": {"type": "fosterhjem"}, "colour": "blue"}
    paths = {e["path"] for e in assert_json_error(post(client, "/api/v1/assess", case), 422)["errors"]}
    assert {"child.birth_date", "child.present_in", "habitual_residence[0].from", "colour"} <= paths


def test_json_string_no_is_norway_and_json_false_is_no_state(client: FlaskClient) -> None:
    case = example_data("e4-foster-placement-abroad.yaml")
    assert case["forum"] == "NO"
    result = post(client, "/api/v1/assess", case).get_json()
    assert result["forum"] == "NO" and ("NO", "5(1)") in {(f["state"], f["article"]) for f in result["jurisdiction"]}
    case["forum"] = False  # what YAML 1.1 would have made of a bare NO: in JSON it is a boolean, not a State
    errors = assert_json_error(post(client, "/api/v1/assess", case), 422)["errors"]
    assert [e["path"] for e in errors] == ["forum"] and errors[0]["value"] is False


@pytest.mark.parametrize(("body", "content_type", "status", "said"), [
    ("{not json", "application/json", 400, "not valid JSON"),
    ('{"as_of": NaN}', "application/json", 400, "NaN is not a JSON value"),
    ("", "application/json", 400, "empty"),
    (b"\xff\xfe", "application/json", 400, "UTF-8"),
    ("{}", "text/plain", 415, "Content-Type: application/json"),
    ("child: {}", "application/yaml", 415, "Content-Type: application/json"),
])
def test_assess_bad_bodies_are_json_errors(client: FlaskClient, body: str | bytes, content_type: str, status: int,
                                          said: str) -> None:
    response = client.post("/api/v1/assess", data=body, content_type=content_type)
    assert said in assert_json_error(response, status)["detail"]


def test_a_body_that_is_not_an_object_is_an_invalid_case(client: FlaskClient) -> None:
    errors = assert_json_error(post(client, "/api/v1/assess", [1, 2]), 422)["errors"]
    assert errors[0]["path"] == "(case)"


def test_body_over_the_size_limit_is_a_json_413(app: Flask, client: FlaskClient) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 2_000
    case = example_data("e2-abduction-timely-return-request.yaml")
    assert post(client, "/api/v1/assess", case).status_code == 200  # under the limit
    case["padding"] = "x" * 3_000
    assert_json_error(post(client, "/api/v1/assess", case), 413)
    assert_json_error(post(client, "/api/v1/documents/art33_placement_consultation", {"case": case}), 413)


def test_other_api_errors_are_json_never_html(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_json_error(client.get("/api/v1/no-such-thing"), 404)
    assert_json_error(client.get("/api/v1/assess"), 405)

    def broken(*_args: Any) -> Any:
        raise RuntimeError("engine bug with a secret fact")

    monkeypatch.setattr("hague.web.api.assess", broken)
    body = assert_json_error(post(client, "/api/v1/assess", example_data("e2-abduction-timely-return-request.yaml")), 500)
    assert "secret" not in json.dumps(body)


def test_the_api_needs_no_csrf_token(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    assert post(client, "/api/v1/assess", example_data("e2-abduction-timely-return-request.yaml")).status_code == 200
    assert client.post("/language", data={"lang": "fr"}).status_code == 400  # the forms still need one


# --------------------------------------------------------------------------- documents


def test_documents_returns_the_pdf_of_a_ready_action(client: FlaskClient) -> None:
    case = example_data("e4-foster-placement-abroad.yaml")
    assert case["art37_no_risk"] is True
    details = {"our_reference": "BV-2026-0042", "sender": {"authority": "Barneverntjenesten i Bergen"},
               "extra": {"duration": "two years"}}
    response = post(client, "/api/v1/documents/art33_placement_consultation", {"case": case, "details": details, "lang": "en"})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"] == 'attachment; filename="art33_placement_consultation.pdf"'


def test_documents_blocked_or_not_opened_is_409_with_the_reason(client: FlaskClient) -> None:
    case = example_data("e4-foster-placement-abroad.yaml")
    case["art37_no_risk"] = None
    body = assert_json_error(post(client, "/api/v1/documents/art33_placement_consultation", {"case": case}), 409)
    assert "Art. 37" in body["detail"] and "art37_no_risk: true" in body["detail"]
    other = example_data("e2-abduction-timely-return-request.yaml")
    body = assert_json_error(post(client, "/api/v1/documents/art33_placement_consultation", {"case": other}), 409)
    assert "does not open art33_placement_consultation" in body["detail"]


def test_documents_unknown_action_lists_the_documents(client: FlaskClient) -> None:
    body = assert_json_error(post(client, "/api/v1/documents/art99_letter", {"case": {}}), 404)
    assert body["documents"] == list(KINDS)


def test_documents_field_errors_of_case_details_and_request(client: FlaskClient) -> None:
    case = example_data("e4-foster-placement-abroad.yaml")
    url = "/api/v1/documents/art33_placement_consultation"
    broken = {**case, "child": {**case["child"], "birth_date": "2013-02-30"}}
    errors = assert_json_error(post(client, url, {"case": broken, "details": {"sender": {"emal": "x"}}}), 422)["errors"]
    assert {e["path"] for e in errors} == {"child.birth_date", "details.sender.emal"}
    errors = assert_json_error(post(client, url, {"case": case, "details": {"extra": {"colour": "red"}}}), 422)["errors"]
    assert [e["path"] for e in errors] == ["details.extra.colour"]
    errors = assert_json_error(post(client, url, {"case": case, "lang": "de", "to": "Poland", "copies": 2}), 422)["errors"]
    assert {e["path"] for e in errors} == {"lang", "to", "copies"}
    errors = assert_json_error(post(client, url, {"details": {}}), 422)["errors"]
    assert errors == [{"path": "case", "value": None, "message": "is required"}]


# --------------------------------------------------------------------------- states


def test_states_on_a_date_el_salvador_from_1_july_2025(client: FlaskClient, book: Rulebook) -> None:
    before = client.get("/api/v1/states?as_of=2025-06-30").get_json()
    after = client.get("/api/v1/states?as_of=2025-07-01").get_json()
    assert "SV" not in {s["code"] for s in before["states"]}
    salvador = next(s for s in after["states"] if s["code"] == "SV")
    assert salvador["in_force"] is True and salvador["entry_into_force"] == "2025-07-01"
    assert after["as_of"] == "2025-07-01" and after["status_data_as_of"] == book.status_as_of.isoformat()
    every = client.get("/api/v1/states?as_of=2025-06-30&all=true").get_json()
    assert {s["code"] for s in every["states"]} == set(book.states)
    assert assert_json_error(client.get("/api/v1/states?all=maybe"), 400)["errors"][0]["path"] == "query.all"


def test_states_rows_are_those_of_the_cli(client: FlaskClient) -> None:
    cli = CliRunner().invoke(main, ["states", "--as-of", "2016-07-01", "--json", "--all"])
    assert cli.exit_code == 0
    assert client.get("/api/v1/states?as_of=2016-07-01&all=1").get_json() == json.loads(cli.output)
