"""Who reaches the register: anonymous visitors, other offices, trainers; login, logout, expiry, rate limit, CSRF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient
from register_support import E4, PASSWORD, add_users, log_in, put_answers
from sqlalchemy import select

from hague.register import users
from hague.register.models import Login
from hague.web.register_db import database

ARGS = {"case_id": 1, "letter_id": 1, "number": 1, "document": "art33_placement_consultation"}
OPEN = {"register.login"}  # the only register endpoint an anonymous visitor may use (logout just ends nothing)


def _urls(app: Flask) -> list[tuple[str, str, str]]:
    """(method, url, endpoint) of every register route."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("register.") and rule.endpoint not in OPEN | {"register.logout"}:
            url = re.sub(r"<(?:int:)?(\w+)>", lambda m: str(ARGS[m.group(1)]), rule.rule)
            out.extend((method, url, rule.endpoint) for method in sorted(rule.methods or ()) if method in ("GET", "POST"))
    return out


def _case_of(app: Flask, owner: str) -> int:
    client = app.test_client()
    log_in(client, owner)
    created = client.post("/api/v1/cases", json={"reference": "BV-1", "title": "Placement", "case": E4})
    assert created.status_code == 201, created.json
    return int(created.json["id"])  # type: ignore[index]


def test_anonymous_reaches_no_register_page_or_api(register_app: Flask) -> None:
    client = register_app.test_client()
    urls = _urls(register_app)
    assert len(urls) >= 20
    for method, url, endpoint in urls:
        response = client.open(url, method=method)
        if url.startswith("/api/"):
            assert response.status_code == 401, (method, url)
            assert response.json and response.json["error"] == "Unauthorized"
        else:
            assert response.status_code == 302, (method, url, endpoint)
            assert response.headers["Location"].startswith("/login?next="), url
    assert client.get("/login").status_code == 200
    assert client.get("/").status_code == 200
    with register_app.test_request_context():
        open_pages = [url_for(e) for e in ("training.index", "wizard.start") if e in register_app.view_functions]
    for url in open_pages:  # the assessment and the training stay open without login
        assert client.get(url).status_code == 200, url


def test_a_caseworker_of_another_office_cannot_read_the_case(register_app: Flask) -> None:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"), ("olav", "admin", "Oslo"))
    case_id = _case_of(register_app, "kari")
    olav = register_app.test_client()
    log_in(olav, "olav")
    for url in (f"/cases/{case_id}", f"/cases/{case_id}/versions/1", f"/cases/{case_id}/versions/1/case.json",
                f"/cases/{case_id}/letters/new/art33_placement_consultation?to=PL"):
        assert olav.get(url).status_code == 404, url
    for url in (f"/cases/{case_id}/reopen", f"/cases/{case_id}", f"/cases/{case_id}/versions"):
        assert olav.post(url, data={"status": "closed"}).status_code == 404, url
    for url in (f"/api/v1/cases/{case_id}", f"/api/v1/cases/{case_id}/versions/1", f"/api/v1/cases/{case_id}/events"):
        response = olav.get(url)
        assert response.status_code == 404 and response.json and response.json["error"] == "Not Found", url
    assert olav.post(f"/api/v1/cases/{case_id}/versions", json={"case": E4}).status_code == 404
    assert olav.get("/api/v1/cases").json == {"cases": []}
    assert "BV-1" not in olav.get("/cases").get_data(as_text=True)
    kari = register_app.test_client()
    log_in(kari, "kari")
    assert kari.get(f"/cases/{case_id}").status_code == 200


def test_a_trainer_is_refused_the_register(register_app: Flask) -> None:
    add_users(database(register_app), ("tove", "trainer", "Bergen"))
    client = register_app.test_client()
    log_in(client, "tove")
    page = client.get("/cases")
    assert page.status_code == 403 and "does not give access to the case register" in page.get_data(as_text=True)
    assert client.get("/api/v1/cases").status_code == 403


