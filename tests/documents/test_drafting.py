"""draft(): only what the assessment opens, only once Art. 37 allows, in the language Art. 54 points to."""

from __future__ import annotations

import copy

import pytest
from doc_cases import CASES, DETAILS
from doc_pdf import pdf_text

from hague.documents import DetailsError, DraftError, draft, parse_details
from hague.documents.drafting import choose_language
from hague.engine.findings import LanguagePlan
from hague.intake import read_case


def case_of(book, document: str, **changes):
    data = copy.deepcopy(CASES[document][0])
    data.update(changes)
    return read_case(data, book)


def test_no_consultation_without_a_placement_abroad_and_the_error_says_what_would_open_it(book) -> None:
    case = case_of(book, "art33_placement_consultation", measure={"type": "custody"})
    with pytest.raises(DraftError) as caught:
        draft("art33_placement_consultation", case, book)
    message = str(caught.value)
    assert "does not open art33_placement_consultation" in message
    assert "measure.placement_state" in message and "foster_placement" in message
    assert "art8_transfer_request" in message  # what is open instead


def test_nothing_is_drafted_before_the_art37_assessment(book) -> None:
    case = case_of(book, "art34_information_request", art37_no_risk=None)
    with pytest.raises(DraftError, match=r"Art\. 37.*not yet recorded.*art37_no_risk: true"):
        draft("art34_information_request", case, book)


def test_nothing_is_drafted_when_art37_found_a_risk(book) -> None:
    case = case_of(book, "art36_danger_notice", art37_no_risk=False)
    with pytest.raises(DraftError, match="would endanger"):
        draft("art36_danger_notice", case, book)


def test_documents_art37_does_not_govern_are_drafted_without_that_record(book) -> None:
    case = case_of(book, "art40_certificate", art37_no_risk=None)
    text = pdf_text(draft("art40_certificate", case, book, parse_details(DETAILS, "art40_certificate")))
    assert "Ola Hansen" in text and "Før dette dokumentet ble sendt" not in text


def test_unknown_document_lists_the_valid_ones(book) -> None:
    with pytest.raises(DraftError) as caught:
        draft("art99_nonsense", case_of(book, "art40_certificate"), book)
    assert "art33_placement_consultation" in str(caught.value) and "art26_enforceability" in str(caught.value)


def test_an_action_open_towards_one_state_is_not_drafted_for_another(book) -> None:
    with pytest.raises(DraftError, match="only towards FR, not SE"):
        draft("art34_information_request", case_of(book, "art34_information_request"), book, to="SE")


def test_several_receiving_states_must_be_chosen_between(book) -> None:
    case = case_of(book, "art34_information_request", information_held_in=["FR", "DE"])
    with pytest.raises(DraftError, match="several States"):
        draft("art34_information_request", case, book)
    assert draft("art34_information_request", case, book, to="DE").startswith(b"%PDF")


def test_unknown_extra_fields_are_refused_with_their_path(book) -> None:
    with pytest.raises(DetailsError) as caught:
        draft("art34_information_request", case_of(book, "art34_information_request"), book,
              parse_details({"extra": {"proposed_carers": "x"}}))
    assert caught.value.errors[0].path == "extra.proposed_carers" and "purpose" in caught.value.errors[0].message


def test_only_en_fr_and_nb_are_written(book) -> None:
    with pytest.raises(DraftError, match="en, fr, nb"):
        draft("art34_information_request", case_of(book, "art34_information_request"), book, lang="pl")


def plan(translate_to: list[str], fallback: list[str], objected: list[str] | None = None) -> LanguagePlan:
    return LanguagePlan(state="XX", official=translate_to, translate_to=translate_to, fallback=fallback,
                        objected=objected or [], note="")


@pytest.mark.parametrize(("translate_to", "fallback", "expected"), [
    (["fr"], ["en", "fr"], "fr"),
    (["nb", "nn"], ["en", "fr"], "nb"),
    (["nn"], ["en", "fr"], "en"),  # never Bokmål silently for a Nynorsk-only addressee
    (["sv"], ["en"], "en"),  # Sweden objects to French
    (["lv"], ["en"], "en"),
    (["de"], ["fr"], "fr"),  # a State that objected to English
    (["pl"], [], "en"),
])
def test_language_follows_the_art54_plan(translate_to, fallback, expected) -> None:
    assert choose_language(plan(translate_to, fallback), None) == expected


def test_the_document_names_the_translation_art54_requires(render) -> None:
    text = pdf_text(render("art8_transfer_request"))  # to Poland: Polish required, English as the fallback
    assert "This document is drawn up in English" in text
    assert "translation into Polish or, where that is not feasible, into English or French" in text
    # the to-do box speaks the sender's language (Norway: Bokmål) and asks for the Polish translation
    assert "Art. 54 nr. 1: legg ved oversettelse til et offisielt språk i Polen" in text
