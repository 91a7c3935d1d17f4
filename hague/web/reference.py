"""Reference pages: the Contracting Parties, the measures catalogue, the Articles (blueprint "reference").

The pages show rules data as it stands; treaty status on a date comes from hague.states_view (the
same rows as `hague states` and the API), never from a rule of its own here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, get_args

from babel import Locale
from flask import Blueprint, Flask, abort, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hague import states_view
from hague.rulebook import Rulebook
from hague.rules_schema import ArticleSet, Declaration, Measure, MeasureGroup, StateRecord
from hague.web import helpers
from hague.web.i18n import current_language

bp = Blueprint("reference", __name__, url_prefix="/reference")

GROUPS: dict[str, Any] = {
    "parental_responsibility": _l("Parental responsibility"),
    "custody_access": _l("Custody, residence and access"),
    "guardianship_representation": _l("Guardianship and representation"),
    "placement": _l("Placement away from the parents"),
    "supervision": _l("Supervision"),
    "property": _l("The child's property"),
    "in_home_support": _l("Help while the child lives at home"),
    "other_protective": _l("Other protective measures"),
    "excluded": _l("Matters outside the Convention (Art. 4)"),
}
EIF_STATUS: dict[str, Any] = {
    "verified": _l("confirmed by two or more sources"),
    "single_source": _l("from one source only"),
    "computed": _l("computed from Art. 61(2), no source gives it"),
    "unverified": _l("not confirmed by any source consulted"),
    "unknown": _l("not known"),
}
TREATY_STATUS: dict[str, Any] = {
    "contracting": _l("Contracting State"),
    "ratified_not_in_force": _l("ratified, not yet in force"),
    "signed_only": _l("signed, not ratified"),
    "unconfirmed": _l("accession not confirmed"),
    "not_party": _l("not a party"),
}
DECLARATIONS_KNOWN: dict[str, Any] = {
    "complete": _l("All declarations are listed, with their content."),
    "partial": _l("Some declarations are listed; others may exist."),
    "content_not_seen": _l("The State is listed as having made declarations whose content has not been seen."),
    "none_listed": _l("No declarations are listed."),
}
DECLARATION_KIND: dict[str, Any] = {
    "declaration": _l("declaration"), "reservation": _l("reservation"), "designation": _l("designation"),
    "objection": _l("objection"), "notification": _l("notification"),
}
FACTS: dict[str, Any] = {
    "status": _l("Status"), "signature": _l("Signature"), "instrument": _l("Instrument"),
    "entry_into_force": _l("Entry into force"), "in_force_by": _l("Bound by"), "declarations": _l("Declarations"),
    "central_authority": _l("Central Authority"), "languages": _l("Languages"), "hcch1980": _l("1980 Convention"),
}
INSTRUMENT: dict[str, Any] = {
    "ratification": _l("ratification"), "accession": _l("accession"), "acceptance": _l("acceptance"),
    "approval": _l("approval"),
}
LABELS = {"instrument": INSTRUMENT, "eif_status": EIF_STATUS, "treaty_status": TREATY_STATUS, "declarations_known": DECLARATIONS_KNOWN,
          "declaration_kind": DECLARATION_KIND, "facts": FACTS}
_NUMBER_QUERY = re.compile(r"^(?:(art|biib|biia|1980 art)\.? ?)?(\d+)$")


# --------------------------------------------------------------------------- search helpers


def fold(text: str) -> str:
    """Text for matching: no accents, case folded, single spaces (filter.js folds the same way)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def haystack(parts: Iterable[str | None]) -> str:
    return fold(" ".join(p for p in parts if p))


def matches(query: str, text: str) -> bool:
    """Every word of the query occurs in the (folded) text."""
    return all(word in text for word in fold(query).split())


def parse_day(raw: str | None) -> tuple[dt.date, str | None]:
    """The `as_of` of a reference page: today when absent; on a bad value, today and the error message."""
    today = dt.date.today()
    if raw is None or not raw.strip():
        return today, None
    try:
        return dt.date.fromisoformat(raw.strip()), None
    except ValueError:
        return today, _("“%(value)s” is not a date. Write it as YYYY-MM-DD, for example %(example)s.",
                        value=raw.strip(), example=today.isoformat())


def language_name(code: str) -> str:
    """A language's name in the UI language (Babel's CLDR data), else its code."""
    try:
        name = Locale.parse(current_language()).languages.get(code)
    except (ValueError, LookupError):
        name = None
    return str(name) if name else code


# --------------------------------------------------------------------------- States


@bp.get("/states")
def states() -> tuple[str, int]:
    book = helpers.book()
    day, date_error = parse_day(request.args.get("as_of"))
    query = request.args.get("q", "").strip()
    only_bound = request.args.get("bound") == "1"
    rows: list[dict[str, Any]] = []
    listed = states_view.state_rows(book, day, show_all=not only_bound)
    for row in sorted(listed, key=lambda r: fold(r.name)):  # by name: the table is read by name
        text = haystack([row.code, row.name])
        rows.append({"row": row, "search": text, "shown": matches(query, text)})
    return render_template(
        "web/reference/states.html", rows=rows, shown=sum(r["shown"] for r in rows), day=day, date_error=date_error,
        raw_as_of=request.args.get("as_of", ""), query=query, only_bound=only_bound,
        status_as_of=book.status_as_of, language_name=language_name, labels=LABELS,
        declaration_citations=declaration_citations, link_as_of=None if date_error else request.args.get("as_of") or None,
    ), 400 if date_error else 200


