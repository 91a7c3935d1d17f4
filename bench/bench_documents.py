"""Benchmark: a two-page Art. 33 consultation, rendered in process by hague, against the same letter
as a DOCX converted to PDF by LibreOffice headless (the path of document-assembly tools).

Run by hand, never in CI (see bench/README.md):

    .venv/bin/python bench/bench_documents.py [--runs 20] [--lo-runs 5] [--fonttools]

Prints the median of each path after one warm-up, the ratio, and whether the goals hold
(<= 0.35 s per two-page document; >= 4x faster than LibreOffice).
"""

from __future__ import annotations

import argparse
import html
import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pypdf

from hague.documents import draft, draft_html, parse_details
from hague.intake import read_case
from hague.rulebook import default_rulebook

DOCUMENT = "art33_placement_consultation"
CASE = {
    "format": "hague-case/1", "as_of": "2026-03-01", "forum": "NO",
    "child": {"birth_date": "2013-08-21", "nationalities": ["NO", "PL"], "present_in": "NO", "substantial_connection": ["PL"]},
    "habitual_residence": [{"state": "NO", "from": "2013-08-21"}],
    "measure": {"type": "foster_placement", "date": "2026-04-15", "placement_state": "PL"},
    "art37_no_risk": True,
}
DETAILS = {
    "sender": {"authority": "Barneverntjenesten i Bergen", "address": "Postboks 7700, 5020 Bergen", "contact": "Kari Nordmann",
               "email": "kari.nordmann@example.org", "phone": "+47 55 00 00 00"},
    "addressee": {"authority": "Ministry of Justice – Central Authority", "address": "Al. Ujazdowskie 11, 00-950 Warsaw"},
    "our_reference": "BV-2026-0042", "their_reference": "CA-77/2026",
    "child": {"name": "Ola Hansen", "address": "Storgata 1, 5003 Bergen", "languages": ["nb", "pl"]},
    "persons": [{"name": "Anna Kowalska", "role": "mother", "address": "ul. Długa 5, 31-147 Kraków", "parental_responsibility": True}],
    "reasons": "Ola has lived in foster care since May 2025. His mother lives in Poland; his aunt there offers to care for him.",
    "request": "We ask for your consent by the date below.", "reply_by": "2026-04-15", "written_in": "en",
    "attachments": ["Care order of 1 May 2025", "Report on the child, February 2026"],
    "extra": {"proposed_carers": "Maria Nowak (aunt), Gdańsk", "duration": "Until Ola turns 18",
              "financing": "Bergen municipality", "supervision": "Bergen child welfare service with the local authority",
              "contact": "Monthly contact with the mother"},
}


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def median_time(run: object, runs: int) -> float:
    assert callable(run)
    run()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --------------------------------------------------------------------------- the same letter as DOCX

_BLOCKS = re.compile(r"<(h1|h2|h3|p|li|tr|div class=\"(?:authority|addr|kind|label)\")[^>]*>(.*?)</(?:h1|h2|h3|p|li|tr|div)>", re.S)


def letter_paragraphs(page: str) -> list[tuple[str, str]]:
    """(style, text) for each block of the letter's HTML: the same words, for a word processor."""
    out = []
    for tag, inner in _BLOCKS.findall(page):
        text = html.unescape(re.sub(r"<[^>]+>", " ", inner))
        text = " ".join(text.replace("\u200b", "").split())
        if text:
            out.append(({"h1": "Title", "h2": "Heading1", "h3": "Heading2"}.get(tag, "Normal"), text))
    return out


def docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A minimal WordprocessingML document (no python-docx needed): paragraphs with heading styles."""
    def para(style: str, text: str) -> str:
        size = {"Title": 28, "Heading1": 21, "Heading2": 18}.get(style, 18)
        bold = "<w:b/>" if style != "Normal" else ""
        return (f'<w:p><w:pPr><w:spacing w:after="80"/></w:pPr><w:r><w:rPr>{bold}<w:rFonts w:ascii="DejaVu Sans" '
                f'w:hAnsi="DejaVu Sans"/><w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>')
    body = "".join(para(s, t) for s, t in paragraphs)
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="964" w:bottom="1077" '
               'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
                'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{body}{section}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                   'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)
    return buffer.getvalue()


def libreoffice(source: Path, outdir: Path, profile: Path) -> bytes:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        sys.exit("LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui")
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir",  # noqa: S603
                    str(outdir), str(source)], check=True, capture_output=True, timeout=120)
    return (outdir / (source.stem + ".pdf")).read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="in-process renders measured (after one warm-up)")
    parser.add_argument("--lo-runs", type=int, default=5, help="LibreOffice conversions measured (after one warm-up)")
    parser.add_argument("--fonttools", action="store_true", help="make WeasyPrint subset fonts with fontTools, not HarfBuzz")
    args = parser.parse_args()

    import weasyprint.pdf.fonts as wp_fonts  # type: ignore[import-untyped]

    if args.fonttools:
        wp_fonts.harfbuzz_subset = None
    subsetter = "HarfBuzz" if wp_fonts.harfbuzz_subset else "fontTools"

    book = default_rulebook()
    case = read_case(CASE, book)
    details = parse_details(DETAILS, DOCUMENT)
    pdf = draft(DOCUMENT, case, book, details)
    hague_median = median_time(lambda: draft(DOCUMENT, case, book, details), args.runs)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "letter.docx"
        source.write_bytes(docx(letter_paragraphs(draft_html(DOCUMENT, case, book, details))))
        profile = work / "profile"
        lo_pdf = libreoffice(source, work, profile)
        lo_median = median_time(lambda: libreoffice(source, work, profile), args.lo_runs)

    ratio = lo_median / hague_median
    print(f"document: {DOCUMENT} ({pages(pdf)} pages hague, {pages(lo_pdf)} pages via LibreOffice); font subsetting: {subsetter}")
    print(f"hague (WeasyPrint, in process): median {hague_median:.3f} s over {args.runs} runs")
    print(f"DOCX -> LibreOffice headless:   median {lo_median:.3f} s over {args.lo_runs} runs")
    print(f"ratio: hague is {ratio:.1f}x faster")
    print(f"goals: <= 0.35 s per two-page document: {'met' if hague_median <= 0.35 and pages(pdf) == 2 else 'NOT met'}; "
          f">= 4x faster than LibreOffice: {'met' if ratio >= 4 else 'NOT met'}")


if __name__ == "__main__":
    main()
