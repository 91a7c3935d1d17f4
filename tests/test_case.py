import copy

import pytest

from hague.case import CaseError, parse_case
from hague.yamlio import loads

BASE = {
    "format": "hague-case/1",
    "as_of": "2026-03-01",
    "forum": "NO",
    "child": {"birth_date": "2015-04-02", "nationalities": ["NO", "PL"], "present_in": "PL"},
    "habitual_residence": [{"state": "NO", "from": "2015-04-02"}, {"state": "PL", "from": "2024-08-01"}],
    "measure": {"type": "foster_placement"},
}


def with_(**changes):
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is ...:
            del target[last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return data


def errors_of(data):
    with pytest.raises(CaseError) as info:
        parse_case(data)
    return {e.path: e for e in info.value.errors}


def test_valid_case_parses_dates_and_codes():
    case = parse_case(BASE)
    assert case.forum == "NO"
    assert case.habitual_residence[1].state == "PL"
    assert case.measure_date.isoformat() == "2026-03-01"


def test_unquoted_norway_in_yaml_is_norway():
    case = parse_case(loads("as_of: 2026-03-01\nforum: NO\nchild: {birth_date: 2015-04-02}\n"
                            "habitual_residence: [{state: NO, from: 2015-04-02}]"))
    assert case.forum == "NO"


def test_misspelt_state_names_field_value_and_suggestion():
    err = errors_of(with_(forum="Norwy"))["forum"]
    assert err.value == "Norwy"
    assert "ISO 3166-1" in err.message and "did you mean NO" in err.message


def test_unknown_territorial_unit_is_refused():
    err = errors_of(with_(habitual_residence__0__state="GB-XXX"))["habitual_residence[0].state"]
    assert "ISO 3166-2" in err.message


def test_territorial_unit_is_accepted():
    assert parse_case(with_(habitual_residence__0__state="GB-SCT")).habitual_residence[0].state == "GB-SCT"


def test_residence_before_birth():
    err = errors_of(with_(habitual_residence__0__from="2014-01-01"))["habitual_residence[0].from"]
    assert err.value == "2014-01-01"
    assert "before the birth date 2015-04-02" in err.message


def test_missing_birth_date():
    errs = errors_of(with_(child__birth_date=...))
    assert "child" in errs and "birth_date" in errs["child"].message


def test_residence_history_must_be_in_order():
    errs = errors_of(with_(habitual_residence__1__from="2015-04-01"))
    assert "habitual_residence[1].from" in errs


def test_removal_needs_from_and_to():
    errs = errors_of(with_(removal={"kind": "removal", "date": "2025-01-10"}))
    assert errs["removal.from"].message == "is required"
    assert errs["removal.to"].message == "is required"


def test_removal_from_must_match_residence_before():
    errs = errors_of(with_(removal={"kind": "removal", "date": "2025-01-10", "from": "SE", "to": "NO"}))
    assert "immediately before" in errs["removal.from"].message


def test_unknown_field_is_named():
    errs = errors_of(with_(child__birthdate="2015-04-02"))
    assert "child.birthdate" in errs and "not a field" in errs["child.birthdate"].message


def test_bad_date_text():
    err = errors_of(with_(as_of="1 March 2026"))["as_of"]
    assert "YYYY-MM-DD" in err.message


def test_impossible_date():
    err = errors_of(with_(as_of="2026-02-30"))["as_of"]
    assert "calendar date" in err.message


def test_unknown_word_means_unknown():
    case = parse_case(with_(removal={"kind": "removal", "date": "2025-01-10", "from": "PL", "to": "NO",
                                     "child_settled": "unknown", "whereabouts_known": "unknown"}))
    assert case.removal is not None
    assert case.removal.child_settled is None and case.removal.whereabouts_known is None


def test_bad_boolean():
    err = errors_of(with_(child__refugee_or_displaced="maybe"))["child.refugee_or_displaced"]
    assert "true, false or unknown" in err.message


def test_art10_fields_only_on_divorce():
    errs = errors_of(with_(proceedings=[{"state": "SE", "kind": "protection", "commenced": "2025-01-01", "best_interests": True}]))
    assert "Art. 10" in errs["proceedings[0]"].message


def test_not_a_mapping():
    errs = errors_of(["a", "list"])
    assert "mapping" in errs["(case)"].message


def test_wrong_format_tag():
    assert "format" in errors_of(with_(format="hague-case/2"))


def test_errors_on_fields_named_date_keep_their_full_path() -> None:
    data = {"child": {"birth_date": "2015-01-01"}, "habitual_residence": [{"state": "NO", "from": "2015-01-01"}],
            "removal": {"kind": "removal", "date": "x", "from": "NO", "to": "PL"},
            "measure": {"type": "custody", "date": "2020-13-01"},
            "existing_measures": [{"state": "NO", "type": "custody", "date": "bad"}]}
    with pytest.raises(CaseError) as caught:
        parse_case(data)
    assert {e.path for e in caught.value.errors} == {"removal.date", "measure.date", "existing_measures[0].date"}
