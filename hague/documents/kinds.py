"""The documents: for each, the action that opens it, its model, its template, and what it adds to the letter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hague.documents import build
from hague.documents.build import Source
from hague.documents.models import (
    Art8Invitation,
    Art8Request,
    Art9Invitation,
    Art9Request,
    Art24Recognition,
    Art26Enforceability,
    Art31cLocate,
    Art32Report,
    Art33ConsentReply,
    Art33Consultation,
    Art34Information,
    Art35AccessFinding,
    Art35Assistance,
    Art36Danger,
    Art40Certificate,
    Letter,
    ProceedingRow,
    RecognitionRow,
)
from hague.engine import status

Extra = Callable[[Source], dict[str, Any]]


@dataclass(frozen=True)
class Kind:
    """One document: `opened_by` says, for the error message, which facts open its action."""

    key: str
    action: str
    model: type[Letter]
    adds: Extra  # what this document adds to the letter
    opened_by: str
    needs: tuple[str, ...] = build.NEEDS  # details the to-do box asks for
    cited: tuple[str, ...] = build.ALWAYS_CITED  # general provisions listed under the legal basis
    shows: tuple[str, ...] = ("reasons", "request")  # free-text fields of the details the document shows

    @property
    def template(self) -> str:
        return f"documents/{self.key}.html"


def letter(kind: Kind, src: Source) -> Letter:
    """Build the document's model: the shared letter plus what this document adds."""
    d = src.details
    languages = build.language_block(src)
    fields: dict[str, Any] = {
        "document": kind.key, "action": src.action.action, "article": src.action.article, "mandatory": src.action.mandatory,
        "date": d.date or src.as_of, "our_reference": d.our_reference, "their_reference": d.their_reference,
        "sender": build.sender_block(src), "addressee": build.addressee_block(src), "legal_basis": build.legal_basis(src, kind.cited),
        "official_text": build.official_text(src), "child": build.child_block(src), "persons": d.persons,
        "ground": build.ground(src), "reasons": d.reasons, "request": d.request, "reply_by": d.reply_by,
        "attachments": d.attachments, "languages": languages, "art37_recorded_on": build.art37_recorded_on(src),
        "extra": {k: v for k in d.extra if (v := d.text(k))},
    }
    free_text = bool(fields["extra"]) or any(getattr(d, name) for name in kind.shows)
    fields["notes"] = [*build.notes(src, kind.needs), *build.language_notes(languages, free_text)]
    fields.update(kind.adds(src))
    return kind.model(**fields)


def _transfer(article: str) -> Extra:
    def extra(src: Source) -> dict[str, Any]:
        a, case = src.action, src.case
        option = next((o for o in src.assessment.transfer_options
                       if o.article == article and o.from_ == a.from_ and o.to == a.to), None)
        in_view = [case.measure.type] if case.measure else []
        rows = [ProceedingRow(state=p.state, kind=p.kind, commenced=p.commenced, status=p.status, measures=p.measures)
                for p in case.proceedings]
        in_view += [m for p in case.proceedings for m in p.measures if m not in in_view]
        return {"heads": option.eligible_under if option else [], "measures_in_view": in_view, "proceedings": rows,
                **({"ground": None} if article == "9" else {})}
    return extra


def _locate(src: Source) -> dict[str, Any]:
    removal = src.case.removal
    return {"believed_in": src.action.to, "removal_date": removal.date if removal else None,
            "removal_from": removal.from_ if removal else None}


def _report(src: Source) -> dict[str, Any]:
    s, child = src.action.from_, src.case.child
    former = [r.state for r in src.case.habitual_residence[:-1]]
    links = [("nationality", child.nationalities), ("substantial_connection", child.substantial_connection),
             ("property", child.property_in), ("former_residence", former)]
    asked = src.details.text("asked")
    return {"connections": [key for key, states in links if s in states],
            "asked": asked if asked in ("report", "measures", "both") else "report"}


def _placement(src: Source) -> dict[str, Any]:
    m = src.case.measure
    assert m is not None and m.placement_state is not None  # the action exists only for a placement abroad
    return {"measure_type": m.type, "placement_state": m.placement_state, "measure_date": m.date, "consent": m.art33_consent}


def _consent_reply(src: Source) -> dict[str, Any]:
    fields = _placement(src)
    chosen = src.details.text("decision")
    decision = chosen if chosen in ("consent", "refusal") else {True: "consent", False: "refusal"}.get(fields["consent"])
    return {**fields, "decision": decision}


def _information(src: Source) -> dict[str, Any]:
    return {"measure_type": src.case.measure.type if src.case.measure else None,
            "through_central_authority": src.action.addressee == "central_authority"}


def _assistance(src: Source) -> dict[str, Any]:
    return {"measures": build.measures_by(src, src.action.from_)}


def _access(src: Source) -> dict[str, Any]:
    return {"parent_state": src.action.from_, "residence_state": src.action.to, "ground": build.ground(src, src.action.to)}


