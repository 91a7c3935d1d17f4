import json
import shutil

import pytest
from click.testing import CliRunner

from hague.cli import main
from hague.engine.findings import Assessment

E2 = "examples/e2-abduction-timely-return-request.yaml"


@pytest.fixture
def cli(root, monkeypatch):
    monkeypatch.chdir(root)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def test_assess_prints_the_answer_first(cli):
    result = cli("assess", E2)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    answer = lines.index("WHO MAY ACT")
    assert "Norway [NO]: MAY ACT under Art. 7" in lines[answer + 1]
    assert lines.index("REASONS") > answer and "TRACE" in lines


def test_assess_json_is_an_assessment(cli):
    result = cli("assess", E2, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["format"] == "hague-assessment/1"
    assessment = Assessment.model_validate(data)
    assert [(f.state, f.article) for f in assessment.jurisdiction] == [("NO", "7")]


def test_as_of_moves_the_date(cli):
    data = json.loads(cli("assess", E2, "--json", "--as-of", "2026-10-30").output)
    assert data["as_of"] == "2026-10-30"


def write(tmp_path, text, name="case.yaml"):
    path = tmp_path / name
    path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
    return str(path)


CASE = """format: hague-case/1
as_of: 2026-03-01
forum: {forum}
child: {{birth_date: {birth}}}
habitual_residence: [{{state: NO, from: {hr_from}}}]
"""


@pytest.mark.parametrize(("fields", "expect"), [
    ({"forum": "Norwy", "birth": "2015-04-02", "hr_from": "2015-04-02"}, "forum: not an ISO 3166-1"),
    ({"forum": "NO", "birth": "2015-04-02", "hr_from": "2014-01-01"}, "habitual_residence[0].from: is before the birth date"),
    ({"forum": "NO", "birth": "null", "hr_from": "2015-04-02"}, "child: give birth_date"),
])
def test_invalid_case_exits_2_with_field_error(cli, tmp_path, fields, expect):
    result = cli("assess", write(tmp_path, CASE.format(**fields)))
    assert result.exit_code == 2
    assert expect in result.output
    assert "Traceback" not in result.output


def test_not_yaml_exits_2(cli, tmp_path):
    result = cli("assess", write(tmp_path, "a: [unclosed\n  b: {"))
    assert result.exit_code == 2 and "not valid YAML" in result.output


def test_binary_file_exits_2(cli, tmp_path):
    result = cli("assess", write(tmp_path, b"\xff\xfe\x00\x01", "case.bin"))
    assert result.exit_code == 2 and "not a text file" in result.output


def test_missing_file_exits_2(cli, tmp_path):
    result = cli("assess", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "cannot be read" in result.output


def test_unknown_measure_type_suggests(cli, tmp_path):
    text = CASE.format(forum="NO", birth="2015-04-02", hr_from="2015-04-02") + "measure: {type: foster_placment}\n"
    result = cli("assess", write(tmp_path, text))
    assert result.exit_code == 2 and "did you mean foster_placement" in result.output


def test_rules_check_ok(cli):
    result = cli("rules", "check")
    assert result.exit_code == 0 and result.output.startswith("rules OK")


def test_rules_check_names_file_and_path(cli, root, tmp_path):
    broken = tmp_path / "rules"
    shutil.copytree(root / "rules", broken)
    text = (broken / "measures.yaml").read_text().replace("group: placement", "group: placment", 1)
    (broken / "measures.yaml").write_text(text)
    result = cli("rules", "check", "--dir", str(broken))
    assert result.exit_code == 1
    assert "rules/measures.yaml: measures." in result.output and "group" in result.output


def test_states_on_a_date(cli):
    data = json.loads(cli("states", "--as-of", "2016-06-30", "--json").output)
    codes = {s["code"] for s in data["states"]}
    assert "FI" in codes and "NO" not in codes  # Norway: in force from 2016-07-01
    data = json.loads(cli("states", "--as-of", "2016-07-01", "--json").output)
    assert "NO" in {s["code"] for s in data["states"]}


def test_states_flags_unconfirmed(cli):
    result = cli("states", "--as-of", "2026-01-01")
    assert "BZ" in result.output and "NOT CONFIRMED" in result.output


def test_serve_refuses_a_port_already_in_use(tmp_path, monkeypatch):
    import socket

    from click.testing import CliRunner

    from hague.cli import main

    monkeypatch.setenv("HAGUE_INSTANCE", str(tmp_path / "instance"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"Port {port} is in use" in result.output
