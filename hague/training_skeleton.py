"""`hague scenarios new`: the commented skeleton of a scenario that a trainer fills in.

The skeleton loads as a scenario but fails `hague scenarios check` with one message per part still
to write (the placeholders, the model answer each question needs), so it cannot be published unfilled.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from hague.scenarios import LEVELS, PLACEHOLDER, QUESTIONS, TOPICS

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")

HEADER = """\
# A hague scenario (format hague-scenario/1) for training and testing.
# Fill in every {todo}, then run:   hague scenarios check {path}
# The check fails until the title, story, topics, Articles, explanation and model answer are written,
# and until the engine agrees with the model answer. Write the model answer from the Convention, not
# from the engine's output; where the two differ, decide from the law which one is wrong.
format: hague-scenario/1
id: {id}
title: "{todo}: what the case teaches, in one line"
# The story in plain language, as a caseworker would tell it. Invent every name; no real person.
story: >
  {todo}
level: basic        # {levels}
# One or more of: {topics}
topics: [{todo}]
articles: ["{todo}"]   # the Articles the case turns on, e.g. "5(1)", "7", "33"
# Leave `training` out for a test-only scenario. The trainee answers each question listed:
#   scope (does the Convention apply), jurisdiction (who may act, under which Article),
#   law (law of the measure), pr_law (law of parental responsibility), cooperation (what the
#   forum's authority must or may send, to whom), recognition (is a measure taken recognised),
#   measures (is a measure taken still in force).
training:
  questions: [jurisdiction, law]    # any of: {questions}
"""

SAMPLE_CASE = """\
# The facts (format hague-case/1, see formats.md). Replace this sample with the scenario's case.
case:
  format: hague-case/1
  as_of: {todo}          # the date the answer speaks for (YYYY-MM-DD)
  forum: NO              # the State whose authority is asking
  child:
    birth_date: 2015-04-02
    nationalities: [NO]
    present_in: NO
  habitual_residence:    # oldest first
    - {{state: NO, from: 2015-04-02}}
  measure: {{type: care_order}}
"""

FOOTER = """\
# The model answer, written from the Convention. Each question needs its part:
#   scope         scope_applies: true
#   jurisdiction  competent: [{{state: NO, article: "5(1)"}}]   (every State that may act now; [] if none)
#   law           law_of_measures: NO
#   pr_law        pr_law: NO
#   cooperation   actions: [{{action: art33_placement_consultation, to: PL, mandatory: true}}]
#   recognition   recognition: [{{measure: 0, in: SE, recognised: true}}]
#   measures      existing_measures: [{{measure: 0, status: lapsed}}]
# More the engine is held to: regime, must_abstain, ended, not_competent, missing, transfer_options,
# flags_cite, law_options, pr_timeline, no_actions (see hague/scenarios.py, class Expected).
expected: {{}}
# Why, in our own words (never the treaty's or a handbook's), citing the Articles: "Art. 5(1)".
explanation: >
  {todo}
"""


class SkeletonError(ValueError):
    """The skeleton cannot be written (bad id, file exists, unreadable case)."""


def skeleton(scenario_id: str, case_data: dict[str, Any] | None) -> str:
    """The skeleton's text; `case_data` (a hague-case/1 mapping) replaces the sample case."""
    fill = {"todo": PLACEHOLDER, "id": scenario_id, "path": f"scenarios/{scenario_id}.yaml",
            "levels": " | ".join(LEVELS), "topics": ", ".join(TOPICS), "questions": ", ".join(QUESTIONS)}
    if case_data is None:
        case = SAMPLE_CASE.format(**fill)
    else:
        body = yaml.safe_dump({"case": case_data}, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
        case = "# The facts, from the case file given (format hague-case/1).\n" + body
    return HEADER.format(**fill) + case + FOOTER.format(**fill)


def write_skeleton(scenario_id: str, directory: Path, case_data: dict[str, Any] | None) -> Path:
    """Write `directory/ID.yaml`; never overwrites an existing file."""
    if not ID_PATTERN.match(scenario_id):
        raise SkeletonError(f"'{scenario_id}' is not a usable scenario id: use lower-case letters, digits and hyphens "
                            "(it becomes the file name), e.g. art33-aunt-in-poland")
    path = directory / f"{scenario_id}.yaml"
    if path.exists():
        raise SkeletonError(f"{path} already exists: choose another id, or edit that file")
    directory.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite, even in a race
        handle.write(skeleton(scenario_id, case_data))
    return path
