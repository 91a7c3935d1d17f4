"""A user's walk through the assessment wizard in a real browser: typing, choosing and clicking, no direct posts.

Selectors never depend on the words of the page (button values, field ids), so the same walk runs in
every language. Every page the walk visits is checked by axe-core and, when HAGUE_SCREENSHOTS names a
folder, saved as a screenshot named `<prefix>-<page>`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from e2e_support import assert_accessible, screenshot

STEPS = ("asking", "child", "residence", "removal", "proceedings", "measure", "existing", "cooperation")
CONTINUE = ".wiz-actions button[value=continue]"


class Walk:
    """The wizard as a user meets it, one step at a time; `name` prefixes the screenshots."""

    def __init__(self, page: Any, base: str, name: str) -> None:
        self.page, self.base, self.name = page, base, name

    def look(self, what: str) -> None:
        """Every page visited: no serious accessibility violation, and a screenshot to look at."""
        assert_accessible(self.page)
        screenshot(self.page, f"{self.name}-{what}")

    def start(self) -> None:
        self.page.goto(self.base + "/assess/")
        self.look("start")
        self.page.click("form[action$='/assess/new'] button[type=submit]")
        self.at("asking")

    def at(self, step: str) -> None:
        self.page.wait_for_url(re.compile(rf"/assess/step/{step}(\?.*)?$"))
        number = STEPS.index(step) + 1
        assert self.page.locator(".wiz-progress [aria-current=step] .wiz-progress__n").inner_text() == str(number)

    def next(self, step: str, shot: bool = True) -> None:
        """Look at the step as filled in, then Continue to `step` (or 'review')."""
        if shot:
            self.look(self.current())
        self.page.click(CONTINUE)
        if step == "review":
            self.page.wait_for_url(re.compile(r"/assess/review$"))
        else:
            self.at(step)

    def current(self) -> str:
        return str(self.page.url.rsplit("/", 1)[-1].split("#")[0].split("?")[0])

    # the inputs, as a user works them
    def state(self, field: str, code: str) -> None:
        self.page.select_option(f"#{field}", code)

    def date(self, field: str, day: str) -> None:
        self.page.fill(f"#{field}", day)

    def radio(self, field: str, value: str) -> None:
        self.page.check(f"#{field}-{value}")

    def type(self, field: str, text: str) -> None:
        self.page.click(f"#{field}")
        self.page.keyboard.type(text)

    def measure(self, field: str, search: str, value: str) -> None:
        """Type a local name into the measure search; the list filters as one types; pick the kind."""
        self.type(f"{field}-find", search)
        hidden = self.page.locator(f"#{field} option[hidden]").count()
        assert hidden > 0, "the search should filter the list of measures"
        self.page.select_option(f"#{field}", value)

    def add(self, records: str) -> None:
        """'Add another ...' for a list or records question (a real round trip without scripts)."""
        self.page.click(f"button[value='add:{records}']")
        self.page.wait_for_load_state()

    def assess(self) -> None:
        self.look("review")
        self.page.click("button[value=assess]")
        self.page.wait_for_url(re.compile(r"/assess/result$"))
        self.look("result")

    def findings(self) -> list[tuple[str, str, str]]:
        """(State as shown, ground as shown, status badge) for every finding of "Who may act"."""
        rows = []
        for item in self.page.locator(".findings .finding").all():
            rows.append((item.locator(".finding__state").inner_text().strip(),
                         item.locator(".finding__ground > strong .cite__link").first.inner_text().strip(),
                         item.locator(".finding__verdict .badge").first.inner_text().strip()))
        return rows

    def draft(self, document: str, to: str, fill: dict[str, str]) -> bytes:
        """Open "Draft this request", type the details, download the PDF; return its bytes."""
        self.page.click(f"a[href*='/result/draft/{document}?to={to}']")
        self.page.wait_for_url(re.compile(rf"/result/draft/{document}\?to={to}$"))
        for field, text in fill.items():
            locator = self.page.locator(f"[name='{field}']")
            locator.click()
            self.page.keyboard.type(text)
        self.look(f"draft-{document}")
        with self.page.expect_download() as waiting:
            self.page.click(".details-form .actions button[type=submit]")
        download = waiting.value
        assert download.suggested_filename == f"{document}-{to}.pdf"
        path = download.path()
        assert path is not None
        return Path(path).read_bytes()


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def save_pdf(data: bytes, name: str) -> None:
    """Keep the PDF next to the screenshots, to look at its first page."""
    from e2e_support import SHOTS

    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / f"{name}.pdf").write_bytes(data)


def assert_pdf(data: bytes, *texts: str) -> str:
    assert data.startswith(b"%PDF-"), data[:20]
    assert len(data) > 5_000, f"a PDF of {len(data)} bytes is too small to be a letter"
    text = pdf_text(data)
    squashed = re.sub(r"\s+", " ", text)
    for wanted in texts:
        assert wanted in squashed, f"{wanted!r} not in the PDF's text"
    return text
