"""Case files: upload (valid, invalid, broken), download, and the round trip between them; the review page."""

from __future__ import annotations

from io import BytesIO

from flask import Flask
from flask.testing import FlaskClient
from test_web_wizard_support import EXAMPLES, example, post, same_case, stored_case
from web_support import csrf_token

from hague import yamlio

E2 = "e2-abduction-timely-return-request.yaml"


def _upload(client: FlaskClient, text: str | bytes, name: str = "case.yaml") -> object:
    data = text.encode() if isinstance(text, str) else text
    return client.post("/assess/upload", data={"case_file": (BytesIO(data), name)}, content_type="multipart/form-data")


def test_a_valid_case_file_goes_to_the_review_without_errors(client: FlaskClient) -> None:
    response = _upload(client, (EXAMPLES / E2).read_text())
    assert response.status_code == 302 and response.headers["Location"] == "/assess/review"
    assert same_case(stored_case(client), example(E2))
    html = client.get("/assess/review").get_data(as_text=True)
    assert "error-summary" not in html and "Still pending" in html and "9 February 2025" in html


def test_a_json_case_file_is_read_too(client: FlaskClient) -> None:
    import json

    data = {**example("e4-foster-placement-abroad.yaml")}
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
    data["child"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data["child"].items()}
    data["habitual_residence"] = [{"state": "NO", "from": "2013-08-21"}]
    data["measure"] = {"type": "foster_placement", "date": "2026-04-15", "placement_state": "PL"}
    assert _upload(client, json.dumps(data), "case.json").headers["Location"] == "/assess/review"
    assert same_case(stored_case(client), example("e4-foster-placement-abroad.yaml"))


def test_an_invalid_case_is_stored_and_every_error_links_to_its_question(client: FlaskClient) -> None:
    text = """format: hague-case/1
as_of: 2026-03-01
forum: NO
child: {birth_date: 2015-04-02, present_in: XQ}
habitual_residence:
  - {state: NO, from: 2014-01-01}
removal: {kind: removal, date: 2025-01-10, from: SE, to: PL}
measure: {type: fosterhjem}
colour: blue
"""
    assert _upload(client, text).headers["Location"] == "/assess/review"
    case = stored_case(client)
    assert case["child"]["present_in"] == "XQ" and case["colour"] == "blue"
    html = client.get("/assess/review").get_data(as_text=True)
    assert 'href="/assess/step/child?next=review#q-child-present_in">Where the child is now: “XQ” is not a State we know' in html
    assert ('href="/assess/step/measure?next=review#q-measure-type">'
            "Kind of measure: “fosterhjem” is a name of “Foster placement”; choose it") in html
    assert 'href="/assess/step/residence?next=review#q-habitual_residence-0-from">From (period 1): Is before the birth date' in html
    assert "colour</code>: This field is not part of the case format" in html
    # the step opened from the review shows the error at the field, and goes back to the review
    step = client.get("/assess/step/child?next=review").get_data(as_text=True)
    assert 'id="q-child-present_in-error"' in step and '<input type="hidden" name="next" value="review">' in step
    assert "Save and return to the review" in step
    assessed = client.post("/assess/review", data={"action": "assess"})
    assert assessed.status_code == 200 and "The case cannot be assessed yet" in assessed.get_data(as_text=True)


def test_an_unknown_field_can_be_discarded_on_the_review(client: FlaskClient) -> None:
    _upload(client, (EXAMPLES / E2).read_text() + "colour: blue\n")
    assert "colour" in stored_case(client)
    client.post("/assess/review", data={"action": "discard:colour"})
    assert "colour" not in stored_case(client) and same_case(stored_case(client), example(E2))
    client.post("/assess/review", data={"action": "discard:child"})  # a field of the format is never discarded
    assert "child" in stored_case(client)


def test_broken_yaml_is_refused_with_line_and_column(client: FlaskClient) -> None:
    client.post("/assess/new")
    post(client, "asking", {"forum": "NO", "as_of": "2026-03-01"})
    response = _upload(client, "format: hague-case/1\nchild: [unclosed\n")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The file could not be read: not valid YAML at line 3, column 1" in html
    assert 'href="#case_file"' in html and 'aria-invalid="true"' in html
    assert stored_case(client)["forum"] == "NO"  # the case in progress is untouched


