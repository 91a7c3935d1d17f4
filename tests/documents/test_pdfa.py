"""PDF/A-3b: the case and the assessment travel inside the document, and read back as they went in."""

from __future__ import annotations

import io
import json

import pypdf
from doc_cases import CASES
from doc_pdf import embedded_files, embedded_streams

from hague.engine import assess
from hague.intake import read_case


def test_pdfa_embeds_the_case_and_the_assessment_as_json(render, book) -> None:
    pdf = render("art33_placement_consultation", "fr", pdfa=True)
    files = embedded_files(pdf)
    assert set(files) == {"case.json", "assessment.json"}
    assert len(embedded_streams(pdf)) == 2  # our own two, nothing else
    case = read_case(CASES["art33_placement_consultation"][0], book)
    sent = json.loads(files["case.json"])
    assert read_case(sent, book) == case  # the receiving side can read the case back and re-assess it
    assert json.loads(files["assessment.json"]) == assess(case, book).to_json()


def test_pdfa_declares_its_conformance(render) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render("art34_information_request", "en", pdfa=True)))
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert "pdfaid:part" in raw and ("<pdfaid:part>3</pdfaid:part>" in raw or 'pdfaid:part="3"' in raw)
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_plain_pdf_has_no_attachment(render) -> None:
    assert embedded_streams(render("art34_information_request", "en")) == []
