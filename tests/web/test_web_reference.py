"""The reference pages: States (table, filter, status on a date, one State's record), measures, Articles."""

from __future__ import annotations

import html as html_lib
import re

from flask import Flask
from flask.testing import FlaskClient

from hague.rulebook import Rulebook

ROW = re.compile(r'<tr data-search="[^"]*" data-code="([A-Z]{2})"( hidden)?>(.*?)</tr>', re.S)
MEASURE = re.compile(r'<article class="measure" id="measure-([a-z0-9_]+)" data-search="[^"]*"( hidden)?>(.*?)</article>', re.S)
ARTICLE = re.compile(r'<article class="article" id="([a-z0-9-]+)"[^>]*?( hidden)?>', re.S)


def page(client: FlaskClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    text = response.get_data(as_text=True)
    assert "style=" not in text and "<script>" not in text  # the CSP allows no inline style or script
    return text


def rows(html: str) -> dict[str, str]:
    """Code -> row HTML of the States table, for the rows shown (not hidden)."""
    return {code: body for code, hidden, body in ROW.findall(html) if not hidden}


# --------------------------------------------------------------------------- States table


def test_states_table_lists_every_state_with_its_facts(client: FlaskClient, book: Rulebook) -> None:
    html = page(client, "/reference/states?as_of=2026-01-01")
    shown = rows(html)
    assert set(shown) == set(book.states)
    norway = shown["NO"]
    assert ">Norway</a>" in norway and "<code>NO</code>" in norway
    assert "badge--ok" in norway and "2016-07-01" in norway and "confirmed by two or more sources" in norway
    assert "Bufdir" in norway and "verified" in norway
    assert "Norwegian Bokmål" in norway and "Norwegian Nynorsk" in norway
    assert "Brussels IIb" in shown["FI"] and "EU, not bound by Brussels IIb" in shown["DK"]
    codes = [code for code, _hidden, _body in ROW.findall(html)]
    assert codes.index("AU") < codes.index("AT") and codes.index("SE") < codes.index("CH")  # by name
    assert "Art. 23" in shown["FI"]  # the 23/26/52 declaration, cited
    assert html_lib.escape(f"Status data current to {book.status_as_of.isoformat()}") in html


def test_states_as_of_el_salvador_bound_from_1_july_2025(client: FlaskClient) -> None:
    before = rows(page(client, "/reference/states?as_of=2025-06-30&bound=1"))
    after = rows(page(client, "/reference/states?as_of=2025-07-01&bound=1"))
    assert "SV" not in before and "SV" in after
    assert "badge--ok" in after["SV"]
    every = rows(page(client, "/reference/states?as_of=2025-06-30"))
    assert "badge--bad" in every["SV"]  # listed, but not in force yet
    assert "NO" not in rows(page(client, "/reference/states?as_of=2016-06-30&bound=1"))
    assert "NO" in rows(page(client, "/reference/states?as_of=2016-07-01&bound=1"))


def test_states_unconfirmed_status_is_not_a_yes_or_a_no(client: FlaskClient) -> None:
    shown = rows(page(client, "/reference/states?as_of=2026-01-01&bound=1"))
    assert "BZ" in shown and "not confirmed" in shown["BZ"] and "What to check" in shown["BZ"]


def test_states_search_by_name_code_and_without_accents(client: FlaskClient) -> None:
    assert set(rows(page(client, "/reference/states?q=salvador"))) == {"SV"}
    assert set(rows(page(client, "/reference/states?q=turkiye"))) == {"TR"}  # Türkiye
    assert "NO" in rows(page(client, "/reference/states?q=NO"))
    html = page(client, "/reference/states?q=atlantis")
    assert rows(html) == {} and '<p class="filter-empty" id="filter-empty">' in html
    assert 'value="atlantis"' in html  # what was typed stays in the field


def test_states_invalid_date_is_a_clear_message_not_a_500(client: FlaskClient) -> None:
    html = page(client, "/reference/states?as_of=2025-13-01&q=nor", status=400)
    assert "There is a problem" in html and 'href="#as_of"' in html
    assert "“2025-13-01” is not a date. Write it as YYYY-MM-DD" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="as_of-hint as_of-error"' in html
    assert 'value="nor"' in html and "NO" in rows(html)  # the table still answers, for today


def test_states_page_uses_the_filter_script_and_its_own_stylesheet(client: FlaskClient) -> None:
    html = page(client, "/reference/states")
    assert '<script src="/static/filter.js" defer></script>' in html
    assert 'href="/static/reference.css"' in html
    assert 'data-filter-items="#states-table tbody tr"' in html
    for asset in ("/static/filter.js", "/static/reference.css"):
        with client.get(asset) as response:  # a file response: close it
            assert response.status_code == 200


def test_navigation_offers_the_reference_pages(client: FlaskClient) -> None:
    html = page(client, "/")
    for path in ("/reference/states", "/reference/measures", "/reference/articles"):
        assert f'href="{path}"' in html


# --------------------------------------------------------------------------- one State


def test_state_page_shows_central_authority_and_declarations(client: FlaskClient) -> None:
    html = page(client, "/reference/states/NO")
    assert "<h1>Norway" in html
    assert "Barne-, ungdoms- og familiedirektoratet (Bufdir)" in html
    assert 'href="mailto:SentralmyndighetHaag1996@bufdir.no"' in html and 'href="tel:+4746615000"' in html
    assert "Article not known" in html and "content not seen" in html  # the declaration whose content is not seen
    assert "Party to the 1980 Convention" in html
    assert "How each fact is known" in html and '<a href="#source-no_udi">no_udi</a>' in html
    assert '<li id="source-no_udi"><code>no_udi</code>' in html
    assert "https://www.bufdir.no/fagstotte/barnevern-oppvekst/haagkonvensjonen-1996/" in html


def test_state_page_declarations_with_their_articles_kinds_and_objections(client: FlaskClient) -> None:
    finland = page(client, "/reference/states/fi")  # the code in any case
    assert "<h1>Finland" in finland and "Art. 23" in finland and "Art. 52" in finland
    assert "EU standard declaration" in finland and "content seen" in finland
    assert "Not every fact below is verified" not in finland  # every fact of Finland's record is confirmed
    denmark = page(client, "/reference/states/DK")
    assert "objection" in denmark and "Objected to the accession of" in denmark
    assert 'href="/reference/states/SV">El Salvador</a>' in denmark


def test_state_page_status_on_a_date_and_warnings(client: FlaskClient, book: Rulebook) -> None:
    html = page(client, "/reference/states/SV?as_of=2025-06-30")
    assert "badge--bad" in html and "enters into force for El Salvador only on 2025-07-01" in html
    assert "Not every fact below is verified" in html and "The Central Authority&#39;s details are not verified." in html
    assert f"Status data current to {book.status_as_of.isoformat()}" in html
    assert "carried forward" in html  # 2025-06-30 is after status_as_of 2025-03-13
    assert "Accession objected to by" in html and 'href="/reference/states/DK">Denmark</a>' in html
    assert "badge--ok" in page(client, "/reference/states/SV?as_of=2025-07-01")
    bad = page(client, "/reference/states/SV?as_of=yesterday", status=400)
    assert "“yesterday” is not a date" in bad


def test_state_page_unknown_code_is_a_404_page(client: FlaskClient) -> None:
    html = page(client, "/reference/states/XX", status=404)
    assert "Page not found" in html
    page(client, "/reference/states/Norway", status=404)


# --------------------------------------------------------------------------- measures


def measures(html: str) -> dict[str, str]:
    return {key: body for key, hidden, body in MEASURE.findall(html) if not hidden}


def test_measures_catalogue_grouped_with_classification(client: FlaskClient, book: Rulebook) -> None:
    html = page(client, "/reference/measures")
    shown = measures(html)
    assert set(shown) == set(book.measures)
    assert html.index('id="group-placement"') < html.index('id="measure-foster_placement"') < html.index('id="group-supervision"')
    foster = shown["foster_placement"]
    assert ">Art. 3(e)</a>" in foster and ">Art. 33</a>" in foster and "prior consultation and consent" in foster
    assert '<span lang="nb">fosterhjem</span>' in foster and '<span lang="fi">perhehoito / sijaisperhe</span>' in foster
    adoption = shown["adoption"]
    assert ">Art. 4(b)</a>" in adoption and "excluded" in adoption
    assert ">Art. 1(1)(a)</a>" in shown["in_home_support"]
    assert "Open to argument:" in shown["passport_travel_consent"]


def test_measures_search_finds_a_measure_by_its_norwegian_and_finnish_names(client: FlaskClient) -> None:
    found = measures(page(client, "/reference/measures?q=fosterhjem"))
    assert "foster_placement" in found and "adoption" not in found and "care_order" not in found
    assert "care_order" in measures(page(client, "/reference/measures?q=huostaanotto"))
    assert "care_order" in measures(page(client, "/reference/measures?q=Omsorgsovertakelse"))
    assert set(measures(page(client, "/reference/measures?q=kafala"))) >= {"kafala"}
    html = page(client, "/reference/measures?q=zzzz")
    assert measures(html) == {} and '<p class="filter-empty" id="filter-empty">' in html


# --------------------------------------------------------------------------- Articles


def articles(html: str) -> set[str]:
    return {anchor for anchor, hidden in ARTICLE.findall(html) if not hidden}


def test_articles_page_has_the_anchors_citations_link_to(app: Flask, client: FlaskClient, book: Rulebook) -> None:
    from hague.web.helpers import citation

    html = page(client, "/reference/articles")
    anchors = articles(html)
    total = sum(len(s.articles) for s in book.articles_file.instruments.values())
    assert len(anchors) == total
    with app.app_context():
        for cited in ("Art. 7(1)(b)", "Art. 23(2)(f)", "BIIb 7(1)", "BIIa 8(1)", "1980 Art. 16"):
            assert citation(cited).anchor in anchors, cited
    assert {"art-7", "biib-7", "1980art-16"} <= anchors
    for instrument in book.articles_file.instruments.values():
        assert f'href="{html_lib.escape(instrument.official_text)}"' in html


def test_articles_search_by_number_and_by_words(client: FlaskClient) -> None:
    seven = articles(page(client, "/reference/articles?q=7"))
    assert "art-7" in seven and "biib-7" in seven and "art-17" not in seven
    assert articles(page(client, "/reference/articles?q=Art. 7")) == {"art-7"}
    assert articles(page(client, "/reference/articles?q=1980 Art. 16")) == {"1980art-16"}
    words = articles(page(client, "/reference/articles?q=placement foster"))
    assert "art-33" in words and "art-7" not in words