def test_other_unusable_files_are_refused_with_a_reason(client: FlaskClient) -> None:
    assert "is not a text file" in _upload(client, b"\xff\xfe\x00bin").get_data(as_text=True)  # type: ignore[attr-defined]
    assert "does not hold a case" in _upload(client, "- a\n- list\n").get_data(as_text=True)  # type: ignore[attr-defined]
    assert "only hague-case/1 case files" in _upload(client, "format: hague-assessment/1\n").get_data(as_text=True)  # type: ignore[attr-defined]
    assert "Choose a case file" in client.post("/assess/upload", data={}).get_data(as_text=True)



def test_an_impossible_unquoted_date_is_kept_for_the_review(client: FlaskClient) -> None:
    assert _upload(client, "format: hague-case/1\nas_of: 2015-13-40\n").headers["Location"] == "/assess/review"  # type: ignore[attr-defined]
    assert stored_case(client)["as_of"] == "2015-13-40"
    html = client.get("/assess/review").get_data(as_text=True)
    assert 'href="/assess/step/asking?next=review#q-as_of">Date of the assessment: “2015-13-40” is not a real date' in html


def test_download_is_an_attachment_that_reads_back_as_the_same_case(client: FlaskClient) -> None:
    _upload(client, (EXAMPLES / E2).read_text())
    response = client.get("/assess/case.yaml")
    assert response.status_code == 200 and response.mimetype == "application/yaml"
    assert response.headers["Content-Disposition"] == 'attachment; filename="hague-case-2026-09-28.yaml"'
    text = response.get_data(as_text=True)
    assert "date: 2025-01-10" in text and "forum: ES" in text.replace("'", "")
    assert same_case(yamlio.loads(text), example(E2))
    # and back in: download -> upload -> the same case
    client.post("/assess/new")
    _upload(client, text, "hague-case-2026-09-28.yaml")
    assert same_case(stored_case(client), example(E2))
    assert client.get("/assess/case.yaml").get_data(as_text=True).split("\n", 2)[2] == text.split("\n", 2)[2]


def test_download_of_a_case_in_progress_keeps_invalid_values_and_a_safe_name(client: FlaskClient) -> None:
    client.post("/assess/new")
    post(client, "asking", {"forum": "NO", "as_of": '2026-13-01"; x="'})
    response = client.get("/assess/case.yaml")
    assert response.headers["Content-Disposition"] == 'attachment; filename="hague-case.yaml"'
    assert yamlio.loads(response.get_data(as_text=True))["as_of"] == '2026-13-01"; x="'


def test_norway_stays_norway_through_download_and_upload(client: FlaskClient) -> None:
    _upload(client, "format: hague-case/1\nas_of: 2026-03-01\nforum: NO\nchild: {birth_date: 2015-04-02, nationalities: [NO]}\n"
                    "habitual_residence:\n  - {state: NO, from: 2015-04-02}\n")
    assert stored_case(client)["forum"] == "NO"
    text = client.get("/assess/case.yaml").get_data(as_text=True)
    assert yamlio.loads(text)["forum"] == "NO" and yamlio.loads(text)["child"]["nationalities"] == ["NO"]


def test_upload_and_new_need_the_csrf_token(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    assert client.post("/assess/new").status_code == 400
    token = csrf_token(client.get("/assess/").get_data(as_text=True))
    assert client.post("/assess/new", data={"csrf_token": token}).status_code == 302
    data = {"csrf_token": token, "case_file": (BytesIO((EXAMPLES / E2).read_bytes()), E2)}
    assert client.post("/assess/upload", data=data, content_type="multipart/form-data").headers["Location"] == "/assess/review"
    step = client.get("/assess/step/asking").get_data(as_text=True)
    answers = {"csrf_token": csrf_token(step), "forum": "ES", "as_of": "2026-09-28", "action": "continue"}
    assert client.post("/assess/step/asking", data=answers).status_code == 302
