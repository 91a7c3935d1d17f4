"""Reading the trainee's answer form: every choice checked against the choices offered, with a
message per field when something is missing or inconsistent. Scoring is not done here
(hague/training_score.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from hague.case import Case
from hague.scenarios import Scenario
from hague.training import ACTIONS, GROUND_KEYS, MEASURE_STATUSES, involved_states
from hague.training_score import Answer
from hague.web.helpers import state_name


@dataclass
class Parsed:
    answer: Answer
    errors: dict[str, str] = field(default_factory=dict)  # field id -> message
    raw: dict[str, Any] = field(default_factory=dict)  # the choices as made, to show the form again


def recognition_asked(scenario: Scenario) -> list[tuple[int, str]]:
    """(measure, State) pairs the recognition question asks about."""
    return [(r.measure, r.in_) for r in scenario.expected.recognition if r.recognised is not None]


def measures_asked(scenario: Scenario) -> list[int]:
    return [m.measure for m in scenario.expected.existing_measures]


def parse_answer(form: MultiDict[str, str], scenario: Scenario, case: Case) -> Parsed:
    """The Answer from the posted form; a skip ("do" = "skip") needs no choices."""
    if form.get("do") == "skip":
        return Parsed(Answer(skipped=True))
    assert scenario.training is not None
    states = involved_states(case)
    errors: dict[str, str] = {}
    raw: dict[str, Any] = {}
    values: dict[str, Any] = {}
    questions = scenario.training.questions
    if "scope" in questions:
        values["scope"] = _yes_no(form, "scope", "scope-yes", _("Answer yes or no: does the Convention apply?"), errors, raw)
    if "jurisdiction" in questions:
        values["seats"] = _seats(form, states, errors, raw)
    for name, message in (("law", _("Choose the State whose law applies to the measure.")),
                          ("pr_law", _("Choose the State whose law governs parental responsibility."))):
        if name in questions:
            values[name] = _state_choice(form, name, states, message, errors, raw)
    if "cooperation" in questions:
        values["actions"] = _actions(form, states, errors, raw)
    if "recognition" in questions:
        values["recognition"] = _recognition(form, scenario, errors, raw)
    if "measures" in questions:
        values["measures"] = _measures(form, scenario, errors, raw)
    return Parsed(Answer(**values), errors, raw)


def _yes_no(form: MultiDict[str, str], name: str, anchor: str, message: str, errors: dict[str, str],
            raw: dict[str, Any]) -> bool | None:
    value = form.get(name, "")
    raw[name] = value
    if value not in ("yes", "no"):
        errors[anchor] = message
        return None
    return value == "yes"


def _seats(form: MultiDict[str, str], states: list[str], errors: dict[str, str], raw: dict[str, Any]) -> dict[str, str]:
    ticked = form.getlist("seat")
    raw["seat"] = ticked
    raw["article"] = {s: form.get(f"article-{s}", "") for s in states}
    anchor = "seat-" + states[0]
    if any(s not in (*states, "none") for s in ticked):
        errors[anchor] = _("Tick only States listed for this case.")
    elif "none" in ticked and len(ticked) > 1:
        errors[anchor] = _("You ticked States and also 'no State may act now': choose one or the other.")
    elif not ticked:
        errors[anchor] = _("Tick each State whose authorities may act now, or tick 'no State may act now'.")
    seats = {}
    for state in states:
        article = raw["article"][state]
        name = state_name(state)
        if state in ticked and not article:
            errors[f"article-{state}"] = _("Choose the Article under which %(state)s may act, or untick %(state)s.", state=name)
        elif article and article not in GROUND_KEYS:
            errors[f"article-{state}"] = _("Choose one of the Articles listed.")
        elif article and state not in ticked:
            errors[f"article-{state}"] = _("You chose an Article for %(state)s but did not tick it: tick %(state)s if its "
                                           "authorities may act, or set the Article back to the first choice.", state=name)
        elif state in ticked:
            seats[state] = article
    return seats


def _state_choice(form: MultiDict[str, str], name: str, states: list[str], message: str, errors: dict[str, str],
                  raw: dict[str, Any]) -> str | None:
    value = form.get(name, "")
    raw[name] = value
    if not value:
        errors[name] = message
        return None
    if value not in states:
        errors[name] = _("Choose one of the States listed.")
        return None
    return value


def _actions(form: MultiDict[str, str], states: list[str], errors: dict[str, str], raw: dict[str, Any]) -> frozenset[tuple[str, str]]:
    chosen = form.getlist("send")
    raw["send"] = chosen
    pairs = set()
    for value in chosen:
        action, _sep, state = value.partition(":")
        if action in ACTIONS and state in states:
            pairs.add((action, state))
        elif value != "none":
            errors["send-none"] = _("Tick only the requests and States listed.")
    if "none" in chosen and pairs:
        errors["send-none"] = _("You ticked requests and also 'nothing is to be sent': choose one or the other.")
    elif not chosen:
        errors["send-none"] = _("Tick each request or notice to send, or tick 'nothing is to be sent'.")
    return frozenset(pairs)


def _recognition(form: MultiDict[str, str], scenario: Scenario, errors: dict[str, str], raw: dict[str, Any]) -> dict[str, bool]:
    out = {}
    for measure, state in recognition_asked(scenario):
        name = f"rec-{measure}-{state}"
        value = form.get(name, "")
        raw[name] = value
        if value in ("yes", "no"):
            out[f"{measure}:{state}"] = value == "yes"
        else:
            errors[f"{name}-yes"] = _("Answer yes or no: is the measure recognised in %(state)s?", state=state_name(state))
    return out


def _measures(form: MultiDict[str, str], scenario: Scenario, errors: dict[str, str], raw: dict[str, Any]) -> dict[str, str]:
    out = {}
    for measure in measures_asked(scenario):
        name = f"measure-{measure}"
        value = form.get(name, "")
        raw[name] = value
        if value in MEASURE_STATUSES:
            out[str(measure)] = value
        else:
            errors[f"{name}-in_force"] = _("Choose whether this measure is still in force, has lapsed or has ended.")
    return out
