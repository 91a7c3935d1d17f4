import datetime as dt
import shutil

import pytest

from hague.engine import status
from hague.rulebook import RulesError, load_rulebook


def test_norway_unquoted_in_rules_is_norway(book):
    assert book.states["NO"].name == "Norway"
    assert book.states["NO"].entry_into_force == dt.date(2016, 7, 1)


def test_every_contracting_party_of_the_reference_is_there(book):
    parties = [c for c, s in book.states.items() if s.status in ("contracting", "ratified_not_in_force")]
    assert len(parties) == 56
    assert {"AR", "CA", "US"} <= {c for c, s in book.states.items() if s.status == "signed_only"}


def test_denmark_is_eu_but_not_bound_by_brussels_iib(book):
    assert book.states["DK"].eu_member and not status.eu_binds(book, "DK")
    assert status.eu_binds(book, "FI") and not status.eu_binds(book, "NO")


@pytest.mark.parametrize(("code", "day", "expected"), [
    ("NO", dt.date(2016, 6, 30), False), ("NO", dt.date(2016, 7, 1), True),
    ("SV", dt.date(2025, 6, 30), False), ("SV", dt.date(2025, 7, 1), True),
    ("US", dt.date(2026, 1, 1), False), ("BZ", dt.date(2026, 1, 1), None), ("TN", dt.date(2026, 1, 1), False),
])
def test_contracting_on_a_date(book, code, day, expected):
    assert status.contracting(book, code, day).value is expected


def test_unknown_entry_into_force_is_flagged_never_silently_decided(book):
    bound = status.contracting(book, "BZ", dt.date(2026, 1, 1))
    assert bound.value is None and "not confirmed" in (bound.caution or "")


def test_unverified_date_is_used_with_a_caution(book):
    bound = status.contracting(book, "IT", dt.date(2026, 1, 1))
    assert bound.value is True and "not confirmed" in (bound.caution or "")


def test_denmark_objected_to_el_salvador(book):
    assert status.in_force_between(book, "DK", "SV", dt.date(2026, 1, 1)).value is False
    assert status.in_force_between(book, "NO", "SV", dt.date(2026, 1, 1)).value is True


def test_every_measure_key_of_the_contract_is_classified(book):
    required = {"parental_responsibility": ("3(a)",), "custody": ("3(b)",), "access": ("3(b)",), "return_order": ("3(b)",),
                "guardianship": ("3(c)",), "representative": ("3(d)",), "foster_placement": ("3(e)",),
                "institutional_placement": ("3(e)",), "kafala": ("3(e)",), "supervision": ("3(f)",),
                "property_administration": ("3(g)",), "care_order": ("3(a)", "3(e)"), "in_home_support": ("1(1)(a)",),
                "medical_consent": ("3(d)",), "other_protective": ("1(1)(a)",)}
    for key, articles in required.items():
        assert tuple(book.measures[key].convention) == articles, key
    for key in ("foster_placement", "institutional_placement", "kafala"):
        assert book.measures[key].art33_abroad
    excluded = {"filiation": "4(a)", "adoption": "4(b)", "name": "4(c)", "emancipation": "4(d)", "maintenance": "4(e)",
                "trust_succession": "4(f)", "social_security": "4(g)", "public_education_health": "4(h)",
                "penal_measure": "4(i)", "asylum_immigration": "4(j)"}
    for key, letter in excluded.items():
        assert book.measures[key].excluded_by == letter, key


def test_seed_measures_have_local_names(book):
    local = {name for m in book.measures.values() for name in m.local_names.values()}
    for word in ("støttekontakt", "fosterhjem", "familieråd"):
        assert any(word in name.lower() for name in local), word


def test_every_article_1_to_63_has_a_summary(book):
    articles = book.articles_file.instruments["hcch1996"].articles
    assert set(articles) == {str(i) for i in range(1, 64)}
    assert all(len(a.summary) > 40 for a in articles.values())


@pytest.mark.parametrize("citation", ["Art. 5(2)", "Art. 23(2)(f)", "BIIb 7(1)", "1980 Art. 16", "BIIa 8(1)"])
def test_citations_resolve(book, citation):
    assert book.article(citation) is not None


def test_no_treaty_text_pasted(root):
    text = "\n".join(p.read_text() for p in (root / "rules").glob("*.yaml"))
    assert "The objects of the present Convention are" not in text
    assert "The judicial or administrative authorities of the Contracting State of the habitual residence" not in text


def test_a_broken_rules_file_is_named(root, tmp_path):
    shutil.copytree(root / "rules", tmp_path / "rules")
    (tmp_path / "rules" / "states.yaml").write_text("meta: [unclosed\n")
    with pytest.raises(RulesError) as info:
        load_rulebook(tmp_path / "rules")
    assert "states.yaml" in str(info.value) and "line" in str(info.value)


def test_rules_version_changes_with_the_rules(root, tmp_path, book):
    shutil.copytree(root / "rules", tmp_path / "rules")
    with (tmp_path / "rules" / "questions.yaml").open("a") as f:
        f.write("\n# a comment changes the version\n")
    assert load_rulebook(tmp_path / "rules").version != book.version
