"""Drafting from the result page: the details form, its errors, refusals, and the PDF."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pypdf
import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_support import example_data, seed
from werkzeug.datastructures import MultiDict

from hague.documents import Details
from hague.web import details_form

E4 = Path(__file__).resolve().parents[2] / "examples" / "e4-foster-placement-abroad.yaml"
E2 = Path(__file__).resolve().parents[2] / "examples" / "e2-abduction-timely-return-request.yaml"
URL = "/assess/result/draft/art33_placement_consultation?to=PL"

FORM = {
    "sender.authority": "Barneverntjenesten i Bergen", "sender.contact": "Kari Nordmann", "sender.email": "kari@example.org",
    "our_reference": "BV-2026-0042", "child.name": "Ola Hansen", "child.languages": "nb, pl",
    "persons[0].name": "Anna Kowalska", "persons[0].role": "mother", "persons[0].parental_responsibility": "yes",
    "reasons": "Tanten har tilbudt seg å ta ham.", "reply_by": "2026-04-01", "attachments": "Skolerapport 2026\nVedtak",
    "extra.proposed_carers": "Maria Kowalska, Kraków", "extra.duration": "Two years",
}


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).replace("\u200b", "").split())


def value_of(page: str, name: str) -> str | None:
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    return match.group(1) if match else None


def test_the_form_asks_for_the_details_and_the_documents_own_fields(app: Flask, client: FlaskClient) -> None:
    seed(app, client, example_data(E4))
    response = client.get(URL)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for name in ("sender.authority", "our_reference", "their_reference", "child.name", "persons[0].name",
                 "persons[0].parental_responsibility", "reasons", "request", "reply_by", "attachments", "language",
                 "extra.report_on_child", "extra.proposed_carers", "extra.immigration_status", "bilingual", "pdfa"):
        assert f'name="{name}"' in page, name
    assert '<label for="d-extra-proposed-carers">Proposed carers</label>' in page
    assert "Draft: Consultation on a placement or kafala in another Contracting State" in page
    assert '<option value="" selected>As Art. 54 calls for (the default)</option>' in page


def test_a_valid_form_gives_the_pdf_with_what_was_typed(app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    seed(app, client, example_data(E4))
    caplog.set_level(logging.DEBUG)
    response = client.post(URL, data=FORM)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="art33_placement_consultation-PL.pdf"'
    assert response.data.startswith(b"%PDF")
    shown = pdf_text(response.data)
    for typed in ("Kari Nordmann", "BV-2026-0042", "Ola Hansen", "Anna Kowalska", "Maria Kowalska, Kraków", "Two years",
                  "Skolerapport 2026"):
        assert typed in shown, typed
    assert "Kari" not in caplog.text and "Kowalska" not in caplog.text  # the details are never logged


def test_invalid_details_come_back_with_errors_by_field_and_every_value_kept(app: Flask, client: FlaskClient) -> None:
    seed(app, client, example_data(E4))
    response = client.post(URL, data={**FORM, "reply_by": "soon", "language": "xx"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'class="error-summary"' in page
    assert '<a href="#d-reply_by">' not in page and '<a href="#d-reply-by">Reply by:' in page
    assert '<a href="#d-language">Language of the letter:' in page
    assert re.search(r'<p class="field-error" id="d-reply-by-error">.*?“soon” is not a date', page)
    assert re.search(r'id="d-reply-by" name="reply_by" value="soon"[^>]* aria-describedby="d-reply-by-hint d-reply-by-error" '
                     r'aria-invalid="true"', page)
    assert "English, French or Norwegian Bokmål" in page and '<option value="xx" selected>' in page
    for name in ("sender.authority", "sender.contact", "our_reference", "child.name", "persons[0].name", "extra.duration"):
        assert value_of(page, name) == htmlsafe(FORM[name]), name
    assert "Tanten har tilbudt seg å ta ham.</textarea>" in page
    assert '<option value="yes" selected>' in page


def htmlsafe(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&#34;")


def test_another_person_row_can_be_added_without_script(app: Flask, client: FlaskClient) -> None:
    seed(app, client, example_data(E4))
    response = client.post(URL, data={**FORM, "add_person": "1"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert 'name="persons[1].name"' in page and value_of(page, "persons[0].name") == "Anna Kowalska"


def test_a_blocked_action_has_no_draft_button_and_its_url_refuses(app: Flask, client: FlaskClient) -> None:
    seed(app, client, example_data(E4, art37_no_risk=None))
    result = client.get("/assess/result").get_data(as_text=True)
    assert "/assess/result/draft/art33_placement_consultation" not in result
    assert "Not ready" in result and "Art. 37" in result
    for response in (client.get(URL), client.post(URL, data=FORM)):
        assert response.status_code == 409
        page = response.get_data(as_text=True)
        assert "This document cannot be drafted for this case" in page and "Art. 37" in page
        assert not response.data.startswith(b"%PDF")
    assert value_of(page, "sender.contact") == "Kari Nordmann"  # a refused POST keeps what was typed


def test_an_action_the_case_does_not_open_is_refused(app: Flask, client: FlaskClient) -> None:
    seed(app, client, example_data(E2))
    response = client.get(URL)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    # said with the document's title, never its key or the case file's field names
    assert "does not open “Consultation on a placement or kafala in another Contracting State”" in page
    assert "art33_placement_consultation</" not in page and "measure.placement_state" not in page
    assert "<form" not in page.split('id="main"', 1)[1]


def test_several_receiving_states_ask_which(app: Flask, client: FlaskClient) -> None:
    case = example_data(E4)
    case["child"]["nationalities"] = ["NO", "PL", "SE"]
    seed(app, client, case)
    response = client.get("/assess/result/draft/art8_transfer_request")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert 'href="/assess/result/draft/art8_transfer_request?to=PL"' in page
    assert 'href="/assess/result/draft/art8_transfer_request?to=SE"' in page


def test_unknown_documents_states_and_missing_cases(app: Flask, client: FlaskClient) -> None:
    assert client.get(URL).status_code == 302  # no case yet
    seed(app, client, example_data(E4))
    assert client.get("/assess/result/draft/art99_nothing").status_code == 404
    assert client.get("/assess/result/draft/art33_placement_consultation?to=poland").status_code == 404


def test_the_form_carries_a_csrf_token_when_protection_is_on(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    seed(csrf_app, client, example_data(E4))
    page = client.get(URL).get_data(as_text=True)
    assert 'name="csrf_token"' in page
    assert client.post(URL, data=FORM).status_code == 400  # no token


def test_details_round_trip_through_the_form(app: Flask) -> None:
    details = Details.model_validate({
        "sender": {"authority": "A", "email": "a@example.org"}, "addressee": {"authority": "B"},
        "child": {"name": "C", "languages": ["nb", "pl"]}, "reply_by": "2026-06-01", "date": "2026-05-01",
        "persons": [{"name": "P", "role": "father", "parental_responsibility": False}],
        "attachments": ["x", "y"], "language": "fr", "written_in": "nb", "extra": {"duration": "1 year"}})
    with app.test_request_context():
        form = details_form.from_details(details, "art33_placement_consultation")
        assert form.rows == 2 and form.value("persons[0].parental_responsibility") == "no"
        again = details_form.validate(form)
    assert again == details


def test_form_errors_name_the_field(app: Flask) -> None:
    posted = MultiDict({"persons[0].role": "mother", "child.languages": "nb, Polish", "extra.asked": "everything",
                        "sender.email": "kari", "date": "2026-02-30"})
    with app.test_request_context():
        form = details_form.from_request(posted, "art32_report_request")
        assert details_form.validate(form) is None
        summary = {label: message for _id, label, message in form.summary()}
    assert set(form.errors) == {"persons[0].name", "child.languages", "extra.asked", "sender.email", "date"}
    assert "Person 1: Name" in summary and "Polish" in summary["Languages the child speaks"]
    assert "2026-02-30" in summary["Date of the letter"]
