"""Property tests: for any valid case, assess returns, and every finding carries citations and reasons."""

import datetime as dt
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hague.case import CaseError
from hague.engine import assess
from hague.intake import read_case
from hague.rulebook import default_rulebook

BOOK = default_rulebook()
STATES = ["NO", "PL", "SE", "FI", "DK", "DE", "CH", "GB", "GB-SCT", "US", "AE", "BZ", "IT", "AL", "SV", "ES", "MD"]
MEASURES = sorted(BOOK.measures)
tri = st.sampled_from([True, False, None])
day = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2026, 10, 1))


@st.composite
def cases(draw):
    birth = draw(st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2024, 1, 1)))
    as_of = draw(st.dates(min_value=birth + dt.timedelta(days=30), max_value=dt.date(2026, 11, 1)))
    n = draw(st.integers(1, 3))
    starts = sorted(draw(st.sets(st.dates(min_value=birth, max_value=as_of), min_size=n, max_size=n)))
    starts[0] = birth
    starts = sorted(set(starts))
    history = [{"state": draw(st.sampled_from([*STATES, "unknown"])), "from": d.isoformat()} for d in starts]
    data = {
        "as_of": as_of.isoformat(),
        "child": {"birth_date": birth.isoformat(),
                  "nationalities": draw(st.lists(st.sampled_from(STATES), max_size=2, unique=True)),
                  "present_in": draw(st.sampled_from([*STATES, "unknown", None])),
                  "refugee_or_displaced": draw(tri),
                  "property_in": draw(st.lists(st.sampled_from(STATES), max_size=2, unique=True)),
                  "substantial_connection": draw(st.lists(st.sampled_from(STATES), max_size=2, unique=True))},
        "habitual_residence": history,
    }
    if draw(st.booleans()):
        data["forum"] = draw(st.sampled_from(STATES))
    if draw(st.booleans()):
        data["measure"] = {"type": draw(st.sampled_from(MEASURES)), "urgent": draw(tri),
                           "provisional_territorial": draw(st.booleans()),
                           "date": draw(st.dates(min_value=birth, max_value=as_of + dt.timedelta(days=400))).isoformat()}
    if len(history) > 1 and draw(st.booleans()):
        moved = dt.date.fromisoformat(history[1]["from"]) + dt.timedelta(days=draw(st.integers(0, 20)))
        origin = history[0]["state"]
        to = draw(st.sampled_from([s for s in STATES if s != origin]))
        assume(origin != "unknown" and moved <= as_of)
        data["removal"] = {"kind": "removal", "date": moved.isoformat(), "from": origin, "to": to,
                           "breach_of_custody": draw(tri), "custody_exercised": draw(tri), "consented": draw(tri),
                           "acquiesced": draw(tri), "child_settled": draw(tri),
                           "whereabouts_known": draw(st.sampled_from([None, moved.isoformat(), as_of.isoformat()]))}
    data["art37_no_risk"] = draw(tri)
    data["danger"] = {"serious": draw(st.booleans()), "moved_to": draw(st.sampled_from([None, *STATES]))}
    data["information_held_in"] = draw(st.lists(st.sampled_from(STATES), max_size=2, unique=True))
    data["access_parent_residence"] = draw(st.sampled_from([None, *STATES]))
    if "measure" in data and draw(st.booleans()):
        data["measure"]["placement_state"] = draw(st.sampled_from(STATES))
        data["measure"]["art33_consent"] = draw(tri)
    data["existing_measures"] = [
        {"state": draw(st.sampled_from(STATES)), "type": draw(st.sampled_from(MEASURES)),
         "date": draw(st.dates(min_value=birth, max_value=as_of)).isoformat(),
         "article": draw(st.sampled_from(["5(1)", "5(2)", "6(2)", "7", "10", "11", "12", "national"])),
         "urgent": draw(tri), "child_heard": draw(tri),
         "persons_not_heard": draw(st.lists(st.sampled_from(["mother", "father"]), max_size=1)),
         "art33_consulted": draw(tri), "art33_consent": draw(tri), "enforceable_in_origin": draw(tri),
         "recognition_sought_in": draw(st.lists(st.sampled_from(STATES), max_size=2, unique=True))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    data["parental_responsibility_acts"] = [
        {"kind": draw(st.sampled_from(["agreement", "unilateral_act"])),
         "effective": draw(st.dates(min_value=birth, max_value=as_of)).isoformat()}
        for _ in range(draw(st.integers(0, 1)))
    ]
    data["proceedings"] = [
        {"state": draw(st.sampled_from(STATES)), "kind": kind, "commenced": draw(st.dates(min_value=birth, max_value=as_of)).isoformat(),
         "measures": draw(st.lists(st.sampled_from(MEASURES[:6]), max_size=2)),
         "status": draw(st.sampled_from(["pending", "decided", "declined", "ended"]))}
        for kind in draw(st.lists(st.sampled_from(["protection", "return"]), max_size=2))
    ]
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(cases())
def test_assess_never_fails_and_explains_every_finding(data):
    try:
        case = read_case(data, BOOK)
    except CaseError:
        assume(False)
    result = assess(case, BOOK)
    for f in result.jurisdiction:
        assert f.citations and f.reasons, f
        assert all(BOOK.article(c) for c in f.citations), f.citations
    for n in result.not_competent:
        assert n.citations and n.reasons, n
    for m in result.missing:
        assert m.question and m.why
    assert all(BOOK.article(c) for fl in result.flags for c in fl.citations)
    for action in result.cooperation:
        assert action.reasons and action.citations and action.action in BOOK.requests
        assert all(BOOK.article(c) for c in action.citations), action.citations
        if BOOK.requests[action.action].art37_gate:  # Art. 37 gates every request and transmission between authorities
            assert action.ready == (case.art37_no_risk is True), action
            assert "Art. 37" in action.citations
        if action.action != "art36_danger_notice":
            assert action.to.split("-")[0] in BOOK.states or action.addressee == "parties"
    for rec in result.recognition:
        assert rec.reasons and rec.citations and all(BOOK.article(c) for c in rec.citations)
        if rec.recognised is not True:
            assert not rec.routes
    law = result.applicable_law
    if law is not None:
        for part in (law.parental_responsibility, law.exercise, *law.acts):
            assert part.reasons and part.citations
        for m in law.by_state:
            assert m.law_of == m.state and m.state not in m.options
    assert json.loads(json.dumps(result.to_json())) == result.to_json()
    assert assess(case, BOOK) == result  # pure: same input, same output
