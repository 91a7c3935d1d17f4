"""Training: the questions a trainee answers, the choices offered, and the checks that a scenario's
model answer can answer them.

Pure: no Flask, no I/O. The model answer is the scenario's `expected` block, which `hague scenarios
check` holds against the engine. Scoring is in hague/training_score.py, sessions in
hague/training_session.py.
"""

from __future__ import annotations

from hague.case import Case
from hague.scenarios import PLACEHOLDER, Scenario


def N_(text: str) -> str:
    """Mark a string for the translation catalogue (babel keyword N_); templates translate it when shown."""
    return text


# The grounds a trainee chooses from: (article as the engine writes it, group, short label).
GROUNDS: tuple[tuple[str, str, str], ...] = (
    ("5(1)", "hcch1996", N_("habitual residence")),
    ("5(2)", "hcch1996", N_("new habitual residence after a lawful move")),
    ("6(1)", "hcch1996", N_("presence of a refugee or internationally displaced child")),
    ("6(2)", "hcch1996", N_("presence, where the habitual residence cannot be established")),
    ("7", "hcch1996", N_("kept after a wrongful removal or retention")),
    ("8", "hcch1996", N_("transfer accepted at the request of the State of habitual residence")),
    ("9", "hcch1996", N_("authorised by the State of habitual residence")),
    ("10", "hcch1996", N_("court of the parents' divorce or separation")),
    ("11", "hcch1996", N_("urgency, where the child or property is present")),
    ("12", "hcch1996", N_("provisional measure with effect in that State only")),
    ("55", "hcch1996", N_("reservation for property in that State")),
    ("national", "other", N_("national law: the Convention gives no ground")),
    ("BIIb 7(1)", "brussels_iib", N_("habitual residence in a Member State")),
    ("BIIb 8(1)", "brussels_iib", N_("access, for three months after a lawful move")),
    ("BIIb 9", "brussels_iib", N_("kept after a wrongful removal")),
    ("BIIb 10(1)", "brussels_iib", N_("court chosen by the parties")),
    ("BIIb 11", "brussels_iib", N_("presence (refugee, or habitual residence unknown)")),
    ("BIIb 15", "brussels_iib", N_("urgent provisional measures")),
    ("BIIa 8(1)", "brussels_iia", N_("habitual residence in a Member State")),
    ("BIIa 10", "brussels_iia", N_("kept after a wrongful removal")),
    ("BIIa 13", "brussels_iia", N_("presence (refugee, or habitual residence unknown)")),
    ("BIIa 20", "brussels_iia", N_("provisional, including protective, measures")),
)
GROUND_KEYS: tuple[str, ...] = tuple(g[0] for g in GROUNDS)
GROUND_GROUPS: dict[str, str] = {
    "hcch1996": N_("1996 Convention"),
    "brussels_iib": N_("Brussels IIb (proceedings from 1 August 2022)"),
    "brussels_iia": N_("Brussels IIa (proceedings before 1 August 2022)"),
    "other": N_("Outside the Convention"),
}

# The co-operation actions, in the order of formats.md; their titles come from rules/requests.yaml.
ACTIONS: tuple[str, ...] = (
    "art8_transfer_request", "art8_invitation_to_parties", "art9_transfer_request", "art9_invitation_to_parties",
    "art31c_locate_child", "art32_report_request", "art33_placement_consultation", "art34_information_request",
    "art35_implementation_assistance", "art35_2_access_finding", "art36_danger_notice", "art40_certificate",
    "art24_advance_recognition", "art26_enforceability",
)
MEASURE_STATUSES: dict[str, str] = {"in_force": N_("still in force"), "lapsed": N_("lapsed"), "ended": N_("ended")}

QUESTION_TEXT: dict[str, str] = {
    "scope": N_("Does the Convention apply to this child and this measure?"),
    "jurisdiction": N_("Which States' authorities may act now, and under which Article?"),
    "law": N_("Which State's law applies to the measure?"),
    "pr_law": N_("Which State's law governs parental responsibility by operation of law today?"),
    "cooperation": N_("What must or may the asking authority send, and to which State?"),
    "recognition": N_("Is the measure already taken recognised in the State where it is relied on?"),
    "measures": N_("Is each measure already taken still in force?"),
}


def involved_states(case: Case) -> list[str]:
    """Every State the case mentions, in the order a reader meets them (the trainee's choices)."""
    found: list[str | None] = [case.forum, *(r.state for r in case.habitual_residence), case.child.present_in,
                               *case.child.nationalities, *case.child.property_in, *case.child.substantial_connection]
    if case.removal:
        found += [case.removal.from_, case.removal.to]
    found += [p.state for p in case.proceedings]
    found += [s for m in case.existing_measures for s in (m.state, *m.recognition_sought_in)]
    found += [s for t in case.transfers for s in (t.from_, t.to)]
    found += [case.measure.placement_state if case.measure else None, case.access_parent_residence,
              *case.information_held_in, case.danger.moved_to]
    out: list[str] = []
    for state in found:
        if state and state != "unknown" and state not in out:
            out.append(state)
    return out


