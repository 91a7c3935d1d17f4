"""The app shell: factory, security headers, language choice, error pages, CSRF."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from web_support import csrf_token

from hague import create_app


def test_home_page_has_security_headers(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_or_style(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_unknown_page_is_a_friendly_404(client: FlaskClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_language_choice_switches_the_ui_and_refuses_open_redirects(client: FlaskClient) -> None:
    response = client.post("/language", data={"lang": "nb", "next": "https://evil.example/"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert '<html lang="nb">' in client.get("/").get_data(as_text=True)


def test_browser_language_is_used_until_the_user_chooses(client: FlaskClient) -> None:
    html = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    assert '<html lang="fr">' in html
    html = client.get("/", headers={"Accept-Language": "no"}).get_data(as_text=True)
    assert '<html lang="nb">' in html


def test_csrf_is_enforced(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    assert client.post("/language", data={"lang": "fr"}).status_code == 400
    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post("/language", data={"lang": "fr", "csrf_token": token}).status_code == 302


def test_session_cookie_flags(tmp_path: Path, monkeypatch: object) -> None:
    app = create_app({"INSTANCE_PATH": str(tmp_path / "i")})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["MAX_CONTENT_LENGTH"] == 1_000_000


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = create_app({"INSTANCE_PATH": str(tmp_path / "i")}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path / "i")}).config["SECRET_KEY"]
    assert first == second and len(first) > 40
    assert (tmp_path / "i" / "secret_key").stat().st_mode & 0o077 == 0


def test_behind_a_reverse_proxy_the_forwarded_headers_are_trusted(tmp_path: Path) -> None:
    from werkzeug.middleware.proxy_fix import ProxyFix

    plain = create_app({"INSTANCE_PATH": str(tmp_path / "a")})
    proxied = create_app({"INSTANCE_PATH": str(tmp_path / "b"), "HAGUE_PROXIES": 1})
    assert not isinstance(plain.wsgi_app, ProxyFix)
    assert isinstance(proxied.wsgi_app, ProxyFix)


def test_workers_starting_at_once_share_one_secret_key(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from hague.web.config import secret_key

    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: secret_key(tmp_path / "i"), range(16)))
    assert len(keys) == 1
    assert [p.name for p in (tmp_path / "i").iterdir()] == ["secret_key"]


def test_citation_summaries_follow_the_ui_language(client: FlaskClient) -> None:
    import re

    def tips(lang: str) -> list[str]:
        html = client.get("/reference/measures", headers={"Accept-Language": lang}).get_data(as_text=True)
        return re.findall(r'class="cite__summary"[^>]*>(.*?)</span>', html)

    english, french = tips("en"), tips("fr")
    assert english and len(french) == len(english)
    assert french[0] != english[0] and "<strong>" in french[0]
