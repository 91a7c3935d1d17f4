"""What every page's templates may call: the rulebook, Article citations with their summaries, State names."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from hague.rulebook import Rulebook, default_rulebook


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


def state_name(code: str | None) -> str:
    """A State's name for display (the rulebook's, else pycountry's); '' for nothing, 'unknown' kept."""
    if not code:
        return ""
    if code == "unknown":
        return "unknown"
    return book().state_name(code)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(citation=citation, state_name=state_name, rulebook=book)
