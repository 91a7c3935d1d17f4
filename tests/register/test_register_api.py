"""The register's JSON API (/api/v1/cases), on both databases."""

from __future__ import annotations

import copy

import pytest
from flask import Flask
from flask.testing import FlaskClient
from register_support import E4, add_users, log_in

from hague.web.register_db import database


@pytest.fixture
def api(register_app: Flask) -> FlaskClient:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"), ("rita", "reviewer", "Bergen"),
              ("olav", "caseworker", "Oslo"))
    client = register_app.test_client()
    log_in(client, "kari")
    return client


def test_the_session_says_who_is_logged_in(api: FlaskClient) -> None:
    info = api.get("/api/v1/session").json
    assert info is not None and (info["user"], info["role"], info["office"]) == ("kari", "caseworker", "Bergen")
    assert info["csrf_token"]


def test_save_list_read_and_version_a_case(api: FlaskClient, book: object) -> None:
    created = api.post("/api/v1/cases", json={"reference": "BV-9", "title": "Placement", "case": E4, "caseworker": "rita",
                                              "due_on": "2026-06-01"})
    assert created.status_code == 201
    body = created.json
    assert body is not None and body["version"] == 1 and body["caseworker"] == "rita" and body["states"] == ["NO", "PL"]
    case_id = body["id"]
    assert [c["reference"] for c in api.get("/api/v1/cases?state=PL").json["cases"]] == ["BV-9"]  # type: ignore[index]
    assert api.get("/api/v1/cases?state=SE").json == {"cases": []}
    assert [c["id"] for c in api.get("/api/v1/cases?status=open&q=bv").json["cases"]] == [case_id]  # type: ignore[index]
    changed = copy.deepcopy(E4)
    changed["measure"]["art33_consent"] = True
    second = api.post(f"/api/v1/cases/{case_id}/versions", json={"case": changed})
    assert second.status_code == 201 and second.json is not None and second.json["number"] == 2
    art33 = [a for a in second.json["assessment"]["cooperation"] if a["action"] == "art33_placement_consultation"]
    assert art33[0]["blocks_decision"] is None
    case = api.get(f"/api/v1/cases/{case_id}").json
    assert case is not None and case["latest_version"] == 2 and [v["number"] for v in case["versions"]] == [2, 1]
    assert "facts" in case["versions"][0] and "facts" not in case["versions"][1]  # the latest in full
    first = api.get(f"/api/v1/cases/{case_id}/versions/1").json
    assert first is not None and first["facts"] == E4 and first["rules_version"] == first["assessment"]["rules_version"]
    assert api.get(f"/api/v1/cases/{case_id}/versions/3").status_code == 404
    events = api.get(f"/api/v1/cases/{case_id}/events").json
    assert events is not None and [e["kind"] for e in events["events"]] == ["case.created", "case.version_added"]
    assert all(e["user"] == "kari" and e["rules_version"] for e in events["events"])


@pytest.mark.parametrize(("body", "path"), [
    ({"reference": "", "title": "T", "case": E4}, "reference"),
    ({"reference": "R", "title": "T", "case": {**E4, "habitual_residence": [{"state": "NO", "from": "2010-01-01"}]}},
     "case.habitual_residence[0].from"),
    ({"reference": "R", "title": "T", "case": E4, "due_on": "June"}, "due_on"),
    ({"reference": "R", "title": "T", "case": E4, "caseworker": "olav"}, "caseworker"),  # another office's user
])
def test_invalid_input_is_422_with_the_field(api: FlaskClient, body: dict[str, object], path: str) -> None:
    response = api.post("/api/v1/cases", json=body)
    assert response.status_code == 422
    errors = response.json["errors"]  # type: ignore[index]
    assert errors[0]["path"] == path and errors[0]["message"]
    assert api.get("/api/v1/cases").json == {"cases": []}


def test_a_body_that_is_not_json_is_refused(api: FlaskClient) -> None:
    response = api.post("/api/v1/cases", data="reference=R", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and response.json and "JSON object" in response.json["detail"]
