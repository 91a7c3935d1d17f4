"""Safe rendering: user text is escaped, nothing is fetched or attached, long text cannot stall the renderer."""

from __future__ import annotations

import time
from typing import Any, ClassVar

import pytest
from doc_pdf import embedded_streams, pdf_text

from hague.documents import KINDS, render
from hague.documents.details import EXTRA_FIELDS

PAYLOADS = [
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/hostname">',
    '<img src="http://127.0.0.1:9/x">',
    "</style><style>*{display:none}",
]
HOSTILE = " ".join(PAYLOADS)


class Recorder(render.LockedFetcher):
    """The locked fetcher, remembering every instance so a test can count what was asked for."""

    made: ClassVar[list[render.LockedFetcher]] = []

    def __init__(self) -> None:
        super().__init__()
        Recorder.made.append(self)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[render.LockedFetcher]:
    Recorder.made = []
    monkeypatch.setattr(render, "LockedFetcher", Recorder)
    monkeypatch.setattr(render, "_local", type(render._local)())  # rebuild the cached stylesheet with the recorder
    return Recorder.made


def hostile_details(document: str, reasons: str = HOSTILE) -> dict[str, Any]:
    party = {"authority": HOSTILE, "address": HOSTILE, "contact": HOSTILE, "email": HOSTILE, "phone": HOSTILE}
    return {
        "sender": party, "addressee": party, "our_reference": HOSTILE, "their_reference": HOSTILE,
        "child": {"name": HOSTILE, "address": HOSTILE, "languages": PAYLOADS},
        "persons": [{"name": HOSTILE, "role": HOSTILE, "address": HOSTILE, "parental_responsibility": True}],
        "reasons": reasons, "request": HOSTILE, "attachments": PAYLOADS,
        "extra": {key: HOSTILE for key in EXTRA_FIELDS[document]},
    }


def assert_nothing_fetched(fetchers: list[render.LockedFetcher]) -> None:
    asked = [url for f in fetchers for url in f.requested]
    assert all(url.startswith("hague:") and url[len("hague:"):] in render.ASSETS for url in asked), asked
    assert [url for f in fetchers for url in f.refused] == []


@pytest.mark.parametrize("document", sorted(KINDS))
def test_hostile_text_in_every_field_is_shown_escaped_and_fetches_nothing(render_doc, recorded, document: str) -> None:
    pdf = render_doc(document, "en", hostile_details(document))
    assert_nothing_fetched(recorded)
    assert embedded_streams(pdf) == []
    text = pdf_text(pdf)
    for payload in PAYLOADS:
        assert payload in text, payload  # shown as text, not interpreted
    assert "Hague Convention of 19 October 1996" in text  # the injected style hid nothing


def test_a_100000_character_reason_renders_completely_and_in_time(render_doc, recorded) -> None:
    document = "art33_placement_consultation"
    unbroken = "x" * 40_000
    head, tail = HOSTILE + " ", " END-OF-REASON"
    filler = ("Lorem ipsum dolor sit amet. " * 4000)[: 100_000 - len(head) - len(unbroken) - len(tail)]
    reasons = head + filler + unbroken + tail
    assert len(reasons) == 100_000 and reasons.endswith("END-OF-REASON")
    started = time.perf_counter()
    pdf = render_doc(document, "en", hostile_details(document, reasons), bilingual=True)
    assert time.perf_counter() - started < 60
    assert_nothing_fetched(recorded)
    assert embedded_streams(pdf) == []
    text = pdf_text(pdf)
    assert "END-OF-REASON" in text and text.count("x") >= len(unbroken)  # all of it, to the last word


def test_the_fetcher_serves_only_the_stylesheet_and_the_bundled_fonts() -> None:
    fetcher = render.LockedFetcher()
    assert fetcher.fetch("hague:print.css").read().startswith(b"/*")
    assert fetcher.fetch("hague:fonts/DejaVuSans.ttf").read()[:4] == b"\x00\x01\x00\x00"
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x", "https://example.org/", "hague:../../etc/passwd",
                "hague:fonts/../../../etc/passwd", "hague:/etc/passwd", "data:text/plain,hello", "ftp://x/y"):
        with pytest.raises(render.RefusedURL):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 8


def test_even_raw_html_cannot_make_the_renderer_read_files_or_the_network() -> None:
    """Defence in depth, below the templates: hostile markup given straight to the renderer."""
    fetcher = render.LockedFetcher()
    html = ('<html><head><link rel="stylesheet" href="file:///etc/passwd">'
            '<link rel="attachment" href="file:///etc/hostname"></head><body>'
            '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x">'
            '<a rel="attachment" href="file:///etc/hostname">x</a>'
            '<p style="background: url(file:///etc/passwd)">text</p></body></html>')
    pdf = render.render_pdf(html, fetcher=fetcher)
    assert embedded_streams(pdf) == []
    assert "file:///etc/passwd" in fetcher.refused and "http://127.0.0.1:9/x" in fetcher.refused
    assert "file:///etc/hostname" in fetcher.refused
    assert not [url for url in fetcher.requested if url not in fetcher.refused and not url.startswith("hague:")]



