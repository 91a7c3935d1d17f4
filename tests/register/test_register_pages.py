"""The register's pages, on both databases: save an assessment, reopen it, versions, search, and an Art. 33
consultation taken by two users from draft to reviewed, sent and answered with consent."""

from __future__ import annotations

import copy
import datetime as dt
import html
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from register_support import E4, add_users, get_answers, log_in, put_answers
from sqlalchemy import select

from hague.register.models import Case, Event
from hague.web.register_db import database

ART33 = "art33_placement_consultation"


@pytest.fixture
def instance(register_app: Flask) -> Path:
    return Path(register_app.instance_path)


@pytest.fixture
def kari(register_app: Flask) -> FlaskClient:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"), ("rita", "reviewer", "Bergen"),
              ("olav", "caseworker", "Oslo"))
    client = register_app.test_client()
    log_in(client, "kari")
    return client


def _save(client: FlaskClient, instance: Path, facts: dict[str, object] | None = None, **form: str) -> int:
    put_answers(client, instance, {"case": facts or E4, "raw": {}})
    response = client.post("/cases/new", data={"reference": "BV-2026-0042", "title": "Placement with aunt", **form})
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    match = re.fullmatch(r"/cases/(\d+)", response.headers["Location"])
    assert match
    assert "Saved as case" in client.get(match.group(0)).get_data(as_text=True)  # the message is shown once
    return int(match.group(1))


