"""The case model's cross-field messages (dates out of order, a removal that contradicts the history) in words
of the UI language, so that a Norwegian or French page never shows an English sentence at a field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from babel.dates import format_date

from hague.case import FieldError
from hague.web.helpers import state_name
from hague.web.i18n import current_language
from hague.web.wizard_steps import _

_D = r"(\d{4}-\d{2}-\d{2})"


def long_date(day: dt.date) -> str:
    """A date in words in the UI language; English in the order used in Europe ("10 May 2014", never "May 10")."""
    lang = current_language()
    return str(format_date(day, "long", locale="en_GB" if lang == "en" else lang))


def _day(text: str) -> str:
    return long_date(dt.date.fromisoformat(text))


def _removal_before(m: re.Match[str]) -> str:
    if m.group(1) == "retention":
        return _("Is before the retention on %(date)s.", date=_day(m.group(2)))
    return _("Is before the removal on %(date)s.", date=_day(m.group(2)))


def _history(m: re.Match[str]) -> str:
    state, date = state_name(m.group(1)), _day(m.group(3))
    if m.group(2) == "retention":
        return _("The habitual residence history shows %(state)s immediately before the retention on %(date)s; the State "
                 "the child was taken from must be that State.", state=state, date=date)
    return _("The habitual residence history shows %(state)s immediately before the removal on %(date)s; the State the "
             "child was taken from must be that State.", state=state, date=date)


# (pattern of hague.case's message, its words); the first that matches the whole message is used
KNOWN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"is before the birth date {_D}; a residence period cannot start before birth"),
     lambda m: _("Is before the birth date %(date)s; a residence period cannot start before birth.", date=_day(m.group(1)))),
    (re.compile(rf"is after as_of {_D}; record only residence that has begun"),
     lambda m: _("Is after the date of the assessment (%(date)s); record only residence that has begun.", date=_day(m.group(1)))),
    (re.compile(rf"is after as_of {_D}; record only proceedings already begun"),
     lambda m: _("Is after the date of the assessment (%(date)s); record only proceedings already begun.",
                 date=_day(m.group(1)))),
    (re.compile(rf"is after as_of {_D}; an existing measure must already be taken"),
     lambda m: _("Is after the date of the assessment (%(date)s); an existing measure must already be taken.",
                 date=_day(m.group(1)))),
    (re.compile(rf"is after as_of {_D}"), lambda m: _("Is after the date of the assessment (%(date)s).", date=_day(m.group(1)))),
    (re.compile(rf"is before the birth date {_D}"), lambda m: _("Is before the birth date %(date)s.", date=_day(m.group(1)))),
    (re.compile(r"is before the birth date"), lambda m: _("Is before the birth date.")),
    (re.compile(rf"is before the (removal|retention) on {_D}"), _removal_before),
    (re.compile(rf"habitual_residence shows ([A-Z]{{2}}(?:-[A-Z0-9]{{1,3}})?) immediately before the (removal|retention) on {_D}; .*"),
     _history),
    (re.compile(r"must differ from removal\.from"), lambda m: _("Must differ from the State the child was taken from.")),
    (re.compile(r"must differ from 'from'"), lambda m: _("Must differ from the State giving up jurisdiction.")),
    (re.compile(rf"final_on {_D} is before commenced {_D}"),
     lambda m: _("The date the decision became final or the proceedings ended (%(final)s) is before the date the "
                 "proceedings began (%(commenced)s).", final=_day(m.group(1)), commenced=_day(m.group(2)))),
]


def known_message(error: FieldError) -> str | None:
    """The message in words of the UI language, if it is one of the case model's cross-field checks."""
    for pattern, words in KNOWN:
        match = pattern.fullmatch(error.message)
        if match:
            try:
                return words(match)
            except ValueError:  # a date the model quoted that is not a date: leave the message to the general rule
                return None
    return None
