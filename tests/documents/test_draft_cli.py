"""`hague draft`: a PDF on success; exit 2 and a clear message for every input problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from doc_cases import CASES, DETAILS

from hague.documents.cli import draft_cmd


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "case.json").write_text(json.dumps(CASES["art33_placement_consultation"][0]))
    (tmp_path / "details.json").write_text(json.dumps(DETAILS))
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(draft_cmd, list(args))


def test_draft_writes_the_pdf(files: Path) -> None:
    out = files / "out.pdf"
    result = run("art33_placement_consultation", str(files / "case.json"), "-o", str(out), "--details",
                 str(files / "details.json"), "--lang", "nb", "--bilingual", "--pdfa")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_a_yaml_case_with_an_unquoted_NO_works(tmp_path: Path, root: Path) -> None:
    out = tmp_path / "e4.pdf"
    result = run("art33_placement_consultation", str(root / "examples" / "e4-foster-placement-abroad.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_unknown_action_lists_the_valid_ones(files: Path) -> None:
    result = run("art33_consultation", str(files / "case.json"), "-o", str(files / "x.pdf"))
    assert result.exit_code == 2
    assert "is not a document hague drafts" in result.output and "art33_placement_consultation" in result.output


def test_bad_details_name_the_field(files: Path) -> None:
    bad = files / "bad.yaml"
    bad.write_text("reply_by: next week\npersons:\n  - {role: mother}\nextra: {colour: blue}\n")
    result = run("art33_placement_consultation", str(files / "case.json"), "-o", str(files / "x.pdf"), "--details", str(bad))
    assert result.exit_code == 2
    assert "the details are not valid" in result.output
    assert "reply_by" in result.output and "persons[0].name" in result.output


def test_unknown_extra_field_names_the_allowed_ones(files: Path) -> None:
    bad = files / "bad.yaml"
    bad.write_text("extra: {colour: blue}\n")
    result = run("art33_placement_consultation", str(files / "case.json"), "-o", str(files / "x.pdf"), "--details", str(bad))
    assert result.exit_code == 2
    assert "extra.colour" in result.output and "proposed_carers" in result.output


def test_unreadable_details_file(files: Path) -> None:
    bad = files / "bad.yaml"
    bad.write_text("sender: [unclosed\n")
    result = run("art33_placement_consultation", str(files / "case.json"), "-o", str(files / "x.pdf"), "--details", str(bad))
    assert result.exit_code == 2 and "not valid YAML" in result.output


def test_invalid_case(files: Path) -> None:
    bad = files / "case.yaml"
    bad.write_text("child: {birth_date: '2015-13-40'}\n")
    result = run("art33_placement_consultation", str(bad), "-o", str(files / "x.pdf"))
    assert result.exit_code == 2 and "the case is not valid" in result.output and "child.birth_date" in result.output
    bad.write_text("child: {birth_date: 2015-13-40}\n")  # PyYAML itself rejects this one
    result = run("art33_placement_consultation", str(bad), "-o", str(files / "x.pdf"))
    assert result.exit_code == 2 and "cannot be read" in result.output


def test_action_not_open(files: Path) -> None:
    result = run("art36_danger_notice", str(files / "case.json"), "-o", str(files / "x.pdf"))
    assert result.exit_code == 2
    assert "does not open art36_danger_notice" in result.output and "danger.serious" in result.output


def test_language_we_do_not_write(files: Path) -> None:
    result = run("art33_placement_consultation", str(files / "case.json"), "-o", str(files / "x.pdf"), "--lang", "nn")
    assert result.exit_code == 2 and "en, fr, nb" in result.output
