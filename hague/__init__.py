"""hague: jurisdiction, applicable law and co-operation under the 1996 Hague Child Protection Convention.

``create_app`` is the web application's factory (``flask --app hague run``); the engine and the
command line never import Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the web application (see hague/web/app.py)."""
    from hague.web.app import build_app

    return build_app(test_config)
