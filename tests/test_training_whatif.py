"""What if: the facts offered, changing one, and what the comparison reports as changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hague.engine import assess
from hague.intake import read_case
from hague.scenarios import load_scenario
from hague.training_whatif import WhatIfError, apply_change, differences, fact_options, outline, parse_value

ROOT = Path(__file__).resolve().parent.parent


def case_of(name: str) -> dict:  # type: ignore[type-arg]
    return load_scenario(ROOT / "scenarios" / f"{name}.yaml").case


def test_fact_options_list_present_facts_with_values_then_absent_common_facts():
    options = {o.path: o.current for o in fact_options(case_of("tr-art33-barnevern-grandparents-in-germany"))}
    assert options["forum"] == "NO"
    assert options["child.nationalities"] == "[NO, DE]"
    assert options["habitual_residence[0].from"] == "2018-11-11"
    assert options["existing_measures[0].article"] == "5(1)"
    assert options["art37_no_risk"] == "true"
    assert "format" not in options
    assert options["habitual_residence[+]"] is None and options["measure.urgent"] is None
    assert "removal.child_settled" not in options  # no removal in this case


def test_parse_value_reads_yaml_like_case_files():
    assert parse_value("NO") == "NO"
    assert parse_value("2025-09-01") == dt.date(2025, 9, 1)
    assert parse_value("true") is True and parse_value("[NO, PL]") == ["NO", "PL"]
    assert parse_value("{state: SE, from: 2025-09-01}") == {"state": "SE", "from": dt.date(2025, 9, 1)}
    with pytest.raises(WhatIfError, match="Enter the new value"):
        parse_value("  ")
    with pytest.raises(WhatIfError, match="not valid YAML"):
        parse_value("[NO, PL")


def test_apply_change_copies_sets_creates_and_appends():
    original = case_of("tr-art33-barnevern-grandparents-in-germany")
    changed = apply_change(original, "measure.placement_state", "AE")
    assert changed["measure"]["placement_state"] == "AE" and original["measure"]["placement_state"] == "DE"
    assert apply_change(original, "danger.serious", True)["danger"] == {"serious": True}
    moved = apply_change(original, "habitual_residence[+]", {"state": "DE", "from": dt.date(2026, 2, 1)})
    assert [r["state"] for r in moved["habitual_residence"]] == ["NO", "DE"]
    assert apply_change(original, "habitual_residence[0].state", "SE")["habitual_residence"][0]["state"] == "SE"
    with pytest.raises(WhatIfError, match="has 1 habitual_residence entries"):
        apply_change(original, "habitual_residence[3].state", "SE")
    with pytest.raises(WhatIfError, match="not a fact path"):
        apply_change(original, "child..present_in", "SE")


def test_differences_show_what_a_change_of_fact_changes(book):
    base = case_of("tr-art33-barnevern-grandparents-in-germany")
    before = outline(assess(read_case(base, book), book))
    after = outline(assess(read_case(apply_change(base, "measure.placement_state", "AE"), book), book))
    changes = {c.aspect: c for c in differences(before, after)}
    assert set(changes) == {"actions"}
    assert changes["actions"].removed == (("art33_placement_consultation", "NO", "DE", "must"),)
    assert differences(before, before) == []


def test_differences_of_a_move_change_who_may_act(book):
    base = case_of("tr-art7-year-from-knowledge-not-removal")
    later = apply_change(base, "as_of", dt.date(2026, 4, 11))
    before = outline(assess(read_case(base, book), book))
    after = outline(assess(read_case(later, book), book))
    competent = next(c for c in differences(before, after) if c.aspect == "competent")
    assert competent.removed == (("NO", "7"),)
    assert [seat[0] for seat in competent.added] == ["ES"]
