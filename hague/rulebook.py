"""Loads rules/*.yaml into one typed, frozen Rulebook, with a version hash of its files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hague.resources import resource_dir
from hague.rules_schema import (
    Article,
    ArticleSet,
    ArticlesFile,
    InstrumentsFile,
    Measure,
    MeasuresFile,
    Question,
    QuestionsFile,
    RequestKind,
    RequestsFile,
    StateRecord,
    StatesFile,
)
from hague.yamlio import YamlError, load_path

RULE_FILES = ("states", "measures", "articles", "instruments", "questions", "requests")
_CITATION = re.compile(r"^(BIIb|BIIa|1980 Art\.|Art\.) (\d+)(\([0-9a-z]+\))*$")
_INDEX = re.compile(r"\[\d*\]")

M = TypeVar("M", bound=BaseModel)


class RulesError(ValueError):
    """A rules file that cannot be used: which file, where in it, and what is wrong."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Rulebook:
    """Everything the engine knows that is data, not logic."""

    states_file: StatesFile
    measures_file: MeasuresFile
    articles_file: ArticlesFile
    instruments: InstrumentsFile
    questions_file: QuestionsFile
    requests_file: RequestsFile
    version: str
    _questions: dict[str, Question] = field(default_factory=dict, repr=False)

    @property
    def states(self) -> dict[str, StateRecord]:
        return self.states_file.states

    @property
    def measures(self) -> dict[str, Measure]:
        return self.measures_file.measures

    @property
    def requests(self) -> dict[str, RequestKind]:
        return self.requests_file.requests

    @property
    def status_as_of(self) -> dt.date:
        return self.states_file.meta.status_as_of

    def state(self, code: str) -> StateRecord | None:
        """The record of a State; a territorial unit (GB-SCT) resolves to its State."""
        return self.states.get(code.split("-", 1)[0])

    def state_name(self, code: str) -> str:
        record = self.state(code)
        if record is not None:
            return record.name + (f" ({code})" if "-" in code else "")
        import pycountry  # local: only for States the rules do not list

        country = pycountry.countries.get(alpha_2=code.split("-", 1)[0])
        return getattr(country, "common_name", None) or (country.name if country else code)

    def article(self, citation: str) -> tuple[ArticleSet, Article] | None:
        """Resolve a citation such as 'Art. 23(2)(f)' or 'BIIb 7(1)' to its summary."""
        match = _CITATION.match(citation)
        if not match:
            return None
        prefix, number = match.group(1), match.group(2)
        for instrument in self.articles_file.instruments.values():
            if instrument.citation_prefix == prefix and number in instrument.articles:
                return instrument, instrument.articles[number]
        return None

    def question(self, fact: str) -> Question | None:
        """The wizard question that fills a case field ('habitual_residence[1].from' works)."""
        return self._questions.get(_INDEX.sub("[]", fact))


def _validate(model: type[M], name: str, data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"rules/{name}.yaml: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
            for err in exc.errors()
        ]
        raise RulesError(problems) from None


def _read(directory: Path, name: str) -> tuple[Any, bytes]:
    path = directory / f"{name}.yaml"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RulesError([f"rules/{name}.yaml: cannot be read: {exc.strerror}"]) from None
    try:
        return load_path(path), raw
    except YamlError as exc:
        raise RulesError([str(exc)]) from None


def load_rulebook(directory: Path | None = None) -> Rulebook:
    """Read, validate and cross-check every rules file."""
    directory = directory or resource_dir("rules")
    data: dict[str, Any] = {}
    digest = hashlib.sha256()
    problems: list[str] = []
    for name in RULE_FILES:
        try:
            data[name], raw = _read(directory, name)
        except RulesError as exc:
            problems += exc.problems
            continue
        digest.update(name.encode() + b"\0" + raw + b"\0")
    if problems:
        raise RulesError(problems)
    models: dict[str, Any] = {}
    schemas: tuple[type[BaseModel], ...] = (StatesFile, MeasuresFile, ArticlesFile, InstrumentsFile, QuestionsFile, RequestsFile)
    for name, model in zip(RULE_FILES, schemas, strict=True):
        try:
            models[name] = _validate(model, name, data[name])
        except RulesError as exc:
            problems += exc.problems
    if problems:
        raise RulesError(problems)
    questions = {q.field: q for step in models["questions"].steps for q in step.questions}
    book = Rulebook(
        states_file=models["states"],
        measures_file=models["measures"],
        articles_file=models["articles"],
        instruments=models["instruments"],
        questions_file=models["questions"],
        requests_file=models["requests"],
        version=digest.hexdigest(),
        _questions=questions,
    )
    from hague.rules_check import cross_check  # local: the checks use the loaded book

    problems = cross_check(book)
    if problems:
        raise RulesError(problems)
    return book


@lru_cache(maxsize=1)
def default_rulebook() -> Rulebook:
    """The rulebook shipped with the package (or the folder in HAGUE_RULES), loaded once per process."""
    override = os.environ.get("HAGUE_RULES")
    return load_rulebook(Path(override) if override else None)
