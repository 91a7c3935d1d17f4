"""The web UI in English, French and Norwegian Bokmål: locale choice and catalogues (Flask-Babel).

The locale is the user's choice (kept in the session), else the browser's Accept-Language. The
catalogues are ``translations/<lang>/LC_MESSAGES/messages.po`` beside this file, compiled in memory
when first used (as the documents' catalogues are), so no compile step is needed at install.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from flask import Flask, request, session
from flask_babel import Babel, Domain, get_locale

from hague.documents.i18n import read_catalogue

LANGUAGES = {"en": "English", "fr": "Français", "nb": "Norsk bokmål"}
CATALOGUES = Path(__file__).resolve().parent / "translations"


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The UI translations of one language, compiled from its .po file; English is the source."""
    return read_catalogue(CATALOGUES, lang)


class _PoDomain(Domain):  # type: ignore[misc]
    """Flask-Babel's domain, reading our .po catalogues instead of compiled .mo files."""

    def get_translations(self) -> gettext.NullTranslations:
        return catalogue(current_language())


def current_language() -> str:
    """The UI language of this request: en, fr or nb."""
    locale = get_locale()
    return str(locale.language) if locale is not None else "en"


def select_locale() -> str:
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return str(chosen)
    # by primary subtag, best quality first: "fr-CH, en;q=0.5" is French, "no" and "nn" are Bokmål
    for value, _quality in request.accept_languages:
        primary = value.replace("_", "-").split("-")[0].lower()
        primary = "nb" if primary in ("no", "nn") else primary
        if primary in LANGUAGES:
            return primary
    return "en"


def init_app(app: Flask) -> None:
    babel = Babel(app, locale_selector=select_locale)
    babel.domain_instance = _PoDomain()
    app.jinja_env.globals["LANGUAGES"] = LANGUAGES
    app.jinja_env.globals["current_language"] = current_language
