"""The site navigation, built from the endpoints actually registered (an area not installed is not shown)."""

from __future__ import annotations

from flask import Flask, request, url_for
from flask_babel import lazy_gettext as _l

# (endpoint, label, path prefix that marks the item as current)
ITEMS = (
    ("wizard.start", _l("Assess a case"), "/assess"),
    ("training.index", _l("Training"), "/training"),
    ("register.case_list", _l("Cases"), "/cases"),
    ("reference.states", _l("Contracting Parties"), "/reference/states"),
    ("reference.measures", _l("Measures"), "/reference/measures"),
    ("reference.articles", _l("Articles"), "/reference/articles"),
)


def init_app(app: Flask) -> None:
    @app.context_processor
    def navigation() -> dict[str, object]:
        items = [
            {"href": url_for(endpoint), "label": label, "current": request.path.startswith(prefix)}
            for endpoint, label, prefix in ITEMS if endpoint in app.view_functions
        ]
        return {"nav_items": items}
