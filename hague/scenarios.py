"""Scenarios (format hague-scenario/1): a story, a case and the expected answer, checked
against the engine. The test suite and trainers use the same checker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hague.case import CaseError
from hague.engine import assess
from hague.engine.findings import Assessment
from hague.intake import read_case
from hague.rulebook import Rulebook
from hague.yamlio import YamlError, load_path

SCENARIO_FORMAT = "hague-scenario/1"
Level = Literal["basic", "intermediate", "advanced"]
LEVELS: tuple[str, ...] = ("basic", "intermediate", "advanced")
Topic = Literal["scope", "habitual_residence", "abduction", "transfer", "urgency", "divorce_forum", "applicable_law",
                "recognition", "placement_abroad", "cooperation", "brussels_iib"]
TOPICS: tuple[str, ...] = Topic.__args__  # type: ignore[attr-defined]
# The questions a trainee can be asked; each is answered from one part of the model answer (`expected`).
Question = Literal["scope", "jurisdiction", "law", "pr_law", "cooperation", "recognition", "measures"]
QUESTIONS: tuple[str, ...] = Question.__args__  # type: ignore[attr-defined]
PLACEHOLDER = "TODO"  # what `hague scenarios new` leaves for the trainer to replace


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Seat(Strict):
    state: str
    article: str


class Route(Strict):
    article: Literal["8", "9"]
    from_: str = Field(alias="from")
    to: str


class MeasureOutcome(Strict):
    measure: int
    status: Literal["in_force", "lapsed", "ended", "unknown"]


class LawPeriodExpected(Strict):
    state: str
    article: str
    from_: dt.date | None = Field(default=None, alias="from")


class RecognitionExpected(Strict):
    measure: int
    in_: str = Field(alias="in")
    regime: str | None = None
    recognised: bool | None = None
    grounds_for_refusal: list[str] | None = None  # exact
    to_check: list[str] | None = None  # exact
    routes: list[str] | None = None  # exact


class ActionExpected(Strict):
    action: str
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    mandatory: bool | None = None
    addressee: str | None = None
    ready: bool | None = None
    blocks_decision: bool | None = None
    translate_to: list[str] | None = None
    fallback: list[str] | None = None


class Expected(Strict):
    """The model answer, as far as the engine can be held to it. Lists marked exact must match."""

    scope_applies: bool | None = None
    excluded_by: str | None = None
    regime: str | None = None
    competent: list[Seat] | None = None  # exact: every (state, article) with status competent
    must_abstain: list[Seat] | None = None  # exact
    ended: list[Seat] | None = None  # exact: status ended or lapsed
    conditional: list[str] | None = None  # exact: States whose finding depends on missing facts
    not_competent: list[str] = Field(default_factory=list)  # each must be listed as not competent
    missing: list[str] = Field(default_factory=list)  # each fact must be reported missing
    no_missing: bool = False  # the facts are complete: nothing may be reported missing
    ends_on: dict[str, dt.date] = Field(default_factory=dict)  # State -> computed end date
    transfer_options: list[Route] = Field(default_factory=list)  # each must be offered
    existing_measures: list[MeasureOutcome] = Field(default_factory=list)
    flags_cite: list[str] = Field(default_factory=list)  # each citation must appear on some flag
    # stage two: applicable law, recognition, co-operation
    law_of_measures: str | None = None  # applicable_law.measures.state
    law_options: list[str] | None = None  # exact: the Art. 15(2) options of that finding
    pr_law: str | None = None  # applicable_law.parental_responsibility.state
    pr_timeline: list[LawPeriodExpected] | None = None  # exact (state, article[, from]) in order
    exercise_law: str | None = None
    act_laws: list[str] | None = None  # exact: the law of each Art. 16(2) act, in order
    conditions_of_application: list[dict[str, Any]] | None = None  # exact: {measure, state, from}
    recognition: list[RecognitionExpected] = Field(default_factory=list)
    actions: list[ActionExpected] = Field(default_factory=list)  # each must be offered, with these values
    no_actions: list[str] = Field(default_factory=list)  # action keys that must not be offered


class Training(Strict):
    """Marks a scenario for trainee mode: the questions the trainee answers, each scored against `expected`."""

    questions: list[Question] = Field(min_length=1)


class Scenario(Strict):
    format: Literal["hague-scenario/1"] = "hague-scenario/1"
    id: str
    title: str
    story: str
    level: Level
    topics: list[str] = Field(min_length=1)  # values of TOPICS (checked with a clear message, see topic_problems)
    articles: list[str]
    case: dict[str, Any]
    expected: Expected
    explanation: str
    training: Training | None = None  # absent: a test scenario only, not offered to trainees


@dataclass
class Outcome:
    """The check of one scenario file: `differences` (engine vs model answer) are also in `problems`."""

    path: Path
    scenario_id: str
    problems: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    training: bool = False

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def file_problems(self) -> list[str]:
        """Problems of the file itself (format, placeholders, training questions), not of the engine's answer."""
        return [p for p in self.problems if p not in self.differences]