def test_logout_ends_the_login_even_for_a_copied_cookie(register_app: Flask) -> None:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"))
    client = register_app.test_client()
    log_in(client, "kari")
    assert client.get("/cases").status_code == 200
    stolen = client.get_cookie("session")
    assert stolen is not None
    out = client.post("/logout")
    assert out.status_code == 302 and out.headers["Location"] == "/login?out=1"
    assert "You are logged out" in client.get("/login?out=1").get_data(as_text=True)
    assert client.get("/cases").status_code == 302
    thief = register_app.test_client()
    thief.set_cookie("session", stolen.value)
    assert thief.get("/cases").status_code == 302


def test_a_login_expires_after_the_session_lifetime(register_app: Flask) -> None:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"))
    client = register_app.test_client()
    log_in(client, "kari")
    lifetime = register_app.permanent_session_lifetime
    with database(register_app).transaction() as session:
        for login in session.scalars(select(Login)):
            login.started_at -= lifetime
    response = client.get("/cases/reminders")
    assert response.status_code == 302 and response.headers["Location"] == "/login?next=/cases/reminders"


def test_login_returns_to_the_page_asked_for_but_never_off_site(register_app: Flask) -> None:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"))
    client = register_app.test_client()
    back = client.post("/login", data={"username": "kari", "password": PASSWORD, "next": "/cases/reminders"})
    assert back.headers["Location"] == "/cases/reminders"
    away = client.post("/login", data={"username": "kari", "password": PASSWORD, "next": "//evil.example/"})
    assert away.headers["Location"] == "/cases"


def test_failed_logins_are_refused_then_rate_limited(register_app: Flask) -> None:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"))
    client = register_app.test_client()
    for _ in range(users.NAME_LIMIT):
        wrong = client.post("/login", data={"username": "kari", "password": "not it at all"})
        assert wrong.status_code == 401
        page = wrong.get_data(as_text=True)
        assert "not right" in page and 'value="kari"' in page and "not it at all" not in page
    limited = client.post("/login", data={"username": "kari", "password": PASSWORD})
    assert limited.status_code == 429 and "Too many failed logins. Try again in" in limited.get_data(as_text=True)


def test_every_form_needs_its_csrf_token(csrf_register_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    add_users(database(csrf_register_app), ("kari", "caseworker", "Bergen"))
    client: FlaskClient = csrf_register_app.test_client()
    assert client.post("/login", data={"username": "kari", "password": PASSWORD}).status_code == 400
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True))
    assert token
    assert client.post("/login", data={"username": "kari", "password": PASSWORD, "csrf_token": token.group(1)}).status_code == 302
    assert client.post("/api/v1/cases", json={"reference": "R", "title": "T", "case": E4}).status_code == 400
    api_token = client.get("/api/v1/session").json["csrf_token"]  # type: ignore[index]
    saved = client.post("/api/v1/cases", json={"reference": "R", "title": "T", "case": E4}, headers={"X-CSRFToken": api_token})
    assert saved.status_code == 201
    assert client.post("/logout").status_code == 400  # logging out is a form too
    assert "kari" not in caplog.text and PASSWORD not in caplog.text  # names and passwords stay out of the log


def test_register_pages_are_not_cached(register_app: Flask, tmp_path: Path) -> None:
    add_users(database(register_app), ("kari", "caseworker", "Bergen"))
    client = register_app.test_client()
    log_in(client, "kari")
    assert client.get("/cases").headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/cases").headers["Cache-Control"] == "no-store"


def test_database_trouble_is_explained_and_logs_nothing_personal(register_app: Flask, monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    from sqlalchemy.exc import OperationalError

    from hague.register import cases

    add_users(database(register_app), ("kari", "caseworker", "Bergen"))
    client = register_app.test_client()
    log_in(client, "kari")

    def busy(*_args: object, **_kw: object) -> None:
        raise OperationalError("INSERT ...", {"title": "Ola Hansen"}, Exception("database is locked"))

    monkeypatch.setattr(cases, "create", busy)
    put_answers(client, Path(register_app.instance_path), {"case": E4, "raw": {}})
    page = client.post("/cases/new", data={"reference": "R", "title": "Ola Hansen"})
    assert page.status_code == 503 and "busy or cannot be reached" in page.get_data(as_text=True)
    api = client.post("/api/v1/cases", json={"reference": "R", "title": "Ola Hansen", "case": E4})
    assert api.status_code == 503 and api.json and api.json["error"] == "Service Unavailable"
    assert "Ola Hansen" not in caplog.text and "OperationalError" in caplog.text