def _sources_named(book_sources: dict[str, Any], record: StateRecord) -> list[tuple[str, Any]]:
    """The sources of meta.sources that the State's verification notes name, in order of first mention."""
    found: dict[str, Any] = {}
    for note in record.verification.values():
        for word in re.findall(r"[a-z][a-z0-9_]+", note):
            if word in book_sources:
                found.setdefault(word, book_sources[word])
    return list(found.items())


def linked_sources(note: str, known: dict[str, Any]) -> list[tuple[str, bool]]:
    """A verification note cut into text and source keys (True), so that the keys can link to the source list."""
    parts = re.split(r"\b([a-z][a-z0-9_]+)\b", note)
    return [(part, i % 2 == 1 and part in known) for i, part in enumerate(parts) if part]


def declaration_citations(article: str) -> list[str]:
    """'23/26/52' -> Art. 23, 26 and 52; 'other' -> none (the Article is not known)."""
    if article == "other":
        return []
    return [f"Art. {part}" for part in article.split("/")]


@bp.get("/states/<code>")
def state(code: str) -> tuple[str, int]:
    book = helpers.book()
    record = book.states.get(code.upper())
    if record is None:
        abort(404)
    day, date_error = parse_day(request.args.get("as_of"))
    row = states_view.state_row(book, code.upper(), day)
    return render_template(
        "web/reference/state.html", record=record, row=row, day=day, date_error=date_error,
        raw_as_of=request.args.get("as_of", ""), status_as_of=book.status_as_of,
        sources=_sources_named(dict(book.states_file.meta.sources), record), language_name=language_name,
        linked_sources=lambda note: linked_sources(note, dict(book.states_file.meta.sources)),
        declaration_citations=declaration_citations, warnings=unverified(record),
        official_table=book.states_file.meta.official_status_table, labels=LABELS, objected_by=objections_to(book, code.upper()),
        hcch1980=book.instruments.hcch1980,
    ), 400 if date_error else 200


def objections_to(book: Rulebook, code: str) -> list[tuple[str, Declaration]]:
    """The other States' Art. 58(3) objections to this State's accession: (objecting State, its declaration)."""
    return [(other, d) for other, record in sorted(book.states.items()) for d in record.declarations
            if d.article == "58(3)" and code in d.objected_to]


def unverified(record: StateRecord) -> list[str]:
    """The facts of a record that the sources do not confirm, in words (the page's warning box)."""
    out = []
    if record.status == "unconfirmed":
        out.append(_("The accession itself is not confirmed by the sources."))
    if record.entry_into_force_status in ("unverified", "unknown"):
        out.append(_("The date of entry into force is not confirmed by the sources."))
    elif record.entry_into_force_status in ("single_source", "computed"):
        out.append(_("The date of entry into force rests on one source or on a calculation only."))
    if record.declarations_known in ("content_not_seen", "partial"):
        out.append(_("The content of the declarations has not been seen, or not all of it."))
    if not record.central_authority.verified:
        out.append(_("The Central Authority's details are not verified."))
    return out


# --------------------------------------------------------------------------- measures


def measure_text(key: str, measure: Measure) -> str:
    return haystack([key, key.replace("_", " "), measure.label, measure.description, *measure.aliases,
                     *measure.local_names.values(), _(measure.label)])


@bp.get("/measures")
def measures() -> str:
    book = helpers.book()
    query = request.args.get("q", "").strip()
    groups: list[dict[str, Any]] = []
    for group in get_args(MeasureGroup):
        items: list[dict[str, Any]] = []
        for key, m in book.measures.items():
            if m.group == group:
                text = measure_text(key, m)
                items.append({"key": key, "measure": m, "search": text, "shown": matches(query, text)})
        groups.append({"key": group, "label": GROUPS.get(group, group), "items": items,
                       "shown": any(i["shown"] for i in items)})
    shown = sum(i["shown"] for g in groups for i in g["items"])
    return render_template("web/reference/measures.html", groups=groups, query=query, shown=shown,
                           total=len(book.measures), language_name=language_name)


# --------------------------------------------------------------------------- Articles


def folded_prefix(instrument: ArticleSet) -> str:
    """'1980 Art.' -> '1980 art': the prefix a number query may carry (filter.js reads it from data-prefix)."""
    return fold(instrument.citation_prefix).rstrip(".")


def article_matches(query: str, instrument: ArticleSet, number: str, text: str) -> bool:
    """A bare number (or 'Art. 7', 'BIIb 7') finds that Article; other words search titles and summaries."""
    folded = fold(query)
    wanted = _NUMBER_QUERY.match(folded)
    if wanted:
        prefix = wanted.group(1)
        same_instrument = prefix is None or folded_prefix(instrument) == prefix
        return same_instrument and wanted.group(2) == number
    return matches(query, text)


@bp.get("/articles")
def articles() -> str:
    book = helpers.book()
    query = request.args.get("q", "").strip()
    instruments: list[dict[str, Any]] = []
    for key, instrument in book.articles_file.instruments.items():
        items: list[dict[str, Any]] = []
        for number, article in instrument.articles.items():
            cited = f"{instrument.citation_prefix} {number}"
            text = haystack([cited, article.title, article.summary, _(article.title)])
            items.append({"number": number, "article": article, "cited": cited, "search": text,
                          "shown": article_matches(query, instrument, number, text),
                          "anchor": helpers.citation(cited).anchor})
        instruments.append({"key": key, "instrument": instrument, "items": items, "prefix": folded_prefix(instrument),
                            "shown": any(i["shown"] for i in items)})
    shown = sum(i["shown"] for group in instruments for i in group["items"])
    total = sum(len(i.articles) for i in book.articles_file.instruments.values())
    return render_template("web/reference/articles.html", instruments=instruments, query=query, shown=shown, total=total)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
