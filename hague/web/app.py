"""The application factory: configuration, extensions, security headers, blueprints, errors."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException

from hague.resources import resource_dir
from hague.web import config, i18n, nav

STATIC = Path(__file__).resolve().parent / "static"
csrf = CSRFProtect()

# No inline script or style anywhere: everything the pages need is served from /static.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

BLUEPRINTS = (
    "hague.web.pages",      # home, language choice, errors
    "hague.web.wizard",     # the guided assessment
    "hague.web.results",    # the result page and drafting
    "hague.web.reference",  # States, measures, Articles
    "hague.web.api",        # JSON API /api/v1
    "hague.web.training",   # trainee and trainer
    "hague.web.register",   # the case register
)


def build_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The app; `test_config` overrides settings (INSTANCE_PATH: where the app keeps its files)."""
    instance = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("HAGUE_INSTANCE") or None
    app = Flask("hague.web", instance_path=str(Path(instance).resolve()) if instance else None,
                template_folder=str(resource_dir("templates")), static_folder=str(STATIC), static_url_path="/static")
    app.config.from_mapping(config.from_environment(Path(app.instance_path)))
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config["HAGUE_PROXIES"]:  # behind a reverse proxy: the client's address and scheme come from it
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = app.config["HAGUE_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    csrf.init_app(app)
    i18n.init_app(app)
    nav.init_app(app)
    _register_blueprints(app)
    _security_headers(app)
    _error_pages(app)
    _quiet_logs()
    return app


def _register_blueprints(app: Flask) -> None:
    import importlib

    for name in BLUEPRINTS:
        module = importlib.import_module(name)
        module.init_app(app)


def _security_headers(app: Flask) -> None:
    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        if request.path.startswith(("/assess", "/cases", "/api/v1/assess", "/api/v1/documents", "/api/v1/cases")):
            response.headers["Cache-Control"] = "no-store"  # case facts stay out of shared caches
        return response


def wants_json() -> bool:
    return request.path.startswith("/api/")


def _error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError) -> tuple[str, int]:
        return render_template("web/error.html", code=400, reason="csrf"), 400

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        code = exc.code or 500
        if wants_json():
            return jsonify({"error": exc.name, "detail": exc.description}), code
        return render_template("web/error.html", code=code, reason=exc.name, detail=exc.description), code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Any:
        app.logger.exception("unexpected error on %s %s", request.method, request.path)
        if wants_json():
            return jsonify({"error": "Internal Server Error", "detail": "an unexpected error; it has been logged"}), 500
        return render_template("web/error.html", code=500, reason="Internal Server Error"), 500


def _quiet_logs() -> None:
    """The request log shows method, path and status only: query strings and bodies can hold case facts."""

    class _NoQuery(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str) and "?" in record.args[0]:
                first = record.args[0].split("?", 1)[0] + (" HTTP" + record.args[0].rsplit(" HTTP", 1)[1]
                                                           if " HTTP" in record.args[0] else "")
                record.args = (first, *record.args[1:])
            return True

    logging.getLogger("werkzeug").addFilter(_NoQuery())
