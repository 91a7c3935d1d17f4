"""Co-operation: the Art. 37 gate, Art. 33 blocking, Art. 36 to a non-Contracting State, Art. 54 languages."""

import copy

from hague.engine import assess
from hague.intake import read_case

BASE = {
    "as_of": "2026-03-01", "forum": "NO",
    "child": {"birth_date": "2013-08-21", "nationalities": ["NO"], "present_in": "NO"},
    "habitual_residence": [{"state": "NO", "from": "2013-08-21"}],
    "measure": {"type": "foster_placement", "placement_state": "PL"},
}


def actions(book, **changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    result = assess(read_case(data, book), book)
    return {a.action: a for a in result.cooperation}, result


def test_art33_is_mandatory_and_blocks_the_decision_until_consent(book):
    acts, _ = actions(book, art37_no_risk=True)
    a = acts["art33_placement_consultation"]
    assert a.mandatory and a.ready and a.to == "PL" and a.addressee in ("central_authority", "designated_authority")
    assert a.blocks_decision and "consented" in a.blocks_decision
    consented, _ = actions(book, art37_no_risk=True, measure={**BASE["measure"], "art33_consent": True})
    assert consented["art33_placement_consultation"].blocks_decision is None
    refused, _ = actions(book, art37_no_risk=True, measure={**BASE["measure"], "art33_consent": False})
    assert "refused" in (refused["art33_placement_consultation"].blocks_decision or "")


def gated(book, acts):
    return {k: a for k, a in acts.items() if book.requests[k].art37_gate}


def test_nothing_is_ready_before_the_art37_assessment(book):
    acts, result = actions(book)
    assert gated(book, acts) and not any(a.ready for a in gated(book, acts).values())
    assert all(any("Art. 37" in b for b in a.blocked_by) for a in gated(book, acts).values())
    assert "art37_no_risk" in {m.fact for m in result.missing}


def test_a_certificate_for_the_holder_is_not_a_chapter_v_transmission(book):
    acts, _ = actions(book, art37_no_risk=False)
    certificate = acts["art40_certificate"]
    assert certificate.ready and "Chapter V" in certificate.notes[0]


def test_art37_risk_blocks_everything_even_the_danger_notice(book):
    acts, _result = actions(book, art37_no_risk=False, danger={"serious": True, "moved_to": "AE"})
    assert acts["art36_danger_notice"].mandatory and not acts["art36_danger_notice"].ready
    assert all("endanger" in a.blocked_by[0] for a in gated(book, acts).values())


def test_danger_notice_goes_to_a_non_contracting_state(book):
    acts, _ = actions(book, art37_no_risk=True, danger={"serious": True, "moved_to": "AE"})
    a = acts["art36_danger_notice"]
    assert a.to == "AE" and a.mandatory and a.ready


def test_no_art33_for_placement_in_a_non_contracting_state(book):
    acts, result = actions(book, art37_no_risk=True, measure={"type": "foster_placement", "placement_state": "US"})
    assert "art33_placement_consultation" not in acts
    assert any("Art. 33" in f.citations for f in result.flags)


def test_language_plan_respects_an_objection_to_french(book):
    acts, _ = actions(book, art37_no_risk=True, measure={"type": "foster_placement", "placement_state": "SE"})
    plan = acts["art33_placement_consultation"].language
    assert plan is not None and plan.translate_to[0] == "sv" and plan.fallback == ["en"] and plan.objected == ["fr"]


def test_information_request_to_a_34_2_state_goes_through_its_central_authority(book):
    acts, _ = actions(book, art37_no_risk=True, information_held_in=["AL"])
    assert acts["art34_information_request"].addressee == "central_authority"


def _urgent_placement(hr: str, present: str) -> dict:
    return {"as_of": "2026-05-01", "forum": "NO",
            "child": {"birth_date": "2016-01-01", "nationalities": ["NO"], "present_in": present},
            "habitual_residence": [{"state": hr, "from": "2016-01-01"}],
            "measure": {"type": "foster_placement", "date": "2026-05-01", "urgent": True, "placement_state": "SE"}}


def test_art11_doubt_on_art33_is_flagged_only_when_urgency_is_the_sole_ground(book):
    doubt = "whether an urgent placement abroad under Art. 11 needs the consultation is not settled"
    general = assess(read_case(_urgent_placement("NO", "NO"), book), book)
    assert not any(doubt in f.text for f in general.flags)
    assert next(a for a in general.cooperation if a.action == "art33_placement_consultation").mandatory is True
    only_urgent = assess(read_case(_urgent_placement("PL", "NO"), book), book)
    assert any(doubt in f.text for f in only_urgent.flags)
