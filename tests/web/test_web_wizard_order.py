"""State lists follow the alphabet of the UI language."""

from __future__ import annotations

from hague.web.helpers import book
from hague.web.wizard_options import _state_groups


def _labels(lang: str) -> tuple[list[str], list[str]]:
    parties, others = _state_groups(lang, book().version)
    return [c.label for c in parties.choices], [c.label for c in others.choices]


def test_norwegian_lists_put_o_slash_and_a_ring_after_z() -> None:
    parties, others = _labels("nb")
    assert parties[-1] == "Østerrike"
    assert others.index("Øst-Timor") > others.index("Zimbabwe") and others[-1] == "Åland"


def test_english_lists_file_accented_names_with_their_letter() -> None:
    _parties, others = _labels("en")
    assert others.index("Afghanistan") < others.index("Åland Islands") < others.index("Algeria")