def _text(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_saving_the_assessment_makes_a_case_with_version_one(kari: FlaskClient, instance: Path) -> None:
    case_id = _save(kari, instance, due_on="2026-05-01")
    page = _text(kari, f"/cases/{case_id}")
    assert "Saved as case" not in page
    assert "Placement with aunt" in page and "2026-05-01" in page
    assert "The decision waits:" in page and "Poland has consented" in page  # the assessment, as the engine gave it
    assert f'href="/cases/{case_id}/letters/new/{ART33}?to=PL"' in page
    assert "case saved" in page  # the audit trail on the case page
    assert get_answers(kari, instance)["register_case_id"] == case_id  # a later save becomes a version of this case
    listing = _text(kari, "/cases")
    assert "BV-2026-0042" in listing and "2026-05-01" in listing


def test_bad_input_is_explained_next_to_the_field_and_kept(kari: FlaskClient, instance: Path) -> None:
    put_answers(kari, instance, {"case": E4, "raw": {}})
    response = kari.post("/cases/new", data={"reference": "", "title": "My title", "due_on": "1 May"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'class="error-summary"' in page and 'href="#n-reference"' in page
    assert 'id="n-reference-error"' in page and 'aria-invalid="true"' in page
    assert "is not a date" in page and 'value="My title"' in page and 'value="1 May"' in page
    put_answers(kari, instance, {"case": {**E4, "child": {"birth_date": "2030-01-01"}}, "raw": {}})
    invalid = kari.post("/cases/new", data={"reference": "R-1", "title": "T"})
    assert invalid.status_code == 422 and "not complete or not valid" in invalid.get_data(as_text=True)


def test_reopen_and_save_again_adds_a_version(kari: FlaskClient, instance: Path, register_app: Flask) -> None:
    case_id = _save(kari, instance)
    kari.get("/")  # another page in between: the link survives
    put_answers(kari, instance, {"case": {"format": "hague-case/1"}, "raw": {}})  # a new assessment started meanwhile
    reopened = kari.post(f"/cases/{case_id}/reopen")
    assert reopened.status_code == 302
    data = get_answers(kari, instance)
    assert data["case"] == E4 and data["register_case_id"] == case_id
    changed = copy.deepcopy(E4)
    changed["art37_no_risk"] = False
    put_answers(kari, instance, {"case": changed, "raw": {}, "register_case_id": case_id})
    saved = kari.post(f"/cases/{case_id}/versions")
    assert saved.status_code == 302
    page = _text(kari, f"/cases/{case_id}")
    assert "Saved as version 2 of case BV-2026-0042." in page
    assert "facts changed and reassessed" in page and "blocked" in page  # Art. 37 risk: nothing is ready to send
    first = html.unescape(_text(kari, f"/cases/{case_id}/versions/1"))
    assert "Case BV-2026-0042, version 1" in first and '"art37_no_risk": true' in first
    facts = kari.get(f"/cases/{case_id}/versions/2/case.json")
    assert facts.mimetype == "application/json" and facts.json and facts.json["art37_no_risk"] is False
    put_answers(kari, instance, {"case": E4, "raw": {}})  # not reopened from this case: refused
    assert kari.post(f"/cases/{case_id}/versions").status_code == 302
    with database(register_app).reading() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.latest_version == 2


def test_search_and_status_change(kari: FlaskClient, instance: Path) -> None:
    first = _save(kari, instance)
    other = copy.deepcopy(E4)
    other["measure"]["placement_state"] = "SE"
    _save(kari, instance, other, reference="BV-2026-0043", title="Placement in Sweden")
    assert "BV-2026-0043" not in _text(kari, "/cases?state=DE")
    found = _text(kari, "/cases?state=SE")
    assert "BV-2026-0043" in found and "BV-2026-0042" not in found
    changed = kari.post(f"/cases/{first}", data={"title": "Placement with aunt", "status": "closed", "due_on": "",
                                                 "caseworker": ""})
    assert changed.status_code == 302
    closed = _text(kari, "/cases?status=closed")
    assert "BV-2026-0042" in closed and "BV-2026-0043" not in closed
    bad = kari.post(f"/cases/{first}", data={"title": "x", "status": "closed", "due_on": "soon"})
    assert bad.status_code == 422 and 'id="c-due_on-error"' in bad.get_data(as_text=True)
    assert "status changed" in _text(kari, f"/cases/{first}")


def _letter_id(page: str) -> int:
    match = re.search(r'id="letter-(\d+)"', page)
    assert match
    return int(match.group(1))


def test_two_users_take_an_art33_consultation_to_consent(register_app: Flask, kari: FlaskClient, instance: Path) -> None:
    """The issue's walk: assessment -> case -> draft -> reviewed by a second person -> sent -> answered with consent."""
    case_id = _save(kari, instance)
    form = _text(kari, f"/cases/{case_id}/letters/new/{ART33}?to=PL")
    assert 'name="sender.authority"' in form and 'value="BV-2026-0042"' in form  # the shared details form, prefilled
    drafted = kari.post(f"/cases/{case_id}/letters/new/{ART33}?to=PL",
                        data={"sender.authority": "Barneverntjenesten i Bergen", "our_reference": "BV-2026-0042",
                              "child.name": "Ola Hansen", "reply_by": "2026-04-01", "extra.duration": "Two years"})
    assert drafted.status_code == 302, drafted.get_data(as_text=True)[:1500]
    page = _text(kari, f"/cases/{case_id}")
    letter = _letter_id(page)
    assert "you drafted this one" not in page and "a reviewer or an admin" in page  # kari may not review
    assert kari.post(f"/cases/{case_id}/letters/{letter}/review").status_code == 302
    assert "Not done:" in _text(kari, f"/cases/{case_id}")
    pdf = kari.get(f"/cases/{case_id}/letters/{letter}.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF-")

    rita = register_app.test_client()
    log_in(rita, "rita")
    assert rita.post(f"/cases/{case_id}/letters/{letter}/review").status_code == 302
    assert "The letter is marked as reviewed" in _text(rita, f"/cases/{case_id}")

    bad = kari.post(f"/cases/{case_id}/letters/{letter}/send", data={"sent_on": "yesterday"})
    assert bad.status_code == 422 and f'id="l{letter}-sent_on-error"' in bad.get_data(as_text=True)
    assert kari.post(f"/cases/{case_id}/letters/{letter}/send", data={"sent_on": "2026-03-02"}).status_code == 302
    waiting = _text(kari, f"/cases/{case_id}")
    assert "waiting for an answer" in waiting and "Log an answer" in waiting
    overdue = _text(kari, "/cases/reminders")
    assert ("BV-2026-0042" in overdue) == (dt.date.today() > dt.date(2026, 4, 1))

    answered = kari.post(f"/cases/{case_id}/letters/{letter}/answer",
                         data={"received_on": "2026-03-20", "decision": "consent", "note": "Consent received"})
    assert answered.status_code == 302
    final = _text(kari, f"/cases/{case_id}")
    assert "The consent is recorded" in final and "Art. 33 consent recorded" in final
    assert "The decision waits:" not in final  # the reassessed case no longer blocks the placement decision
    assert "The decision no longer waits:" in final
    with database(register_app).reading() as session:
        kinds = session.scalars(select(Event.kind).where(Event.case_id == case_id).order_by(Event.id)).all()
    assert kinds == ["case.created", "letter.drafted", "letter.viewed", "letter.reviewed", "letter.sent", "case.status",
                     "letter.answered", "case.version_added", "case.status"]


def test_a_draft_the_assessment_does_not_open_is_refused_with_the_reason(kari: FlaskClient, instance: Path) -> None:
    case_id = _save(kari, instance, {**E4, "art37_no_risk": None})
    page = kari.get(f"/cases/{case_id}/letters/new/{ART33}?to=PL")
    assert page.status_code == 409 and "Art. 37" in page.get_data(as_text=True)
    assert kari.get(f"/cases/{case_id}/letters/new/not_a_document").status_code == 404
