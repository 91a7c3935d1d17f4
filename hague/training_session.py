"""A trainee's session: choosing the scenarios, and the summary by topic and level. Pure."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hague.scenarios import LEVELS, TOPICS, Scenario
from hague.training_score import ScenarioResult

DEFAULT_SIZE = 5
MAX_SIZE = 20


def matching(scenarios: Iterable[Scenario], topics: Sequence[str] = (), levels: Sequence[str] = ()) -> list[Scenario]:
    """The training scenarios with at least one of `topics` and one of `levels` (none given: any)."""
    return [s for s in scenarios if s.training is not None
            and (not topics or set(s.topics) & set(topics)) and (not levels or s.level in levels)]


def pick(scenarios: Iterable[Scenario], topics: Sequence[str], levels: Sequence[str], size: int,
         rng: random.Random) -> list[str]:
    """The ids of up to `size` matching scenarios, drawn at random, easiest level first."""
    pool = matching(scenarios, topics, levels)
    chosen = rng.sample(pool, min(size, len(pool)))
    return [s.id for s in sorted(chosen, key=lambda s: LEVELS.index(s.level))]


@dataclass(frozen=True)
class Tally:
    """Points scored out of points possible, over `count` scenarios."""

    name: str
    score: float
    max: int
    count: int

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.max) if self.max else 0


@dataclass(frozen=True)
class Summary:
    total: Tally
    by_topic: tuple[Tally, ...]  # topics met in the session, in the order of TOPICS
    by_level: tuple[Tally, ...]


def _tally(name: str, results: Sequence[ScenarioResult]) -> Tally:
    return Tally(name, round(sum(r.score for r in results), 2), sum(r.max for r in results), len(results))


def summarise(results: Sequence[ScenarioResult]) -> Summary:
    """Scores over the session; a scenario with several topics counts towards each of them."""
    topics = tuple(_tally(t, [r for r in results if t in r.topics]) for t in TOPICS if any(t in r.topics for r in results))
    levels = tuple(_tally(lv, [r for r in results if r.level == lv]) for lv in LEVELS if any(r.level == lv for r in results))
    return Summary(_tally("total", results), topics, levels)
