"""`hague scenarios new` (a skeleton that fails the check until filled in) and `hague scenarios check`
(per scenario, the engine's departures apart from the file's problems; last line N passed, M failed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from hague.cli import main
from hague.scenarios import check_file, load_scenario

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def test_new_writes_a_skeleton_that_loads_and_fails_the_check_with_clear_messages(tmp_path, book):
    result = run("scenarios", "new", "aunt-in-gdansk", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "aunt-in-gdansk.yaml"
    text = path.read_text()
    assert text.startswith("# A hague scenario") and "hague scenarios check" in text
    assert load_scenario(path).id == "aunt-in-gdansk"
    outcome = check_file(path, book)
    assert not outcome.passed and not outcome.differences
    joined = "\n".join(outcome.problems)
    for part in ("title: still the placeholder", "story: still the placeholder", "explanation: still the placeholder",
                 "articles: still the placeholder", "topics: 'TODO' is not a topic", "case: as_of"):
        assert part in joined
    checked = run("scenarios", "check", str(path))
    assert checked.exit_code == 1
    assert "in the scenario file:" in checked.output and checked.output.rstrip().endswith("0 passed, 1 failed")


def test_new_refuses_to_overwrite_and_refuses_bad_ids(tmp_path):
    assert run("scenarios", "new", "Bad_ID", "--dir", str(tmp_path)).exit_code == 1  # upper case, underscore
    assert run("scenarios", "new", "first-one", "--dir", str(tmp_path)).exit_code == 0
    (tmp_path / "first-one.yaml").write_text("kept")
    again = run("scenarios", "new", "first-one", "--dir", str(tmp_path))
    assert again.exit_code == 1 and "already exists" in again.output
    assert (tmp_path / "first-one.yaml").read_text() == "kept"
    bad = run("scenarios", "new", "../escape", "--dir", str(tmp_path))
    assert bad.exit_code == 1 and "not a usable scenario id" in bad.output
    assert not (tmp_path.parent / "escape.yaml").exists()


def test_new_from_case_keeps_the_case_and_asks_for_the_model_answer(tmp_path, book):
    example = str(ROOT / "examples" / "e4-foster-placement-abroad.yaml")
    result = run("scenarios", "new", "from-e4", "--dir", str(tmp_path), "--from-case", example)
    assert result.exit_code == 0, result.output
    scenario = load_scenario(tmp_path / "from-e4.yaml")
    assert scenario.case["forum"] == "NO" and scenario.case["measure"]["placement_state"] == "PL"
    problems = check_file(tmp_path / "from-e4.yaml", book).problems
    assert any("jurisdiction question" in p and "expected.competent" in p for p in problems)
    assert any("law question" in p and "expected.law_of_measures" in p for p in problems)


def test_new_from_an_invalid_case_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: hague-case/1\nchild: {birth_date: 2015-13-40}\n")
    result = run("scenarios", "new", "from-bad", "--dir", str(tmp_path), "--from-case", str(bad))
    assert result.exit_code == 2 and not (tmp_path / "from-bad.yaml").exists()


def test_a_filled_in_skeleton_passes(tmp_path, book):
    run("scenarios", "new", "filled-in", "--dir", str(tmp_path), "--from-case", str(ROOT / "examples" / "e4-foster-placement-abroad.yaml"))
    path = tmp_path / "filled-in.yaml"
    text = path.read_text()
    text = text.replace('title: "TODO: what the case teaches, in one line"', "title: A placement with an aunt in Poland")
    text = text.replace("story: >\n  TODO", "story: >\n  Barnevern plans to place Ola with his aunt in Poland.")
    text = text.replace("topics: [TODO]", "topics: [placement_abroad]").replace('articles: ["TODO"]', 'articles: ["5(1)", "15(1)"]')
    text = text.replace("expected: {}", 'expected:\n  competent: [{state: NO, article: "5(1)"}]\n  law_of_measures: NO')
    text = text.replace("explanation: >\n  TODO", "explanation: >\n  Norway is competent (Art. 5(1)) and applies its law (Art. 15(1)).")
    path.write_text(text)
    outcome = check_file(path, book)
    assert outcome.passed, outcome.problems


def test_check_reports_the_engines_departure_per_scenario(tmp_path):
    shutil.copy(ROOT / "scenarios" / "tr-art7-abduction-three-months-ago.yaml", tmp_path)
    wrong = tmp_path / "tr-art7-abduction-three-months-ago.yaml"
    wrong.write_text(wrong.read_text().replace('competent: [{state: NO, article: "7"}]', 'competent: [{state: SE, article: "5(1)"}]'))
    shutil.copy(ROOT / "scenarios" / "e4-foster-placement-abroad.yaml", tmp_path)
    result = run("scenarios", "check", str(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "1 passed, 1 failed"
    assert any(line.startswith("ok    ") and "e4-foster" in line for line in lines)
    assert any(line.startswith("FAIL  ") and "tr-art7-abduction" in line and "[training]" in line for line in lines)
    assert "the engine and the model answer differ" in result.output
    assert "competent: expected [('SE', '5(1)')], engine says [('NO', '7')]" in result.output


def test_check_quiet_and_training_only(tmp_path):
    for name in ("tr-art7-abduction-three-months-ago", "excluded-filiation"):
        shutil.copy(ROOT / "scenarios" / f"{name}.yaml", tmp_path)
    quiet = run("scenarios", "check", "-q", "--training", str(tmp_path))
    assert quiet.exit_code == 0 and quiet.output.strip() == "1 passed, 0 failed"
