"""Every scenario in scenarios/ through the engine: each file is one test, named by its file."""

from pathlib import Path

import pytest

from hague.scenarios import check_file, load_scenario, scenario_files

SCENARIOS = scenario_files([Path(__file__).resolve().parent.parent / "scenarios"])


def test_there_are_enough_scenarios():
    assert len(SCENARIOS) >= 40


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path, book):
    outcome = check_file(path, book)
    assert outcome.passed, f"{path.name} ({outcome.scenario_id}):\n  " + "\n  ".join(outcome.problems)


def test_scenario_with_norway_unquoted_reads_norway(tmp_path, book):
    src = next(p for p in SCENARIOS if "NO" in p.read_text())
    scenario = load_scenario(src)
    assert "NO" in str(scenario.case)