def load_scenario(path: Path) -> Scenario:
    try:
        data = load_path(path)
        return Scenario.model_validate(data)
    except (YamlError, ValidationError) as exc:
        raise ValueError(f"{path}: not a valid scenario: {exc}") from None


def scenario_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out += sorted(p.rglob("*.yaml")) if p.is_dir() else [p]
    return out


def _seats(a: Assessment, statuses: tuple[str, ...]) -> set[tuple[str, str]]:
    return {(f.state, f.article) for f in a.jurisdiction if f.status in statuses}


def _exact(label: str, want: list[Seat] | None, got: set[tuple[str, str]]) -> list[str]:
    if want is None:
        return []
    wanted = {(s.state, s.article) for s in want}
    if wanted == got:
        return []
    return [f"{label}: expected {sorted(wanted)}, engine says {sorted(got)}"]


def compare(expected: Expected, a: Assessment) -> list[str]:
    """Every way the engine's answer departs from the model answer."""
    problems: list[str] = []
    if expected.scope_applies is not None and a.scope.applies != expected.scope_applies:
        problems.append(f"scope.applies: expected {expected.scope_applies}, engine says {a.scope.applies}")
    if expected.excluded_by is not None and a.scope.excluded_by != expected.excluded_by:
        problems.append(f"scope.excluded_by: expected {expected.excluded_by}, engine says {a.scope.excluded_by}")
    if expected.regime is not None and a.regime.jurisdiction != expected.regime:
        problems.append(f"regime: expected {expected.regime}, engine says {a.regime.jurisdiction}")
    problems += _exact("competent", expected.competent, _seats(a, ("competent",)))
    problems += _exact("must_abstain", expected.must_abstain, _seats(a, ("must_abstain",)))
    problems += _exact("ended", expected.ended, _seats(a, ("ended", "lapsed")))
    if expected.conditional is not None:
        got = sorted({f.state for f in a.jurisdiction if f.depends_on})
        if got != sorted(set(expected.conditional)):
            problems.append(f"conditional: expected {sorted(set(expected.conditional))}, engine says {got}")
    listed = {n.state for n in a.not_competent}
    problems += [f"not_competent: {s} should be listed, engine lists {sorted(listed)}" for s in expected.not_competent if s not in listed]
    facts = {m.fact for m in a.missing}
    problems += [f"missing: {f} should be reported missing, engine reports {sorted(facts)}" for f in expected.missing if f not in facts]
    if expected.no_missing and facts:
        problems.append(f"missing: nothing should be missing, engine reports {sorted(facts)}")
    for state, day in expected.ends_on.items():
        got_days = [f.ends_on for f in a.jurisdiction if f.state == state]
        if day not in got_days:
            problems.append(f"ends_on[{state}]: expected {day}, engine says {got_days}")
    offered = {(o.article, o.from_, o.to) for o in a.transfer_options}
    for r in expected.transfer_options:
        if (r.article, r.from_, r.to) not in offered:
            problems.append(f"transfer option Art. {r.article} {r.from_}->{r.to} not offered (engine: {sorted(offered)})")
    statuses = {e.measure: e.status for e in a.existing_measures}
    for m in expected.existing_measures:
        if statuses.get(m.measure) != m.status:
            problems.append(f"existing_measures[{m.measure}]: expected {m.status}, engine says {statuses.get(m.measure)}")
    cited = {c for f in a.flags for c in f.citations}
    problems += [f"flags: none cites {c} (flags cite {sorted(cited)})" for c in expected.flags_cite if c not in cited]
    return problems + _law_problems(expected, a) + _recognition_problems(expected, a) + _action_problems(expected, a)


def _law_problems(expected: Expected, a: Assessment) -> list[str]:
    law = a.applicable_law
    if law is None:
        wanted = [expected.law_of_measures, expected.pr_law, expected.exercise_law, expected.pr_timeline]
        return ["applicable_law: none given, but expected"] if any(w is not None for w in wanted) else []
    problems = []
    pairs = [("law_of_measures", expected.law_of_measures, law.measures.state if law.measures else None),
             ("pr_law", expected.pr_law, law.parental_responsibility.state),
             ("exercise_law", expected.exercise_law, law.exercise.state)]
    problems += [f"{label}: expected {want}, engine says {got}" for label, want, got in pairs if want is not None and want != got]
    if expected.law_options is not None:
        got_options = next((m.options for m in law.by_state if law.measures and m.law_of == law.measures.state), [])
        if sorted(got_options) != sorted(expected.law_options):
            problems.append(f"law_options: expected {sorted(expected.law_options)}, engine says {sorted(got_options)}")
    if expected.pr_timeline is not None:
        got = [(p.state, p.article, p.from_) for p in law.parental_responsibility.timeline]
        want = [(p.state, p.article, p.from_) for p in expected.pr_timeline]
        if [(s, ar) for s, ar, _ in got] != [(s, ar) for s, ar, _ in want] or any(
                w[2] is not None and w[2] != g[2] for w, g in zip(want, got, strict=False)):
            problems.append(f"pr_timeline: expected {want}, engine says {got}")
    if expected.act_laws is not None and [x.state for x in law.acts] != expected.act_laws:
        problems.append(f"act_laws: expected {expected.act_laws}, engine says {[x.state for x in law.acts]}")
    if expected.conditions_of_application is not None:
        got_c = [{"measure": c.measure, "state": c.state, "from": c.from_} for c in law.conditions_of_application]
        want_c = [{**c, "from": dt.date.fromisoformat(str(c["from"]))} for c in expected.conditions_of_application]
        if got_c != want_c:
            problems.append(f"conditions_of_application: expected {want_c}, engine says {got_c}")
    return problems


