"""The wizard walked step by step as a caseworker does: the case it stores, Back and Continue, the review."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from test_web_wizard_support import EXAMPLES, STEPS, example, form_of, post, same_case, stored_case

from hague import yamlio

ROOT = Path(__file__).resolve().parents[2]

E2 = "e2-abduction-timely-return-request.yaml"
E2_ANSWERS: dict[str, dict[str, object]] = {
    "asking": {"forum": "ES", "as_of": "2026-09-28"},
    "child": {"child.birth_date": "2017-03-14", "child.nationalities": ["NO", "ES"], "child.present_in": "ES"},
    "residence": {"habitual_residence[0].state": "NO", "habitual_residence[0].from": "2017-03-14",
                  "habitual_residence[1].state": "ES", "habitual_residence[1].from": "2025-09-01"},
    "removal": {"removal": "yes", "removal.kind": "removal", "removal.date": "2025-01-10", "removal.from": "NO",
                "removal.to": "ES", "removal.breach_of_custody": "yes", "removal.custody_exercised": "yes",
                "removal.consented": "no", "removal.acquiesced": "no", "removal.whereabouts_known": "2025-02-09",
                "removal.return_request": "yes", "removal.return_request.lodged": "2025-07-29",
                "removal.return_request.status": "pending", "removal.child_settled": "yes"},
    "proceedings": {"proceedings[0].state": "ES", "proceedings[0].kind": "return", "proceedings[0].commenced": "2025-07-29",
                    "proceedings[0].status": "pending"},
    "measure": {"measure.type": "custody"},
    "existing": {},
    "cooperation": {},
}


def test_the_start_page_offers_new_continue_and_upload(client: FlaskClient) -> None:
    html = client.get("/assess/").get_data(as_text=True)
    assert 'action="/assess/new"' in html and 'action="/assess/upload"' in html and 'enctype="multipart/form-data"' in html
    assert "Continue the case in progress" not in html
    client.post("/assess/new")
    post(client, "asking", {"forum": "NO", "as_of": "2026-03-01"})
    html = client.get("/assess/").get_data(as_text=True)
    assert "Continue the case in progress" in html and "/assess/step/asking" in html


def test_walking_every_step_stores_the_e2_case(client: FlaskClient) -> None:
    assert client.post("/assess/new").headers["Location"] == "/assess/step/asking"
    for i, step in enumerate(STEPS):
        response = post(client, step, E2_ANSWERS[step])
        following = STEPS[i + 1] if i + 1 < len(STEPS) else "review"
        expected = f"/assess/step/{following}" if following != "review" else "/assess/review"
        assert response.status_code == 302, (step, response.get_data(as_text=True)[:3000])
        assert response.headers["Location"] == expected
    assert same_case(stored_case(client), example(E2))
    review = client.get("/assess/review").get_data(as_text=True)
    assert "Spain" in review and "Norway" in review and "Some answers need attention" not in review
    assessed = client.post("/assess/review", data={"action": "assess"})
    assert assessed.status_code == 302 and assessed.headers["Location"].endswith("/assess/result")


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_survives_every_step_as_rendered(client: FlaskClient, name: str) -> None:
    """Upload an example, then submit every step exactly as the browser shows it: nothing changes."""
    text = (EXAMPLES / name).read_bytes()
    client.post("/assess/upload", data={"case_file": (BytesIO(text), name)}, content_type="multipart/form-data")
    for step in STEPS:
        html = client.get(f"/assess/step/{step}").get_data(as_text=True)
        response = post(client, step, form_of(html))
        assert response.status_code == 302, (step, response.get_data(as_text=True)[:2000])
    assert same_case(stored_case(client), example(name))


def _leaves(data: object, path: str = "") -> set[str]:
    """The field paths a case gives ('removal.return_request.status', 'proceedings[].kind')."""
    if isinstance(data, dict):
        return set().union(*(_leaves(v, f"{path}.{k}" if path else str(k)) for k, v in data.items())) if data else {path}
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return set().union(*(_leaves(v, f"{path}[]") for v in data))
    return {path}


def _covering_scenarios() -> list[Path]:
    """Few scenarios that together give every case field any scenario gives (the whole library takes too long)."""
    cases = {p: yamlio.load_path(p).get("case") for p in sorted((ROOT / "scenarios").glob("*.yaml"))}
    fields = {p: _leaves(c) for p, c in cases.items() if isinstance(c, dict)}
    chosen: list[Path] = []
    missing = set().union(*fields.values())
    while missing:
        best = max(fields, key=lambda p: len(fields[p] & missing))
        chosen.append(best)
        missing -= fields[best]
    return chosen


@pytest.mark.parametrize("path", _covering_scenarios(), ids=lambda p: p.stem)
def test_scenario_cases_survive_every_step_as_rendered(client: FlaskClient, path: Path) -> None:
    case = yamlio.load_path(path)["case"]
    client.post("/assess/upload", data={"case_file": (BytesIO(yamlio.dumps(case).encode()), "case.yaml")},
                content_type="multipart/form-data")
    for step in STEPS:
        response = post(client, step, form_of(client.get(f"/assess/step/{step}").get_data(as_text=True)))
        assert response.status_code == 302, (step, response.get_data(as_text=True)[:2000])
    assert same_case(stored_case(client), case)


def test_back_keeps_answers_even_invalid_and_continue_shows_them_again(client: FlaskClient) -> None:
    client.post("/assess/new")
    post(client, "asking", {"forum": "ES", "as_of": "2026-09-28"})
    back = post(client, "child", {"child.birth_date": "2015-13-40", "child.present_in": "ES"}, action="back")
    assert back.status_code == 302 and back.headers["Location"] == "/assess/step/asking"
    asking = client.get("/assess/step/asking").get_data(as_text=True)
    assert 'value="2026-09-28"' in asking and '<option value="ES" selected>' in asking
    child = client.get("/assess/step/child").get_data(as_text=True)
    assert 'type="text" inputmode="numeric" id="q-child-birth_date" name="child.birth_date" value="2015-13-40"' in child
    assert stored_case(client)["child"]["birth_date"] == "2015-13-40"
    fixed = post(client, "child", {"child.birth_date": "2015-12-04", "child.present_in": "ES"})
    assert fixed.headers["Location"] == "/assess/step/residence"
    assert 'type="date" id="q-child-birth_date" name="child.birth_date" value="2015-12-04"' in client.get(
        "/assess/step/child").get_data(as_text=True)


def test_progress_marks_the_current_step(client: FlaskClient) -> None:
    html = client.get("/assess/step/removal").get_data(as_text=True)
    assert html.count('aria-current="step"') == 1
    assert 'href="/assess/step/removal" data-step="removal" aria-current="step"' in html
    assert "Step 4 of 9" in html


def test_enter_means_continue_the_first_button_of_the_form(client: FlaskClient) -> None:
    html = client.get("/assess/step/residence").get_data(as_text=True)
    form = html[html.index('id="wizard-form"'):]
    first = form[form.index("<button"):]
    assert first.startswith('<button type="submit" name="action" value="continue"')


def test_an_unknown_step_is_404(client: FlaskClient) -> None:
    assert client.get("/assess/step/nothing").status_code == 404


def test_as_of_is_prefilled_with_today_and_must_be_given(client: FlaskClient) -> None:
    import datetime as dt

    client.post("/assess/new")
    assert f'value="{dt.date.today().isoformat()}"' in client.get("/assess/step/asking").get_data(as_text=True)
    response = post(client, "asking", {"forum": "", "as_of": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Date of the assessment: Answer this question." in html
    assert 'href="#q-as_of"' in html and 'aria-invalid="true"' in html
