"""The six worked examples of convention.md section 10, as shipped in examples/."""

from pathlib import Path

import pytest

from hague.engine import assess
from hague.intake import read_case_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(book, name):
    return assess(read_case_file(EXAMPLES / name, book), book)


def seats(a, status="competent"):
    return {(f.state, f.article) for f in a.jurisdiction if f.status == status}


def test_e1_new_residence_must_abstain_old_loses(book):
    a = run(book, "e1-lawful-move-mid-proceedings.yaml")
    assert seats(a) == set()
    assert seats(a, "must_abstain") == {("CH", "5(2)")}
    assert "NO" in {n.state for n in a.not_competent}
    assert [e.status for e in a.existing_measures] == ["in_force"]
    assert "Art. 15(3)" in a.existing_measures[0].citations
    assert any("Art. 13" in f.citations for f in a.flags)


def test_e2_origin_keeps_refuge_only_urgent(book):
    a = run(book, "e2-abduction-timely-return-request.yaml")
    assert seats(a) == {("NO", "7")}
    es = next(n for n in a.not_competent if n.state == "ES")
    assert "Art. 7(3)" in es.citations
    assert any("1980 Art. 16" in f.citations for f in a.flags)
    assert {m.fact for m in a.missing} == {"art37_no_risk"}  # the jurisdiction facts are complete


def test_e3_origin_keeps_with_interpretation_flag(book):
    a = run(book, "e3-abduction-to-non-contracting-state.yaml")
    assert seats(a) == {("NO", "7")}
    assert any(f.kind == "interpretation" and "Art. 7(1)" in f.citations for f in a.flags)


def test_e4_placement_state_is_not_competent(book):
    a = run(book, "e4-foster-placement-abroad.yaml")
    assert seats(a) == {("NO", "5(1)")}
    pl = next(n for n in a.not_competent if n.state == "PL")
    assert "Art. 33" in pl.citations


def test_e5_new_residence_competent_without_measure(book):
    a = run(book, "e5-unmarried-father-move.yaml")
    assert seats(a) == {("NO", "5(2)")}
    assert a.scope.measure is None


def test_e6_urgency_in_state_of_presence(book):
    a = run(book, "e6-urgency-non-contracting-residence.yaml")
    assert ("NO", "11") in seats(a)
    no = next(f for f in a.jurisdiction if f.state == "NO")
    assert "Art. 11(3)" in no.citations
    assert "State by State" in (no.ends_when or "")


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_citation_resolves_to_articles_yaml(book, name):
    a = run(book, name)
    cites = [c for f in a.jurisdiction for c in f.citations] + [c for n in a.not_competent for c in n.citations]
    cites += [c for f in a.flags for c in f.citations] + [c for t in a.trace for c in t.citations] + a.scope.citations
    cites += [c for o in a.transfer_options for c in o.citations] + [c for e in a.existing_measures for c in e.citations]
    unresolved = sorted({c for c in cites if book.article(c) is None})
    assert unresolved == []
