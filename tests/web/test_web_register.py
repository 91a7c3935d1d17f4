"""The register on the result page: the save form for logged-in users, a login link for others, on both databases."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "register"))  # the register's test support, shared
from register_support import BACKENDS, E4, add_users, app_config, fast_hashing, fresh_url, get_answers, log_in, put_answers

from hague import create_app
from hague.web.register_db import database


@pytest.fixture(params=BACKENDS)
def reg_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    with fast_hashing(), fresh_url(request, str(request.param), tmp_path) as url:
        app = create_app(app_config(url, tmp_path / "instance"))
        add_users(database(app), ("kari", "caseworker", "Bergen"))
        yield app
        database(app).dispose()


def test_the_result_page_offers_a_login_to_anonymous_visitors(reg_app: Flask) -> None:
    client = reg_app.test_client()
    put_answers(client, Path(reg_app.instance_path), {"case": E4, "raw": {}})
    page = client.get("/assess/result").get_data(as_text=True)
    assert 'href="/login?next=/assess/result"' in page and "Log in to save this assessment as a case" in page
    assert 'action="/cases/new"' not in page


def test_the_result_page_saves_as_a_case_then_as_a_version(reg_app: Flask) -> None:
    client = reg_app.test_client()
    instance = Path(reg_app.instance_path)
    log_in(client, "kari")
    put_answers(client, instance, {"case": E4, "raw": {}})
    page = client.get("/assess/result").get_data(as_text=True)
    form = re.search(r'<form method="post" action="/cases/new".*?</form>', page, re.S)
    assert form and 'name="csrf_token"' in form.group(0) and 'name="reference"' in form.group(0)
    assert '<option value="1" selected>kari</option>' in form.group(0)  # the user is the default caseworker
    saved = client.post("/cases/new", data={"reference": "BV-1", "title": "Placement", "caseworker": "1"})
    assert saved.status_code == 302
    case_id = get_answers(client, instance)["register_case_id"]
    again = client.get("/assess/result").get_data(as_text=True)
    assert f'action="/cases/{case_id}/versions"' in again and "Save as version 2 of case BV-1" in again
    assert client.post(f"/cases/{case_id}/versions").status_code == 302
    assert "Save as version 3 of case BV-1" in client.get("/assess/result").get_data(as_text=True)


def test_the_nav_shows_the_register(reg_app: Flask) -> None:
    assert '<a href="/cases">' in reg_app.test_client().get("/").get_data(as_text=True)


def _first_step_form(client: object, app: Flask) -> tuple[str, dict[str, str]]:
    from hague.web.wizard_steps import steps

    with app.test_request_context():
        step_id = steps()[0].id
    page = client.get(f"/assess/step/{step_id}").get_data(as_text=True)  # type: ignore[attr-defined]
    return step_id, dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))


def test_a_reopened_case_stays_linked_through_the_wizard_until_a_new_assessment(reg_app: Flask) -> None:
    client = reg_app.test_client()
    instance = Path(reg_app.instance_path)
    log_in(client, "kari")
    put_answers(client, instance, {"case": E4, "raw": {}})
    assert client.post("/cases/new", data={"reference": "BV-1", "title": "Placement"}).status_code == 302
    assert client.post("/cases/1/reopen").status_code == 302
    step_id, form = _first_step_form(client, reg_app)
    assert client.post(f"/assess/step/{step_id}", data=form).status_code == 302  # the wizard saves a step
    assert "Save as version 2 of case BV-1" in client.get("/assess/result").get_data(as_text=True)
    assert client.post("/assess/new").status_code == 302  # a new assessment: no longer this case
    with client.session_transaction() as session:
        key = session["answers_id"]
    (instance / "answers" / f"{key}.json").write_text(json.dumps({"case": E4, "raw": {}}))  # walked again, same store
    page = client.get("/assess/result").get_data(as_text=True)
    assert "Save as version" not in page and "Save in the case register" in page
