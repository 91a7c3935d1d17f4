"""The reference pages in Chromium: filter.js filters as one types, under the strict CSP, and axe-core finds
no serious accessibility problem. Skipped where Debian's Chromium is not installed."""

from __future__ import annotations

from typing import Any

import pytest
from e2e_support import axe_violations


@pytest.fixture(scope="module")
def page(module_page: Any) -> Any:
    return module_page


def visible(page: Any, selector: str, attribute: str) -> list[str]:
    values: list[str] = page.eval_on_selector_all(
        selector, f"els => els.filter(e => !e.closest('[hidden]')).map(e => e.getAttribute('{attribute}'))")
    return values



def test_states_filter_as_one_types(page: Any, live_server: str) -> None:
    page.goto(live_server + "/reference/states")
    total = len(visible(page, "#states-table tbody tr", "data-code"))
    page.fill("#q", "Salv")
    assert visible(page, "#states-table tbody tr", "data-code") == ["SV"]
    assert page.inner_text("#filter-count") == f"1 of {total} States shown"
    assert "q=Salv" in page.url  # the address keeps the search, as the server would
    page.fill("#q", "turkiye")  # accents folded as on the server
    assert visible(page, "#states-table tbody tr", "data-code") == ["TR"]
    page.fill("#q", "zzz")
    assert visible(page, "#states-table tbody tr", "data-code") == [] and page.is_visible("#filter-empty")
    page.fill("#q", "")
    assert len(visible(page, "#states-table tbody tr", "data-code")) == total
    assert page.errors == []


def test_measures_and_articles_filter_with_their_groups(page: Any, live_server: str) -> None:
    page.goto(live_server + "/reference/measures")
    page.fill("#q", "fosterhjem")
    shown = visible(page, ".measure", "id")
    assert "measure-foster_placement" in shown and "measure-adoption" not in shown
    assert page.is_hidden("#group-excluded") and page.is_visible("#group-placement")
    page.goto(live_server + "/reference/articles?q=7")
    assert {"art-7", "biib-7"} <= set(visible(page, ".article", "id"))  # the server's filter, before any typing
    page.fill("#q", "1980 Art. 16")
    assert visible(page, ".article", "id") == ["1980art-16"]
    assert page.is_hidden("#instrument-hcch1996")
    assert page.errors == []


@pytest.mark.parametrize("path", ["/reference/states?as_of=2025-07-01", "/reference/states/DK", "/reference/measures",
                                  "/reference/articles", "/reference/states?as_of=2025-13-01"])
def test_reference_pages_are_accessible(page: Any, live_server: str, path: str) -> None:
    page.goto(live_server + path)
    assert [v['id'] for v in axe_violations(page)] == []
    assert page.errors == [] or path.endswith("13-01")  # the 400 page logs its status in the console
