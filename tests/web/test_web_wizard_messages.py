"""Case-model messages in plain words, in the UI language."""

from __future__ import annotations

from flask import Flask

from hague.web.wizard_check import _plain


def test_a_french_label_beginning_with_etat_keeps_its_capital(app: Flask) -> None:
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        text = _plain("must differ from removal.from", "removal.to")
    assert "État d'où l'enfant a été emmené" in text and "removal.from" not in text


def test_dates_in_messages_read_as_long_dates(app: Flask) -> None:
    with app.test_request_context():
        text = _plain("is before the birth date 2015-04-02", "habitual_residence[0].from")
    assert "2 April 2015" in text and "2015-04-02" not in text
