"""HTML (Jinja, autoescaped) to PDF (WeasyPrint) with a URL fetcher that serves only our own files.

Everything the layout may load is addressed as ``hague:<name>``: the shared stylesheet
``templates/documents/print.css`` and the bundled fonts. The fetcher answers those names from an
allow-list of files resolved at import time and refuses every other URL (file:, http:, data:, and
``hague:`` names outside the list), so text a user typed can never make the renderer read a local
file or reach the network. User text never goes into CSS: the stylesheet is static and takes the
running header (reference, page label) from the document with ``string-set``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from weasyprint import CSS, HTML, Attachment  # type: ignore[import-untyped]
from weasyprint.css import ColorProfile  # type: ignore[import-untyped]
from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

from hague.resources import resource_dir

SCHEME = "hague:"
FONTS = Path(__file__).resolve().parent / "fonts"
STYLESHEET = "print.css"


def _assets() -> dict[str, tuple[Path, str]]:
    assets = {STYLESHEET: (resource_dir("templates") / "documents" / STYLESHEET, "text/css")}
    for font in sorted(FONTS.glob("*.ttf")):
        assets[f"fonts/{font.name}"] = (font, "font/ttf")
    return assets


ASSETS = _assets()


class RefusedURL(ValueError):
    """A URL outside the package's own stylesheet and fonts."""


class LockedFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
    """Serves `hague:print.css` and `hague:fonts/*.ttf`; refuses and records everything else."""

    def __init__(self) -> None:
        super().__init__(timeout=1, allowed_protocols=("hague",))
        self.requested: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        self.requested.append(url)
        name = url[len(SCHEME):] if url.startswith(SCHEME) else None
        if name is None or name not in ASSETS:
            self.refused.append(url)
            raise RefusedURL(f"hague documents load only their own stylesheet and fonts, not {url[:80]!r}")
        path, mime = ASSETS[name]
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})


_LONG_RUN = re.compile(r"\S{61,}")


def _breaks(run: re.Match[str]) -> str:
    text = run.group(0)
    return "\u200b".join(text[i:i + 30] for i in range(0, len(text), 30))


def breakable(value: Any) -> Any:
    """Printed text gets a line-break opportunity (U+200B) every 30 characters of a run of over 60 non-spaces.

    WeasyPrint breaks an unbroken run only character by character, in time that grows with the
    square of its length: a 100,000-character "word" took 96 s to lay out, under 2 s once broken.
    Thirty characters fit even a column of the bilingual layout. Markup (our own) is left alone.
    """
    if isinstance(value, str) and not isinstance(value, Markup) and len(value) > 60:
        return _LONG_RUN.sub(_breaks, value)
    return value


def verbatim(value: str) -> Markup:
    """Escaped text that must stay copyable as it is (a link): no break hints."""
    return escape(value)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja environment of the document templates: autoescaped, strict about undefined names."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_dir("templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=breakable,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["verbatim"] = verbatim
    return env


_local = threading.local()


def _style() -> tuple[FontConfiguration, CSS]:
    """The parsed stylesheet and its fonts, loaded once per thread (WeasyPrint objects are not shared)."""
    style: tuple[FontConfiguration, CSS] | None = getattr(_local, "style", None)
    if style is None:
        fonts = FontConfiguration()
        style = (fonts, CSS(url=SCHEME + STYLESHEET, url_fetcher=LockedFetcher(), font_config=fonts))
        _local.style = style
    return style


@dataclass(frozen=True)
class Embedded:
    """A file embedded in a PDF/A-3 document (the case and assessment as JSON)."""

    name: str
    data: str
    description: str


def render_html(template: str, context: dict[str, Any]) -> str:
    return environment().get_template(template).render(**context)


def render_pdf(html: str, *, embed: tuple[Embedded, ...] = (), pdfa: bool = False, when: dt.datetime | None = None,
               fetcher: LockedFetcher | None = None) -> bytes:
    """Lay out `html` with the shared stylesheet; PDF/A-3b with `embed` attached when `pdfa`."""
    fonts, css = _style()
    fetcher = fetcher or LockedFetcher()
    # PDF/A: our own sRGB output intent, as WeasyPrint's default one leaves its ICC file open (a ResourceWarning)
    options: dict[str, Any] = {"pdf_variant": "pdf/a-3b", "output_intent": "hague-srgb"} if pdfa else {}
    document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=[css], font_config=fonts, **options)
    if pdfa:
        document.color_profiles["hague-srgb"] = ColorProfile(io.BytesIO(_srgb()), "sRGB2014.icc", "relative-colorimetric",
                                                             (["r"], ["g"], ["b"]))
        stamp = when or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        options["attachments"] = [Attachment(string=item.data, name=item.name, description=item.description,
                                              relationship="Data", url_fetcher=fetcher, created=stamp, modified=stamp)
                                   for item in embed]
    pdf: bytes = document.write_pdf(**options)
    return pdf


@lru_cache(maxsize=1)
def _srgb() -> bytes:
    """The sRGB ICC profile WeasyPrint ships, for the PDF/A output intent."""
    return (resources.files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()