def _recognition_problems(expected: Expected, a: Assessment) -> list[str]:
    problems = []
    for want in expected.recognition:
        got = next((r for r in a.recognition if r.measure == want.measure and r.in_ == want.in_), None)
        if got is None:
            problems.append(f"recognition of #{want.measure} in {want.in_}: not assessed")
            continue
        for name in ("regime", "recognised", "grounds_for_refusal", "to_check", "routes"):
            value = getattr(want, name)
            actual = getattr(got, name)
            if value is not None and (sorted(value) != sorted(actual) if isinstance(value, list) else value != actual):
                problems.append(f"recognition of #{want.measure} in {want.in_}: {name} expected {value}, engine says {actual}")
    return problems


def _action_problems(expected: Expected, a: Assessment) -> list[str]:
    problems = []
    for want in expected.actions:
        candidates = [c for c in a.cooperation if c.action == want.action and (want.from_ is None or c.from_ == want.from_)
                      and (want.to is None or c.to == want.to)]
        if not candidates:
            offered = sorted(f"{c.action} {c.from_}->{c.to}" for c in a.cooperation)
            problems.append(f"action {want.action} {want.from_ or ''}->{want.to or ''}: not offered (engine offers {offered})")
            continue
        got = candidates[0]
        checks = {"mandatory": got.mandatory, "addressee": got.addressee, "ready": got.ready,
                  "blocks_decision": got.blocks_decision is not None,
                  "translate_to": got.language.translate_to if got.language else None,
                  "fallback": got.language.fallback if got.language else None}
        for name, actual in checks.items():
            value = getattr(want, name)
            if value is not None and value != actual:
                problems.append(f"action {want.action} {got.from_}->{got.to}: {name} expected {value}, engine says {actual}")
    offered_keys = {c.action for c in a.cooperation}
    problems += [f"action {k} should not be offered" for k in expected.no_actions if k in offered_keys]
    return problems


def check_file(path: Path, book: Rulebook) -> Outcome:
    """Load, validate and run one scenario; every problem found, the engine's departures listed apart."""
    return check_loaded(path, book)[0]


def check_loaded(path: Path, book: Rulebook) -> tuple[Outcome, Scenario | None, Assessment | None]:
    """As check_file, also returning the scenario and the engine's assessment where they could be made."""
    try:
        scenario = load_scenario(path)
    except ValueError as exc:
        return Outcome(path, path.stem, [str(exc)]), None, None
    outcome = Outcome(path, scenario.id, training=scenario.training is not None)
    if scenario.id != path.stem:
        outcome.problems.append(f"id '{scenario.id}' must equal the file name '{path.stem}'")
    outcome.problems += placeholder_problems(scenario) + topic_problems(scenario)
    try:
        case = read_case(scenario.case, book)
    except CaseError as exc:
        outcome.problems += [f"case: {e}" for e in exc.errors]
        return outcome, scenario, None
    if case.as_of is None:
        outcome.problems.append("case.as_of is required in a scenario (the answer depends on the date)")
        return outcome, scenario, None
    from hague.training import training_problems  # the trainee questions live with the scoring

    outcome.problems += training_problems(scenario, case)
    assessment = assess(case, book)
    outcome.differences = compare(scenario.expected, assessment)
    outcome.problems += outcome.differences
    return outcome, scenario, assessment


def topic_problems(scenario: Scenario) -> list[str]:
    """Topic tags outside the vocabulary (the placeholder included)."""
    return [f"topics: '{t}' is not a topic; choose from {', '.join(TOPICS)}" for t in scenario.topics if t not in TOPICS]


def placeholder_problems(scenario: Scenario) -> list[str]:
    """Text still holding the skeleton's placeholder, with what to write instead."""
    wanted = {"title": "a one-line title saying what the case teaches",
              "story": "the story in plain language (invented names, no real person)",
              "explanation": "the model explanation in our own words, citing the Articles"}
    return [f"{name}: still the placeholder '{PLACEHOLDER}': write {what}" for name, what in wanted.items()
            if PLACEHOLDER in getattr(scenario, name)] + (
        [f"articles: still the placeholder '{PLACEHOLDER}': list the Articles the case turns on"]
        if PLACEHOLDER in scenario.articles else [])
