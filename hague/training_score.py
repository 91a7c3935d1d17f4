"""Scoring a trainee's answer against the scenario's model answer.

Rules (each question scores from 0 to 1; a scenario scores the sum over its questions):
- scope, law, pr_law: right or wrong.
- jurisdiction: each State of the model answer counts one point: 1 if ticked with one of its
  Articles, 1/2 if ticked with another Article, 0 if not ticked; each State ticked that may not act
  adds a point the trainee cannot get. No State in the model answer and none ticked: 1.
- cooperation: each (action, State) of the model answer counts one point: 1 if ticked, 1/2 if the
  action is ticked for another State; an extra tick costs a point unless the engine also opens that
  action (then it is shown as "also open" and costs nothing: the model answer names what the case
  is about, not every discretionary route). Where the authority found an Art. 37 risk, an action the
  engine holds back for it must not be sent: its point is won by not ticking it.
- recognition, measures: the share of right answers.
A skipped scenario scores 0 and shows the model answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from hague.engine.findings import Assessment
from hague.scenarios import Scenario

Verdict = Literal["right", "partial", "wrong", "missed", "extra", "also_open", "barred"]


@dataclass(frozen=True)
class Answer:
    """What the trainee chose; every field empty means 'nothing ticked', which can be right."""

    scope: bool | None = None
    seats: dict[str, str] = field(default_factory=dict)  # State -> the Article ticked for it
    law: str | None = None
    pr_law: str | None = None
    actions: frozenset[tuple[str, str]] = frozenset()  # (action, recipient State)
    recognition: dict[str, bool] = field(default_factory=dict)  # "measure:State" -> recognised
    measures: dict[str, str] = field(default_factory=dict)  # "measure" -> in_force | lapsed | ended
    skipped: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"scope": self.scope, "seats": self.seats, "law": self.law, "pr_law": self.pr_law,
                "actions": sorted([a, s] for a, s in self.actions), "recognition": self.recognition,
                "measures": self.measures, "skipped": self.skipped}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        """The answer stored by to_json (anything malformed is dropped, never trusted)."""
        def strings(value: Any) -> dict[str, str]:
            return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

        raw_actions = data.get("actions")
        actions: list[Any] = raw_actions if isinstance(raw_actions, list) else []
        return cls(
            scope=data.get("scope") if isinstance(data.get("scope"), bool) else None,
            seats=strings(data.get("seats")),
            law=str(data["law"]) if data.get("law") else None,
            pr_law=str(data["pr_law"]) if data.get("pr_law") else None,
            actions=frozenset((str(a[0]), str(a[1])) for a in actions if isinstance(a, list) and len(a) == 2),
            recognition={str(k): v for k, v in (data.get("recognition") or {}).items() if isinstance(v, bool)},
            measures=strings(data.get("measures")),
            skipped=data.get("skipped") is True)


@dataclass(frozen=True)
class Item:
    """One point of the model answer (or one extra choice) and how the trainee did on it."""

    subject: str  # a State, an action key, "measure:State" or "measure"; "" for one-answer questions
    expected: str | None  # the model answer for the subject (None for an extra choice)
    given: str | None  # what the trainee chose (None: nothing)
    verdict: Verdict
    credit: float
    mandatory: bool | None = None  # co-operation: must (True) or may (False) be sent
    withhold: bool = False  # co-operation: Art. 37 bars sending it; the right answer is not to tick it


@dataclass(frozen=True)
class QuestionResult:
    question: str
    score: float  # 0 to 1
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ScenarioResult:
    scenario_id: str
    level: str
    topics: tuple[str, ...]
    questions: tuple[QuestionResult, ...]

    @property
    def score(self) -> float:
        return sum(q.score for q in self.questions)

    @property
    def max(self) -> int:
        return len(self.questions)


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _single(expected: str | None, given: str | None) -> QuestionResult:
    verdict: Verdict = "right" if given == expected else ("missed" if given is None else "wrong")
    return QuestionResult("", 1.0 if verdict == "right" else 0.0, (Item("", expected, given, verdict, 1.0 if verdict == "right" else 0.0),))


def _ratio(items: list[Item], extra: int = 0) -> float:
    points = len([i for i in items if i.expected is not None]) + extra
    return 1.0 if points == 0 else round(sum(i.credit for i in items) / points, 4)


def score_jurisdiction(scenario: Scenario, answer: Answer) -> QuestionResult:
    expected: dict[str, set[str]] = {}
    for seat in scenario.expected.competent or []:
        expected.setdefault(seat.state, set()).add(seat.article)
    items = []
    for state, articles in expected.items():
        shown = " / ".join(sorted(articles))
        given = answer.seats.get(state)
        if given is None:
            items.append(Item(state, shown, None, "missed", 0.0))
        else:
            items.append(Item(state, shown, given, "right" if given in articles else "partial", 1.0 if given in articles else 0.5))
    extras = [Item(state, None, article, "extra", 0.0) for state, article in answer.seats.items() if state not in expected]
    return QuestionResult("jurisdiction", _ratio(items, len(extras)), tuple(items + extras))


def score_cooperation(scenario: Scenario, assessment: Assessment, answer: Answer) -> QuestionResult:
    forum = scenario.case.get("forum")
    risk = scenario.case.get("art37_no_risk") is False
    mine = [c for c in assessment.cooperation if forum is None or c.from_ == forum]
    barred = {(c.action, c.to) for c in mine if risk and not c.ready and any(b.startswith("Art. 37") for b in c.blocked_by)}
    offered = {(c.action, c.to): c.mandatory for c in mine if (c.action, c.to) not in barred}
    chosen = set(answer.actions)
    items = []
    for want in scenario.expected.actions:
        pair = (want.action, want.to or "")
        must = want.mandatory if want.mandatory is not None else offered.get(pair)
        if pair in barred:
            sent = pair in chosen
            chosen.discard(pair)
            items.append(Item(want.action, want.to, want.to if sent else None, "barred" if sent else "right",
                              0.0 if sent else 1.0, must, withhold=True))
            continue
        if pair in chosen:
            chosen.discard(pair)
            items.append(Item(want.action, want.to, want.to, "right", 1.0, must))
            continue
        elsewhere = sorted(s for a, s in chosen if a == want.action and (a, s) not in _pairs(scenario))
        if elsewhere:
            chosen -= {(want.action, s) for s in elsewhere}
            items.append(Item(want.action, want.to, ", ".join(elsewhere), "partial", 0.5, must))
        else:
            items.append(Item(want.action, want.to, None, "missed", 0.0, must))
    extras = [Item(a, None, s, "also_open" if (a, s) in offered else ("barred" if (a, s) in barred else "extra"), 0.0,
                   offered.get((a, s))) for a, s in sorted(chosen)]
    wrong = len([i for i in extras if i.verdict in ("extra", "barred")])
    return QuestionResult("cooperation", _ratio(items, wrong), tuple(items + extras))


def _pairs(scenario: Scenario) -> set[tuple[str, str]]:
    return {(a.action, a.to or "") for a in scenario.expected.actions}


def score_recognition(scenario: Scenario, answer: Answer) -> QuestionResult:
    items = []
    for r in scenario.expected.recognition:
        if r.recognised is None:
            continue
        key = f"{r.measure}:{r.in_}"
        given = answer.recognition.get(key)
        right = given is r.recognised
        verdict: Verdict = "right" if right else ("missed" if given is None else "wrong")
        items.append(Item(key, _yes_no(r.recognised), _yes_no(given), verdict, 1.0 if right else 0.0))
    return QuestionResult("recognition", _ratio(items), tuple(items))


def score_measures(scenario: Scenario, answer: Answer) -> QuestionResult:
    items = []
    for m in scenario.expected.existing_measures:
        given = answer.measures.get(str(m.measure))
        verdict: Verdict = "right" if given == m.status else ("missed" if given is None else "wrong")
        items.append(Item(str(m.measure), m.status, given, verdict, 1.0 if verdict == "right" else 0.0))
    return QuestionResult("measures", _ratio(items), tuple(items))


def score(scenario: Scenario, assessment: Assessment, answer: Answer) -> ScenarioResult:
    """The trainee's result on one training scenario (the engine's assessment of its case is needed for
    the co-operation question only, to tell an extra action that is also open from a wrong one)."""
    assert scenario.training is not None, f"{scenario.id} is not a training scenario"
    given = Answer() if answer.skipped else answer
    results = []
    for question in dict.fromkeys(scenario.training.questions):
        result = _question(question, scenario, assessment, given)
        if answer.skipped:
            result = QuestionResult(question, 0.0, tuple(
                Item(i.subject, i.expected, None, "missed", 0.0, i.mandatory) for i in result.items if i.expected is not None))
        results.append(result)
    return ScenarioResult(scenario.id, scenario.level, tuple(scenario.topics), tuple(results))


def _question(question: str, scenario: Scenario, assessment: Assessment, answer: Answer) -> QuestionResult:
    e = scenario.expected
    if question == "scope":
        single = _single(_yes_no(e.scope_applies), _yes_no(answer.scope))
    elif question == "law":
        single = _single(e.law_of_measures, answer.law)
    elif question == "pr_law":
        single = _single(e.pr_law, answer.pr_law)
    elif question == "jurisdiction":
        return score_jurisdiction(scenario, answer)
    elif question == "cooperation":
        return score_cooperation(scenario, assessment, answer)
    elif question == "recognition":
        return score_recognition(scenario, answer)
    else:
        return score_measures(scenario, answer)
    return QuestionResult(question, single.score, single.items)
