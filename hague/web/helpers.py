"""What every page's templates may call: the rulebook, Article citations with their summaries, State names."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry
from flask import Flask

from hague.rulebook import Rulebook, default_rulebook
from hague.web.i18n import catalogue, current_language

_PYCOUNTRY_LOCALES = {"fr": ["fr"], "nb": ["nb_NO", "nb"]}
_ALIAS = re.compile(r"\s*\[.*\]$")  # iso3166-2 writes "Wales [Cymru GB-CYM]"


def book() -> Rulebook:
    """The rulebook the app runs on (the package's, or HAGUE_RULES)."""
    return default_rulebook()


@dataclass(frozen=True)
class CitationInfo:
    text: str  # as cited: "Art. 7(1)(b)"
    title: str | None  # the Article's short title
    summary: str | None  # our summary from rules/articles.yaml
    url: str | None  # the official text
    anchor: str | None  # id on the Articles reference page


def citation(text: str) -> CitationInfo:
    """A citation with the summary of its Article, or just the text when the rulebook has no entry."""
    found = book().article(text)
    if found is None:
        return CitationInfo(text, None, None, None, None)
    instrument, article = found
    number = text.split(" ")[-1].split("(")[0]
    anchor = f"{instrument.citation_prefix.replace(' ', '').replace('.', '').lower()}-{number}"
    return CitationInfo(text, article.title, article.summary, instrument.official_text, anchor)


@cache
def _iso(domain: str, lang: str) -> gettext.NullTranslations:
    """pycountry's gettext catalogue of one ISO standard (iso3166-1, iso3166-2) in one UI language."""
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=_PYCOUNTRY_LOCALES.get(lang, [lang]), fallback=True)


def _translated(domain: str, lang: str, names: list[str | None]) -> str | None:
    """The first of the English names that the ISO catalogue translates (a name spelt the same is no hit)."""
    iso = _iso(domain, lang)
    return next((iso.gettext(n) for n in names if n and iso.gettext(n) != n), None)


@cache
def _country(code: str, lang: str, version: str = "") -> str:
    english = book().state_name(code)
    if lang == "en":
        return english
    country = pycountry.countries.get(alpha_2=code)
    names = [english, getattr(country, "common_name", None), getattr(country, "name", None)]
    return _translated("iso3166-1", lang, names) or english


@cache
def _unit(code: str, lang: str, version: str = "") -> str:
    """'United Kingdom – Scotland': the State, then the unit (ISO 3166-2; our catalogue where pycountry has no translation)."""
    unit = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
    if unit is None:
        return book().state_name(code)
    english = _ALIAS.sub("", unit.name)
    name = english if lang == "en" else _translated("iso3166-2", lang, [unit.name]) or catalogue(lang).gettext(english)
    return f"{_country(code.split('-', 1)[0], lang, version)} – {name}"


def state_name(code: str | None) -> str:
    """A State's (or a territorial unit's) name in the UI language; '' for nothing, 'unknown' in words.

    English names are the rulebook's (else pycountry's); French and Norwegian ones come from pycountry's
    ISO 3166 translations, falling back to the English name.
    """
    return state_name_in(code, current_language()) if code else ""


def state_name_in(code: str, lang: str) -> str:
    """A State's or unit's name in one of the UI languages (en, fr, nb)."""
    if code == "unknown":
        return catalogue(lang).gettext("unknown")
    version = book().version  # the cache follows the rulebook (HAGUE_RULES)
    return _unit(code, lang, version) if "-" in code else _country(code, lang, version)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(citation=citation, state_name=state_name, rulebook=book)