def training_problems(scenario: Scenario, case: Case) -> list[str]:
    """Why the model answer cannot answer the scenario's trainee questions (empty: it can)."""
    if scenario.training is None:
        return []
    questions = scenario.training.questions
    problems = [f"training.questions: '{q}' is listed twice" for q in dict.fromkeys(questions) if questions.count(q) > 1]
    states = involved_states(case)
    checks = {"scope": _scope, "jurisdiction": _jurisdiction, "law": _law, "pr_law": _pr_law,
              "cooperation": _cooperation, "recognition": _recognition, "measures": _measures}
    for question in dict.fromkeys(questions):
        problems += [f"training ({question} question): {p}" for p in checks[question](scenario, case, states)]
    if "Art." not in scenario.explanation and PLACEHOLDER not in scenario.explanation:
        problems.append("explanation: cite the Articles the answer rests on (e.g. 'Art. 5(1)')")
    return problems


def _not_in_case(state: str, states: list[str]) -> list[str]:
    if state in states:
        return []
    return [f"{state} does not appear in the case, so the trainee cannot choose it (States in the case: {', '.join(states)})"]


def _scope(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    if scenario.expected.scope_applies is None:
        return ["write the model answer expected.scope_applies: true or false"]
    return []


def _jurisdiction(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    seats = scenario.expected.competent
    if seats is None:
        return ["write the model answer expected.competent: every State that may act, with its Article ([] if none)"]
    problems = []
    for seat in seats:
        if seat.article not in GROUND_KEYS:
            problems.append(f"Article '{seat.article}' of {seat.state} is not among the grounds a trainee can choose "
                            f"({', '.join(GROUND_KEYS)})")
        problems += _not_in_case(seat.state, states)
    return problems


def _law(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    if case.measure is None:
        return ["the case has no measure (case.measure), so no law of the measure to ask about"]
    if scenario.expected.law_of_measures is None:
        return ["write the model answer expected.law_of_measures: the State whose law applies to the measure"]
    return _not_in_case(scenario.expected.law_of_measures, states)


def _pr_law(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    if scenario.expected.pr_law is None:
        return ["write the model answer expected.pr_law: the State whose law governs parental responsibility"]
    return _not_in_case(scenario.expected.pr_law, states)


def _cooperation(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    if case.forum is None:
        return ["set case.forum: the trainee answers what that State's authorities must or may send"]
    problems = []
    for i, action in enumerate(scenario.expected.actions):
        where = f"expected.actions[{i}]"
        if action.action not in ACTIONS:
            problems.append(f"{where}: '{action.action}' is not a co-operation action ({', '.join(ACTIONS)})")
        if action.to is None:
            problems.append(f"{where}: give `to`, the State the {action.action} goes to")
        else:
            problems += [f"{where}: {p}" for p in _not_in_case(action.to, states)]
        if action.from_ not in (None, case.forum):
            problems.append(f"{where}: `from` is {action.from_}, but the trainee answers for the forum {case.forum}")
    return problems


def _recognition(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    wanted = scenario.expected.recognition
    if not wanted:
        return ["write the model answer expected.recognition: [{measure: 0, in: XX, recognised: true or false}]"]
    problems = [] if any(r.recognised is not None for r in wanted) else [
        "give recognised: true or false on at least one expected.recognition entry (only those are asked)"]
    for i, r in enumerate(wanted):
        if r.measure >= len(case.existing_measures):
            problems.append(f"expected.recognition[{i}]: the case has no existing_measures[{r.measure}]")
    return problems


def _measures(scenario: Scenario, case: Case, states: list[str]) -> list[str]:
    wanted = scenario.expected.existing_measures
    if not wanted:
        return ["write the model answer expected.existing_measures: [{measure: 0, status: in_force, lapsed or ended}]"]
    problems = []
    for i, m in enumerate(wanted):
        if m.measure >= len(case.existing_measures):
            problems.append(f"expected.existing_measures[{i}]: the case has no existing_measures[{m.measure}]")
        if m.status not in MEASURE_STATUSES:
            problems.append(f"expected.existing_measures[{i}]: status '{m.status}' cannot be asked (in_force, lapsed, ended)")
    return problems


TOPIC_LABELS: dict[str, str] = {
    "scope": N_("Scope"), "habitual_residence": N_("Habitual residence"), "abduction": N_("Abduction"),
    "transfer": N_("Transfer of jurisdiction"), "urgency": N_("Urgency"), "divorce_forum": N_("Divorce forum"),
    "applicable_law": N_("Applicable law"), "recognition": N_("Recognition"), "placement_abroad": N_("Placement abroad"),
    "cooperation": N_("Co-operation"), "brussels_iib": N_("Brussels IIb"),
}
LEVEL_LABELS: dict[str, str] = {"basic": N_("Basic"), "intermediate": N_("Intermediate"), "advanced": N_("Advanced")}
QUESTION_LABELS: dict[str, str] = {
    "scope": N_("scope"), "jurisdiction": N_("who may act"), "law": N_("law of the measure"),
    "pr_law": N_("law of parental responsibility"), "cooperation": N_("what to send"), "recognition": N_("recognition"),
    "measures": N_("measures in force"),
}
