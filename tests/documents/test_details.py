"""Correspondence details (hague-details/1): validated with field paths; personal data stays out of the case."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_cases import DETAILS

from hague.documents.details import EXTRA_FIELDS, DetailsError, parse_details
from hague.documents.kinds import KINDS


def test_the_example_details_are_valid_for_every_document() -> None:
    for document in KINDS:
        details = parse_details(DETAILS, document)
        assert details.reply_by == dt.date(2026, 4, 15) and details.persons[0].name == "Anna Kowalska"


def test_every_document_declares_its_extra_fields() -> None:
    assert set(EXTRA_FIELDS) == set(KINDS)


def test_errors_name_the_field_path() -> None:
    with pytest.raises(DetailsError) as caught:
        parse_details({"sender": {"authorty": "x"}, "persons": [{"role": "mother"}], "reply_by": "soon", "language": "Norsk"})
    paths = {e.path for e in caught.value.errors}
    assert {"sender.authorty", "persons[0].name", "reply_by", "language"} <= paths


def test_format_is_checked() -> None:
    with pytest.raises(DetailsError) as caught:
        parse_details({"format": "hague-details/2"})
    assert caught.value.errors[0].path == "format"


def test_numbers_and_dates_given_for_text_are_kept_as_text() -> None:
    details = parse_details({"our_reference": 20260042, "extra": {"duration": ["one year", "then review"]}},
                            "art33_placement_consultation")
    assert details.our_reference == "20260042" and details.text("duration") == "one year\nthen review"


def test_not_a_mapping() -> None:
    with pytest.raises(DetailsError):
        parse_details(["a", "list"])
