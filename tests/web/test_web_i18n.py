"""The web UI in English, French and Norwegian Bokmål: complete catalogues, translated pages, State names."""

from __future__ import annotations

import html
import importlib.machinery
import importlib.util
import re
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from flask import Flask
from flask.testing import FlaskClient

from hague.rulebook import default_rulebook
from hague.web.helpers import state_name

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@cache
def tool() -> ModuleType:
    """scripts/translations, loaded as a module (it has no .py suffix)."""
    loader = importlib.machinery.SourceFileLoader("translations_tool", str(ROOT / "scripts" / "translations"))
    spec = importlib.util.spec_from_loader("translations_tool", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@cache
def template() -> Catalog:
    return tool().template()


def ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def strings(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string or "",)


def page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return html.unescape(response.get_data(as_text=True))


def choose(client: FlaskClient, lang: str, back: str = "/") -> None:
    response = client.post("/language", data={"lang": lang, "next": back})
    assert response.status_code == 302


# --------------------------------------------------------------------------- the catalogues


@pytest.mark.parametrize("lang", ["fr", "nb"])
def test_every_extracted_msgid_has_a_translation(lang: str) -> None:
    """The --check of scripts/translations: nothing missing, nothing fuzzy, no bad placeholder or markup."""
    found = tool().status(tool().load(lang), template())
    assert found["untranslated"] == [], f"{len(found['untranslated'])} untranslated in {lang}; run scripts/translations"
    assert found["fuzzy"] == []
    assert found["bad"] == []
    assert len(found["translated"]) > 1000


def test_the_template_holds_code_templates_and_rules_text() -> None:
    pot = template()
    assert "Which State's authorities may act for this child?" in pot  # templates/web/home.html
    assert "Contracting Parties" in pot  # hague/web/nav.py, a lazy string
    assert "What is the child's date of birth?" in pot  # rules/questions.yaml
    assert "Foster placement" in pot  # rules/measures.yaml, a label
    assert "Scotland" in pot  # a unit pycountry does not translate
    assert all(not message.id or message.locations for message in pot)
    book = default_rulebook()
    for step in book.questions_file.steps:
        assert step.title in pot and all(q.text in pot and q.label in pot for q in step.questions)
    assert all(m.label in pot for m in book.measures.values())


@pytest.mark.parametrize("lang", ["fr", "nb"])
def test_placeholders_match_and_no_markup_is_added(lang: str) -> None:
    for message in tool().load(lang):
        if not message.id or not all(strings(message)):
            continue
        names = [sorted(set(PLACEHOLDER.findall(i))) for i in ids(message)]
        for text in strings(message):
            assert sorted(set(PLACEHOLDER.findall(text))) in names, (message.id, text)
            assert ("<" in text) <= any("<" in i for i in ids(message)), (message.id, text)


def test_the_check_mode_fails_on_a_missing_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    pot = Catalog()
    pot.add("A sentence nobody translated")
    pot.add("%(n)s cases", flags=["python-format"])
    catalogue = Catalog(locale="fr")
    catalogue.add("%(n)s cases", "%(count)s dossiers", flags=["python-format"])
    found = tool().status(catalogue, pot)
    assert found["untranslated"] == ["A sentence nobody translated"]
    assert len(found["bad"]) == 1 and "placeholders" in found["bad"][0]
    monkeypatch.setattr(tool(), "template", lambda: pot)
    monkeypatch.setattr(tool(), "updated", lambda lang, template: catalogue)
    assert tool().main(["--check"]) == 1


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize(("lang", "heading", "nav", "switch"), [
    ("fr", "Les autorités de quel État peuvent agir pour cet enfant ?", "Analyser une situation", "Langue"),
    ("nb", "Hvilken stats myndigheter kan treffe tiltak for dette barnet?", "Vurder en sak", "Språk"),
])
def test_home_page_in_french_and_norwegian(client: FlaskClient, lang: str, heading: str, nav: str, switch: str) -> None:
    choose(client, lang)
    text = page(client, "/")
    assert heading in text and nav in text and switch in text
    assert "Which State's authorities may act for this child?" not in text
    assert f'lang="{lang}"' in text


def test_the_browser_language_is_the_default(client: FlaskClient) -> None:
    response = client.get("/", headers={"Accept-Language": "no;q=1, en;q=0.5"})
    assert "Hvilken stats myndigheter" in html.unescape(response.get_data(as_text=True))
    response = client.get("/", headers={"Accept-Language": "fr-CH, en;q=0.5"})
    assert "Les autorités de quel État" in html.unescape(response.get_data(as_text=True))


def first_step() -> str | None:
    steps = default_rulebook().questions_file.steps
    return steps[0].id if steps else None


@pytest.mark.parametrize(("lang", "title", "question"), [
    ("fr", "Qui pose la question", "La juridiction ou l'autorité de quel État envisage la mesure ?"),
    ("nb", "Hvem som spør", "Hvilken stats domstol eller myndighet vurderer tiltaket?"),
])
def test_a_wizard_page_shows_the_rules_text_translated(app: Flask, client: FlaskClient, lang: str, title: str,
                                                        question: str) -> None:
    step = first_step()
    if step is None or "wizard.step" not in app.view_functions:
        pytest.skip("the wizard is not there yet")
    response = client.get(f"/assess/step/{step}")
    if response.status_code == 404:
        pytest.skip("no wizard step page at /assess/step/<id>")
    choose(client, lang, f"/assess/step/{step}")
    text = page(client, f"/assess/step/{step}")
    assert title in text and question in text
    assert "Which State's court or authority is considering the measure?" not in text


def test_the_language_choice_persists_across_pages(app: Flask, client: FlaskClient) -> None:
    choose(client, "nb", "/")
    others = [rule.rule for rule in app.url_map.iter_rules()
              if rule.endpoint in ("reference.states", "reference.measures", "wizard.start") and "GET" in (rule.methods or ())]
    for path in ["/", *others, "/"]:
        text = page(client, path)
        assert 'lang="nb"' in text and "Språk" in text, path
    choose(client, "en", "/")
    assert "Which State's authorities may act for this child?" in page(client, "/")


def test_an_unknown_language_is_ignored(client: FlaskClient) -> None:
    choose(client, "fr")
    choose(client, "xx")
    assert "Les autorités de quel État" in page(client, "/")


# --------------------------------------------------------------------------- State names


@pytest.mark.parametrize(("lang", "norway", "poland", "kingdom"), [
    ("en", "Norway", "Poland", "United Kingdom"),
    ("fr", "Norvège", "Pologne", "Royaume-Uni"),
    ("nb", "Norge", "Polen", "Storbritannia"),
])
def test_state_names_in_the_ui_language(app: Flask, lang: str, norway: str, poland: str, kingdom: str) -> None:
    with app.test_request_context("/", headers={"Accept-Language": lang}):
        assert (state_name("NO"), state_name("PL"), state_name("GB")) == (norway, poland, kingdom)


@pytest.mark.parametrize(("lang", "scotland", "wales", "nsw"), [
    ("en", "United Kingdom – Scotland", "United Kingdom – Wales", "Australia – New South Wales"),
    ("fr", "Royaume-Uni – Écosse", "Royaume-Uni – pays de Galles", "Australie – Nouvelle-Galles-du-Sud"),
    ("nb", "Storbritannia – Skottland", "Storbritannia – Wales", "Australia – New South Wales"),
])
def test_unit_names_are_localised(app: Flask, lang: str, scotland: str, wales: str, nsw: str) -> None:
    with app.test_request_context("/", headers={"Accept-Language": lang}):
        assert state_name("GB-SCT") == scotland
        assert state_name("GB-WLS") == wales  # pycountry's "Wales [Cymru GB-CYM]" without the alias
        assert state_name("AU-NSW") == nsw  # pycountry's own French name where it has one


def test_state_name_edge_cases(app: Flask) -> None:
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert state_name(None) == "" and state_name("") == ""
        assert state_name("unknown") == "inconnu"
        assert state_name("XK") == default_rulebook().state_name("XK")  # no name anywhere: as the rulebook gives it
        assert state_name("CR") == "Costa Rica"  # spelt the same: not pycountry's official name
    assert state_name("NO") == "Norway"  # outside a request: English


def test_pages_show_state_names_in_the_ui_language(app: Flask, client: FlaskClient) -> None:
    if "reference.states" not in app.view_functions:
        pytest.skip("no States reference page")
    choose(client, "fr")
    rule = next(r.rule for r in app.url_map.iter_rules() if r.endpoint == "reference.states")
    text = page(client, rule)
    assert "Norvège" in text or "Allemagne" in text
