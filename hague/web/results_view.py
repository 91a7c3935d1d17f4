"""Words and badges for the values of an assessment (display only: every finding comes from the engine)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale, UnknownLocaleError
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hague.engine.cooperation import NOTES
from hague.engine.findings import Action
from hague.web.helpers import book, state_name

# status -> (label, badge modifier); Art. 13 is cited beside the "must abstain" badge
STATUS = {"competent": (_l("May act"), "ok"), "must_abstain": (_l("Must abstain"), "warn"),
          "ended": (_l("Ended"), "bad"), "lapsed": (_l("Lapsed"), "bad")}
BASIS = {
    "habitual_residence": _l("habitual residence"), "presence_displaced": _l("presence of a refugee or displaced child"),
    "presence_unknown_residence": _l("presence, habitual residence unknown"),
    "retained_after_wrongful_removal": _l("kept after a wrongful removal or retention"), "transfer": _l("transfer"),
    "divorce_court": _l("court of the divorce or separation"), "urgency": _l("urgency"),
    "provisional_territorial": _l("provisional measures with territorial effect"),
    "property_reservation": _l("reservation on property"), "national_law": _l("national law"),
    "brussels_iib": _l("Brussels IIb Regulation"),
}
REGIME = {"hcch1996": _l("the 1996 Hague Convention"), "brussels_iib": _l("the Brussels IIb Regulation (EU) 2019/1111"),
          "brussels_iia": _l("the Brussels IIa Regulation (EC) 2201/2003"), "national_law": _l("national law"),
          "none": _l("no instrument")}
ADDRESSEE = {"central_authority": _l("the Central Authority"), "competent_authority": _l("the competent authority"),
             "designated_authority": _l("the authority designated under Art. 44"), "parties": _l("the parties")}
FLAG = {"interpretation": (_l("Unsettled point"), "warn"), "discretion": (_l("Discretion"), "info"),
        "data": (_l("Data to verify"), "warn"), "warning": (_l("Warning"), "bad")}
EXISTING = {"in_force": (_l("In force"), "ok"), "lapsed": (_l("Lapsed"), "bad"), "ended": (_l("Ended"), "bad"),
            "unknown": (_l("Status unknown"), "warn")}
RECOGNISED = {True: (_l("Recognised by operation of law"), "ok"), False: (_l("Not recognised there"), "bad"),
              None: (_l("Left to national law"), "info")}


def label(table: dict[Any, Any], key: Any) -> str:
    value = table.get(key, key)
    return str(value[0] if isinstance(value, tuple) else value)


def badge(table: dict[Any, tuple[Any, str]], key: Any) -> str:
    return table[key][1] if key in table else "info"


def article_cite(article: str) -> str | None:
    """A finding's Article as a citation ("Art. 5(2)", "BIIb 7(1)"); None for national law."""
    if article == "national":
        return None
    return article if article.startswith(("BIIb", "BIIa", "1980")) else f"Art. {article}"


def head_cite(head: str) -> str:
    """An Art. 8(2) head or Art. 23(2) ground as written in the assessment ("8(2)(a)") as a citation."""
    return head if head.startswith(("Art.", "BIIb", "BIIa")) else f"Art. {head}"


def state(code: str | None) -> str:
    """A State's name in the UI language (Norge, Norvège), as the wizard's lists name it."""
    return state_name(code)


DOCUMENT_TITLES = {"art33_consent_reply": _l("Reply to an Art. 33 consultation: consent or refusal")}
# what the draft button calls the document: most are requests, but a notice or a certificate is not
DRAFT_LABELS = {"art36_danger_notice": _l("Draft this notice"), "art40_certificate": _l("Draft this certificate"),
                "art8_invitation_to_parties": _l("Draft this letter to the parties"),
                "art9_invitation_to_parties": _l("Draft this letter to the parties"),
                "art33_consent_reply": _l("Draft this reply")}


def action_title(action: str) -> str:
    """The title of a co-operation action, route or document from rules/requests.yaml, translatable."""
    record = book().requests.get(action)
    if record:
        return str(_(record.title))
    return str(DOCUMENT_TITLES.get(action, action.replace("_", " ")))


def draft_label(document: str) -> str:
    """The words of the button that opens the drafting form of a document."""
    return str(DRAFT_LABELS.get(document) or _("Draft this request"))


def measure_label(key: str | None) -> str:
    record = book().measures.get(key or "")
    return _(record.label) if record else (key or "")


def language_name(code: str) -> str:
    """A language's name in the UI language (nb -> Norwegian Bokmål)."""
    try:
        return Locale.parse(code).get_display_name(get_locale() or "en") or code
    except (UnknownLocaleError, ValueError):
        return code


def languages(codes: list[str]) -> str:
    return ", ".join(f"{language_name(c)} ({c})" for c in codes)


def split_notes(notes: list[str]) -> tuple[list[str], list[str]]:
    """An action's notes: those particular to this case, and the general rules every request shares (Art. 38, 41-43)."""
    return [n for n in notes if n not in NOTES], [n for n in notes if n in NOTES]


def general_notes(actions: list[Action]) -> list[str]:
    """The general rules of all the actions, once each, in their order."""
    return [n for n in NOTES if any(n in a.notes for a in actions)]


def duty(action: Action) -> tuple[str, str]:
    return (_("MUST"), "bad") if action.mandatory else (_("may"), "info")


def duties_first(actions: list[Action]) -> list[Action]:
    """The actions with the duties (MUST) first, otherwise in the engine's order."""
    return sorted(actions, key=lambda a: not a.mandatory)


def action_anchor(action: Action) -> str:
    return f"action-{action.action}-{action.to}".replace("_", "-").lower()


def art37_blocked(action: Action) -> bool:
    """Whether the engine holds this action back for the Art. 37 assessment (to link to its question)."""
    return any("Art. 37" in b for b in action.blocked_by)


def fact_value(value: Any) -> str:
    """A trace fact for reading: lists joined, mappings as key: value, dates in ISO."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {fact_value(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(fact_value(v) for v in value) or "—"
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "—"
    return str(value)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def existing_measure(case_measures: list[Any], index: int) -> str:
    """How to name an existing measure of the case: its kind, State and date."""
    if 0 <= index < len(case_measures):
        m = case_measures[index]
        return str(_("%(kind)s taken by %(state)s on %(date)s", kind=measure_label(m.type), state=state(m.state), date=iso(m.date)))
    return str(_("measure #%(n)s", n=index))

