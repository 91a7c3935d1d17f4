"""Every document renders from a real case in every language, and carries what a Central Authority needs."""

from __future__ import annotations

import io

import pypdf
import pytest
from doc_cases import CASES
from doc_pdf import pdf_text

from hague.documents import KINDS
from hague.documents.i18n import SUPPORTED, Lang
from hague.rulebook import Rulebook

PARTIES = {"art8_invitation_to_parties", "art9_invitation_to_parties", "art40_certificate"}


def test_every_document_has_a_case() -> None:
    assert set(CASES) == set(KINDS)


@pytest.mark.parametrize("lang", SUPPORTED)
@pytest.mark.parametrize("document", sorted(KINDS))
def test_document_renders_with_its_particulars(render, book: Rulebook, document: str, lang: str) -> None:
    _case, to, default = CASES[document]
    pdf = render(document, None if lang == default else lang)  # the default language is chosen, not forced
    text = pdf_text(pdf)
    words = Lang(lang)
    article = book.requests[KINDS[document].action].article.split("(")[0]
    assert "Ola Hansen" in text
    assert f"Art. {article}" in text
    assert "BV-2026-0042" in text and "CA-77/2026" in text
    if document in PARTIES:
        assert "Anna Kowalska" in text
    else:
        assert words.state(to) in text
    assert words.language(lang) in text, f"the document should say it is in {words.language(lang)}"
    assert words._("Legal basis") in text or words._("The consultation") in text
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 1


def test_every_page_carries_the_reference_and_its_number(render) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render("art8_transfer_request", "en")))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join((page.extract_text() or "").split())
        assert "Our reference: BV-2026-0042" in text
        assert f"Page {number} / {len(reader.pages)}" in text
        assert "Confidential (Art. 41 and 42)" in text


def test_sections_are_numbered_the_same_in_every_language(render) -> None:
    headings = {lang: pdf_text(render("art34_information_request", lang)) for lang in SUPPORTED}
    for lang, text in headings.items():
        words = Lang(lang)
        for number, title in ((1, "Legal basis"), (2, "The child"), (10, "Confidentiality, use of data and formalities")):
            assert f"{number}. {words._(title)}" in text, (lang, title)


def test_bilingual_layout_puts_sending_and_receiving_language_side_by_side(render) -> None:
    text = pdf_text(render("art33_placement_consultation", "fr", bilingual=True))
    assert "1. Rettslig grunnlag" in text and "1. Base juridique" in text  # Norwegian (sending) and French
    assert "Vår referanse / Notre référence" in text
    assert "originaltekst · norsk bokmål" in text.lower()  # the free text, once, in its own language's column
    assert "Le texte original figure dans l'autre colonne" in text
    assert "Ola har bodd i fosterhjem" in text


def test_unverified_or_missing_addressee_data_is_visible(render) -> None:
    text = pdf_text(render("art33_placement_consultation", "en", details={}))
    assert "Name and address not in our data: to be completed" in text or "not verified" in text
    assert "[name of the child]" in text  # gaps are shown, not hidden


def test_a_supplied_addressee_replaces_the_rules_data_without_warning(render) -> None:
    details = {"addressee": {"authority": "Ministère de la Justice – Bureau du droit de l'Union", "address": "13 place Vendôme, Paris"}}
    text = pdf_text(render("art33_placement_consultation", "fr", details=details))
    assert "Bureau du droit de l'Union" in text and "13 place Vendôme" in text
    assert "absents de nos données" not in text


def test_the_to_do_box_disappears_once_everything_is_filled_in(render) -> None:
    full = {"sender": {"authority": "Barneverntjenesten i Bergen", "contact": "Kari Nordmann"}, "our_reference": "BV-1",
            "child": {"name": "Ola Hansen"}, "reasons": "Raisons.", "request": "Demande.", "reply_by": "2026-04-15",
            "written_in": "fr", "addressee": {"authority": "Autorité centrale française"}}
    text = pdf_text(render("art34_information_request", "fr", details=full)).lower()
    assert "gjøres før utsending" not in text  # the box speaks the sender's language (Norway: Bokmål)
    assert "gjøres før utsending" in pdf_text(render("art34_information_request", "fr", details={})).lower()
