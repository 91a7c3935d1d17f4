"""The catalogues: every fixed text of every template translated into French and Norwegian Bokmål."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from doc_msgids import all_msgids

from hague.documents.build import ALWAYS_CITED
from hague.documents.i18n import TRANSLATIONS, Lang, catalogue
from hague.documents.kinds import KINDS

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def read(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def cited_titles(book) -> set[str]:
    numbers = {book.requests[k.action].article.split("(")[0] for k in KINDS.values()}
    numbers |= {c.removeprefix("Art. ") for c in ALWAYS_CITED} | {"23", "28"}
    return {found[1].title for n in numbers if (found := book.article(f"Art. {n}"))}


@pytest.mark.parametrize("lang", ["fr", "nb"])
def test_every_msgid_is_translated_with_the_same_placeholders(book, lang: str) -> None:
    po = read(lang)
    wanted = set(all_msgids()) | cited_titles(book)
    missing = sorted(m for m in wanted if not (po.get(m) and po.get(m).string))
    assert missing == [], f"{lang}: untranslated: {missing[:10]}"
    for message in po:
        if message.id:
            assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(message.id)), message.id
            assert not message.fuzzy, message.id


@pytest.mark.parametrize("lang", ["fr", "nb"])
def test_no_stale_entries(book, lang: str) -> None:
    wanted = set(all_msgids()) | cited_titles(book)
    stale = sorted(m.id for m in read(lang) if m.id and m.id not in wanted)
    assert stale == [], f"{lang}: msgids no longer used: {stale[:10]}"


def test_catalogues_load_at_run_time_without_compiling() -> None:
    assert catalogue("fr").gettext("Legal basis") == "Base juridique"
    assert catalogue("nb").gettext("Legal basis") == "Rettslig grunnlag"
    assert catalogue("en").gettext("Legal basis") == "Legal basis"


def test_names_of_states_languages_and_dates_come_in_the_reader_s_language() -> None:
    import datetime as dt

    assert (Lang("fr").state("NO"), Lang("nb").state("FR"), Lang("en").state("GB-SCT")) == ("Norvège", "Frankrike",
                                                                                             "United Kingdom (GB-SCT)")
    assert Lang("nb").language("nn") == "norsk nynorsk" and Lang("fr").language("pl") == "polonais"
    assert Lang("nb").date(dt.date(2026, 3, 1)) == "1. mars 2026" and Lang("en").date(dt.date(2026, 3, 1)) == "1 March 2026"
    assert Lang("fr").languages(["en", "fr"], "ou") == "anglais ou français"