def _danger(src: Source) -> dict[str, Any]:
    bound = status.contracting(src.book, src.action.to, src.as_of).value
    return {"moved_to": src.action.to, "measure_type": src.case.measure.type if src.case.measure else None,
            "measures": build.measures_by(src, src.action.from_), "non_contracting": bound is False}


def _certificate(src: Source) -> dict[str, Any]:
    law = src.assessment.applicable_law.parental_responsibility if src.assessment.applicable_law else None
    holders = [p for p in src.details.persons if p.parental_responsibility]
    return {"pr_law_state": law.state if law else None, "pr_law_article": law.article if law else None,
            "measures": build.measures_by(src, src.action.from_), "holders": holders}


def _recognition(src: Source) -> dict[str, Any]:
    rows = []
    for r in src.assessment.recognition:
        if r.in_ != src.action.to or src.action.action not in r.routes:
            continue
        m = src.case.existing_measures[r.measure]
        row = build.measures_by(src, m.state)
        rows += [RecognitionRow(measure=x, recognised=r.recognised, grounds_for_refusal=r.grounds_for_refusal,
                                to_check=r.to_check, reasons=r.reasons) for x in row if x.index == r.measure]
    return {"recognitions": rows, "ground": None}


_TRANSFER = ("the sending State has general jurisdiction (Art. 5 or 6) and another Contracting State is eligible under "
             "Art. 8(2): the child's nationality (child.nationalities), property (child.property_in), a pending divorce "
             "(proceedings) or a substantial connection (child.substantial_connection, or a former habitual residence)")
_KINDS = [
    Kind("art8_transfer_request", "art8_transfer_request", Art8Request, _transfer("8"), _TRANSFER),
    Kind("art8_invitation_to_parties", "art8_invitation_to_parties", Art8Invitation, _transfer("8"), _TRANSFER),
    Kind("art9_transfer_request", "art9_transfer_request", Art9Request, _transfer("9"),
         "the forum is an Art. 8(2) State (nationality, property, divorce court or substantial connection) and the child's "
         "habitual residence is in another Contracting State"),
    Kind("art9_invitation_to_parties", "art9_invitation_to_parties", Art9Invitation, _transfer("9"),
         "the forum is an Art. 8(2) State and the child's habitual residence is in another Contracting State"),
    Kind("art31c_locate_child", "art31c_locate_child", Art31cLocate, _locate,
         "child.present_in is unknown, the forum's authorities have jurisdiction, and danger.moved_to or removal.to names the "
         "State where the child appears to be"),
    Kind("art32_report_request", "art32_report_request", Art32Report, _report,
         "the forum has no general jurisdiction but a substantial connection with the child (nationality, property, "
         "substantial connection or former residence), and the child is habitually resident and present in the requested State"),
    Kind("art33_placement_consultation", "art33_placement_consultation", Art33Consultation, _placement,
         "a placement abroad is contemplated: measure.type foster_placement, institutional_placement or kafala, with "
         "measure.placement_state another Contracting State, by a forum with jurisdiction under Art. 5-10"),
    Kind("art33_consent_reply", "art33_placement_consultation", Art33ConsentReply, _consent_reply,
         "an Art. 33 consultation is open (see art33_placement_consultation)", needs=("authority", "our_reference", "child"),
         cited=("Art. 23", "Art. 41", "Art. 42", "Art. 43"), shows=()),
    Kind("art34_information_request", "art34_information_request", Art34Information, _information,
         "a measure is contemplated (measure), the forum has jurisdiction, and information_held_in names another State"),
    Kind("art35_implementation_assistance", "art35_implementation_assistance", Art35Assistance, _assistance,
         "the forum took a measure (existing_measures[].state) and the child is now present or resident in another State"),
    Kind("art35_2_access_finding", "art35_2_access_finding", Art35AccessFinding, _access,
         "access_parent_residence names the State where a parent seeking access lives, not the child's habitual residence, "
         "and the forum is that State or not given"),
    Kind("art36_danger_notice", "art36_danger_notice", Art36Danger, _danger,
         "danger.serious is true and danger.moved_to (or child.present_in) names another State",
         needs=("authority", "contact", "our_reference", "child", "reasons")),
    Kind("art40_certificate", "art40_certificate", Art40Certificate, _certificate,
         "the forum is the child's habitual residence or took a measure (existing_measures)",
         needs=("authority", "contact", "child"), cited=("Art. 43", "Art. 54"), shows=()),
    Kind("art24_advance_recognition", "art24_advance_recognition", Art24Recognition, _recognition,
         "an existing measure (existing_measures[]) lists the State in recognition_sought_in"),
    Kind("art26_enforceability", "art26_enforceability", Art26Enforceability, _recognition,
         "an existing measure lists the State in recognition_sought_in and is enforceable_in_origin: true"),
]
KINDS: dict[str, Kind] = {k.key: k for k in _KINDS}


class DraftError(ValueError):
    """The document cannot be drafted for this case: the message says why and what would change that."""


def kind_of(document: str) -> Kind:
    try:
        return KINDS[document]
    except KeyError:
        raise DraftError(f"'{document}' is not a document hague drafts; choose one of: {', '.join(KINDS)}") from None
