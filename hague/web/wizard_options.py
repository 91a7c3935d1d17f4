"""The choices of the wizard's lists: every State (ISO 3166-1, with the units of States with several legal systems), every measure type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from flask_babel import lazy_gettext as _l

from hague.web.helpers import book, state_name_in
from hague.web.i18n import current_language
from hague.web.wizard_steps import _

GROUPS = {  # measures.yaml groups, in the order a caseworker scans them
    "parental_responsibility": _l("Parental responsibility"),
    "custody_access": _l("Custody and access"),
    "guardianship_representation": _l("Guardianship and representation"),
    "placement": _l("Placement away from home"),
    "supervision": _l("Supervision"),
    "property": _l("The child's property"),
    "in_home_support": _l("Help for the child and family at home"),
    "other_protective": _l("Other protective measures"),
    "excluded": _l("Outside the Convention (Art. 4)"),
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    search: str = ""  # further words a search matches (local names, aliases)
    art33: bool = False  # a placement that needs Art. 33 when it is abroad


@dataclass(frozen=True)
class Group:
    label: str
    choices: tuple[Choice, ...] = field(default_factory=tuple)


def _sort_key(text: str) -> str:
    """Alphabetical order that files Åland under A and Türkiye under T (also the key of the measure search)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


_NORWEGIAN_LAST = {"æ": "{0", "ø": "{1", "å": "{2"}  # after z, in this order ("{" sorts after "z")


def _order_key(text: str, lang: str) -> str:
    """The order of a list in the UI language: Norwegian files Æ, Ø and Å after Z (Østerrike last)."""
    if lang != "nb":
        return _sort_key(text)
    return "".join(_NORWEGIAN_LAST.get(c, _sort_key(c)) for c in text.casefold())


def display_name(code: str, lang: str | None = None) -> str:
    lang = lang or current_language()
    return state_name_in(code, lang)


def _units(code: str, lang: str) -> list[Choice]:
    record = book().state(code)
    if record is None or not record.legal_units:
        return []
    subs = [s for s in pycountry.subdivisions.get(country_code=code) or [] if s.parent_code is None]  # type: ignore[no-untyped-call]
    return sorted((Choice(s.code, state_name_in(s.code, lang)) for s in subs), key=lambda c: _order_key(c.label, lang))


@cache
def _state_groups(lang: str, version: str) -> tuple[Group, ...]:
    countries = sorted(((c.alpha_2, state_name_in(c.alpha_2, lang)) for c in pycountry.countries), key=lambda c: _order_key(c[1], lang))
    parties: list[Choice] = []
    others: list[Choice] = []
    for code, name in countries:
        record = book().state(code)
        target = parties if record is not None and record.status == "contracting" else others
        target.append(Choice(code, name))
        target.extend(_units(code, lang))
    return (Group(_("Contracting Parties of the 1996 Convention"), tuple(parties)),
            Group(_("Other States and territories"), tuple(others)))


def state_groups() -> tuple[Group, ...]:
    """Every State in two groups (Contracting Parties first), each sorted by name in the UI language."""
    return _state_groups(current_language(), book().version)


@cache
def state_codes() -> frozenset[str]:
    return frozenset(c.value for g in _state_groups("en", book().version) for c in g.choices)


@cache
def language_name(code: str, ui: str) -> str:
    """A language's name in the UI language ('nb' -> 'Norwegian Bokmål', in Norwegian 'norsk bokmål')."""
    try:
        return Locale.parse(code).get_display_name(ui) or code
    except (UnknownLocaleError, ValueError):
        return code


def measure_label(key: str, local: bool = True) -> str:
    """A measure type's label with its local names: 'Foster placement — Norwegian: fosterhjem; Finnish: perhehoito'.

    Languages are named, never given as codes; a local name that is the label itself in the UI language is left out.
    """
    measure = book().measures.get(key)
    if measure is None:
        return key
    label = _(measure.label)
    if not local:
        return label
    ui = current_language()
    names = []
    for lang, name in measure.local_names.items():
        short = re.sub(r"\s*\([^)]*\)", "", name).strip()  # the list shows the names; the search knows the rest
        if lang not in ("nb", "fi") or (lang == ui and label.casefold() in [n.strip().casefold() for n in short.split("/")]):
            continue
        names.append(f"{language_name('no' if lang == 'nb' else lang, ui)}: {short}")  # "Norwegian", not "Norwegian Bokmål"
    return label + (f" — {'; '.join(names)}" if names else "")


def measure_groups(query: str = "") -> tuple[Group, ...]:
    """The measure types by group; with a query only those whose name, local names or aliases contain it."""
    words = _sort_key(query).split()
    groups = []
    for group, title in GROUPS.items():
        choices = []
        for key, m in book().measures.items():
            if m.group != group:
                continue
            search = " ".join((key.replace("_", " "), *m.local_names.values(), *m.aliases))
            if all(w in _sort_key(f"{m.label} {search}") for w in words):
                choices.append(Choice(key, measure_label(key), search, m.art33_abroad))
        if choices:
            groups.append(Group(str(title), tuple(choices)))
    return tuple(groups)
