"""The scenario library as trainers and trainees see it: every file checked, with its assessment.

No Flask. Loading runs every scenario through the checker (a few milliseconds each); the result is
kept until a file in the folder or the rulebook changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hague.engine.findings import Assessment
from hague.rulebook import Rulebook
from hague.scenarios import Outcome, Scenario, check_loaded, scenario_files


@dataclass(frozen=True)
class Entry:
    """One scenario file, its check and (where the case is valid) the engine's assessment."""

    path: Path
    scenario: Scenario | None  # None: the file is not a valid scenario
    outcome: Outcome
    assessment: Assessment | None

    @property
    def id(self) -> str:
        return self.scenario.id if self.scenario else self.path.stem

    @property
    def ok(self) -> bool:
        return self.outcome.passed

    @property
    def training(self) -> bool:
        return self.scenario is not None and self.scenario.training is not None


@dataclass(frozen=True)
class Library:
    entries: tuple[Entry, ...]

    def get(self, scenario_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == scenario_id), None)

    def trainable(self) -> list[Scenario]:
        """Training scenarios that pass the check: only those are offered to trainees."""
        return [e.scenario for e in self.entries if e.training and e.ok and e.scenario is not None]


def load_library(directory: Path, book: Rulebook) -> Library:
    entries = []
    for path in scenario_files([directory]) if directory.is_dir() else []:
        outcome, scenario, assessment = check_loaded(path, book)
        entries.append(Entry(path, scenario, outcome, assessment))
    return Library(tuple(sorted(entries, key=lambda e: e.id)))


_CACHE: dict[tuple[object, ...], Library] = {}


def _stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    out = []
    for path in sorted(directory.rglob("*.yaml")) if directory.is_dir() else []:
        try:
            info = path.stat()
        except OSError:
            continue
        out.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(out)


def cached_library(directory: Path, book: Rulebook) -> Library:
    """load_library, reused while no file in `directory` and not the rulebook has changed."""
    key = (str(directory.resolve()), book.version, _stamp(directory))
    if key not in _CACHE:
        if len(_CACHE) > 4:
            _CACHE.clear()
        _CACHE[key] = load_library(directory, book)
    return _CACHE[key]
