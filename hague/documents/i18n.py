"""The documents' fixed text in English, French and Norwegian Bokmål (gettext catalogues).

English msgids are the source. The catalogues live in ``translations/<lang>/LC_MESSAGES/messages.po``
(the layout Flask-Babel uses) and are read at run time with Babel, so no compile step is needed.
Names of States, languages and dates come from Babel's CLDR data in the document's language.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

SUPPORTED = ("en", "fr", "nb")
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
_CLDR = {"en": "en_GB", "fr": "fr", "nb": "nb"}


def N_(message: str) -> str:
    """Mark a string for the catalogues; it is translated where it is shown."""
    return message


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The translations of one language; English (the source) needs none."""
    return read_catalogue(TRANSLATIONS, lang)


def read_catalogue(folder: Path, lang: str) -> gettext.NullTranslations:
    """`folder/<lang>/LC_MESSAGES/messages.po`, compiled in memory (no .mo files to build or ship);
    English, the source language, and a missing catalogue give the msgids themselves."""
    path = folder / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not path.is_file():
        return Translations()
    with path.open("rb") as handle:
        po = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    return Translations(fp=buffer)


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(_CLDR.get(code, code))


@dataclass(frozen=True)
class Lang:
    """One language of a document, with what the templates need to write in it.

    `secondary` marks the column of a bilingual document that does not carry the free text: the
    user's text is shown once, in the column of its own language (else the left one), and the
    other column points to it.
    """

    code: str
    secondary: bool = False

    def _(self, message: str) -> str:
        return catalogue(self.code).gettext(message)

    @property
    def name(self) -> str:
        """The language's own name, e.g. 'norsk bokmål'."""
        return self.language(self.code)

    def language(self, code: str | None) -> str:
        """A language's name in this language; unknown codes are shown as given."""
        if not code:
            return self._("language not stated")
        try:
            name = _locale(self.code).languages.get(Locale.parse(code).language)
        except (ValueError, UnknownLocaleError):
            name = None
        return name or code

    def languages(self, codes: list[str], conjunction: str) -> str:
        """Names joined the way a sentence lists them: 'Polish', 'English or French', 'a, b or c'."""
        names = [self.language(c) for c in codes]
        if len(names) < 2:
            return names[0] if names else self._("none")
        return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"

    def state(self, code: str | None) -> str:
        """A State's name in this language; a territorial unit keeps its code ('United Kingdom (GB-SCT)')."""
        if not code or code == "unknown":
            return self._("unknown")
        name = _locale(self.code).territories.get(code.split("-", 1)[0], code)
        return f"{name} ({code})" if "-" in code else name

    def states(self, codes: list[str] | tuple[str, ...]) -> str:
        return ", ".join(self.state(c) for c in codes) if codes else self._("none")

    def date(self, day: dt.date | None) -> str:
        return format_date(day, "long", locale=_locale(self.code)) if day else self._("not stated")

    def yesno(self, value: bool | None) -> str:
        return {True: self._("yes"), False: self._("no"), None: self._("not known")}[value]

    def t(self, message: str | None) -> str:
        """Translate a vocabulary string (marked with N_ elsewhere); empty stays empty."""
        return self._(message) if message else ""
