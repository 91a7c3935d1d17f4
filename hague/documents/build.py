"""The parts every document shares, taken from the case, the assessment's action and the details.

Nothing here decides law: the action (addressee, routing, languages, Art. 37 gate) comes from
``assessment.cooperation``; jurisdiction and recognition come from the assessment's findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from hague.case import Case
from hague.documents.details import Details
from hague.documents.i18n import N_, SUPPORTED
from hague.documents.models import (
    AddresseeBlock,
    ArticleRef,
    ChildBlock,
    Ground,
    LanguageBlock,
    MeasureRow,
    Note,
    SenderBlock,
)
from hague.engine.findings import Action, Assessment
from hague.rulebook import Rulebook

ALWAYS_CITED = ("Art. 37", "Art. 41", "Art. 42", "Art. 43", "Art. 54")
HCCH_AUTHORITIES = "https://www.hcch.net/en/instruments/conventions/authorities1/?cid=70"


@dataclass(frozen=True)
class Source:
    """Everything a document is a view of, and the languages chosen for it."""

    case: Case
    book: Rulebook
    assessment: Assessment
    action: Action
    details: Details
    document: str
    language: str  # the document's language: chosen for the receiving State (Art. 54) or by the user
    second: str | None  # bilingual: the sending language, laid out in the left column

    @property
    def as_of(self) -> dt.date:
        assert self.case.as_of is not None
        return self.case.as_of


def sending_language(src: Source) -> str:
    """The sending State's first official language we write in, else the free text's, else English."""
    record = src.book.state(src.action.from_)
    for code in [*(record.languages if record else ()), src.details.written_in or ""]:
        if code in SUPPORTED:
            return code
    return "en"


def written_in(src: Source) -> str | None:
    record = src.book.state(src.action.from_)
    return src.details.written_in or (record.languages[0] if record and record.languages else None)


def sender_block(src: Source) -> SenderBlock:
    s = src.details.sender
    return SenderBlock(state=src.action.from_, authority=s.authority, address=s.address, contact=s.contact, email=s.email,
                       phone=s.phone)


def addressee_block(src: Source) -> AddresseeBlock:
    a, d = src.action, src.details
    via = None
    if a.via is not None:
        via = a.from_ if a.action.startswith("art8") else a.to
    common: dict[str, Any] = {"state": a.to, "kind": a.addressee, "via_central_authority_of": via, "parties": d.persons}
    if d.addressee is not None:
        o = d.addressee
        name = " – ".join(x for x in (o.authority, o.contact) if x) or None
        return AddresseeBlock(**common, name=name, address=o.address, phone=o.phone, email=o.email, source="details",
                              verified=True)
    record = src.book.state(a.to)
    ca = record.central_authority if record else None
    if a.addressee == "central_authority" and ca is not None and ca.name:
        return AddresseeBlock(**common, name=ca.name, address=ca.address, phone=ca.phone, email=ca.email, website=ca.website,
                              source="rules", verified=ca.verified)
    return AddresseeBlock(**common)


def child_block(src: Source) -> ChildBlock:
    c, d = src.case, src.details.child
    current = c.habitual_residence[-1] if c.habitual_residence else None
    return ChildBlock(
        name=d.name, birth_date=c.child.birth_date, age=src.assessment.scope.child_age, nationalities=list(c.child.nationalities),
        habitual_residence=current.state if current else None, resident_since=current.from_ if current else None,
        present_in=c.child.present_in, address=d.address, languages=list(d.languages))


def legal_basis(src: Source, general: tuple[str, ...] = ALWAYS_CITED) -> list[ArticleRef]:
    """The Article of the action first, then the others it cites, then the general provisions the letter relies on."""
    refs: list[ArticleRef] = []
    for citation in [f"Art. {src.action.article}", *src.action.citations, *general]:
        number = citation.removeprefix("Art. ").split("(")[0]
        if not citation.startswith("Art. ") or any(r.number == number for r in refs):
            continue
        found = src.book.article(f"Art. {number}")
        refs.append(ArticleRef(citation=citation, number=number, title=found[1].title if found else None,
                               general=citation in general))
    return refs


def official_text(src: Source) -> str:
    found = src.book.article(f"Art. {src.action.article.split('(')[0]}")
    return found[0].official_text if found else "https://www.hcch.net/en/instruments/conventions/full-text/?cid=70"


def ground(src: Source, state: str | None = None) -> Ground | None:
    """The first competent jurisdiction finding of the sending State (findings are in order of precedence)."""
    for f in src.assessment.competent():
        if f.state == (state or src.action.from_):
            return Ground(state=f.state, article=f.article, basis=f.basis, reasons=f.reasons)
    return None


def art37_recorded_on(src: Source) -> dt.date | None:
    """The date of the Art. 37 record, for the actions Art. 37 governs (requests.yaml `art37_gate`)."""
    kind = src.book.requests.get(src.action.action)
    return src.as_of if kind is None or kind.art37_gate else None


def measures_by(src: Source, state: str) -> list[MeasureRow]:
    return [MeasureRow(index=i, state=m.state, type=m.type, date=m.date, article=m.article)
            for i, m in enumerate(src.case.existing_measures) if m.state == state]


def language_block(src: Source) -> LanguageBlock:
    """Art. 54 as the action's language plan has it; no plan (a document issued at home): no translation is due."""
    plan = src.action.language
    required = list(plan.translate_to) if plan else []
    fallback = [code for code in plan.fallback if code not in required] if plan else []
    status: Literal["official", "fallback", "other"] = (
        "official" if plan is None or src.language in required else "fallback" if src.language in fallback else "other")
    return LanguageBlock(document=src.language, second=src.second, receiving_state=src.action.to, required=required,
                         fallback=fallback, objected=list(plan.objected) if plan else [], status=status, written_in=written_in(src))


NEEDS = ("authority", "contact", "our_reference", "child", "reasons", "request", "reply_by")


def notes(src: Source, needs: tuple[str, ...] = NEEDS) -> list[Note]:
    """What the caseworker must complete or check before sending: shown on the draft until resolved.

    `needs` names the details this document cannot do without (see NEEDS).
    """
    a, d, out = src.action, src.details, []
    addressee = addressee_block(src)
    record = src.book.state(a.to)
    states = {"state": a.to}
    if a.addressee == "parties":
        if not d.persons:
            out.append(Note(text=N_("Name the parties and their addresses (details: persons).")))
    elif addressee.source == "none":
        text = {"central_authority": N_("The Central Authority of %(state)s is not in the rules data: look it up on the HCCH "
                                        "Authorities page and enter it under 'addressee' in the details."),
                "designated_authority": N_("%(state)s has designated authorities to receive this request (Art. 44): address "
                                           "it to the designated authority and enter it under 'addressee' in the details."),
                "competent_authority": N_("Name the competent authority of %(state)s and its address (details: addressee); "
                                          "the Central Authority can say which authority is competent.")}[a.addressee]
        out.append(Note(text=text, states=states))
    elif addressee.source == "rules" and not addressee.verified:
        out.append(Note(text=N_("The address of the Central Authority of %(state)s comes from unverified rules data: check it "
                                "on the HCCH Authorities page before sending."), states=states))
    if record is not None and record.central_authority.multiple and addressee.source != "details":
        out.append(Note(text=N_("%(state)s has several Central Authorities: send to the one designated to receive "
                                "communications, unless the competent one is known (Art. 29(2))."), states=states))
    if any("Brussels IIb" in n for n in a.notes):
        out.append(Note(text=N_("Both States are bound by the Brussels IIb Regulation: between them, co-operation runs "
                                "through the Central Authorities under the Regulation, which prevails; check its forms.")))
    fields = {"authority": (N_("the sending authority"), d.sender.authority), "contact": (N_("the contact person"), d.sender.contact),
              "our_reference": (N_("our reference"), d.our_reference), "child": (N_("the child's name"), d.child.name),
              "reasons": (N_("the reasons"), d.reasons), "request": (N_("the request"), d.request),
              "reply_by": (N_("the date by which an answer is expected"), d.reply_by)}
    missing = [fields[key][0] for key in needs if not fields[key][1]]
    out += [Note(text=N_("Fill in %(what)s."), terms={"what": label}) for label in missing]
    return out


def language_notes(block: LanguageBlock, free_text: bool) -> list[Note]:
    """Art. 54 reminders; `free_text`: the document shows text the user wrote."""
    out: list[Note] = []
    if block.status != "official" and block.required:
        out.append(Note(text=N_("Art. 54(1): attach a translation into an official language of %(state)s; this version is "
                                "acceptable on its own only where such a translation is not feasible."),
                        states={"state": block.receiving_state}))
    if block.status == "other":
        out.append(Note(text=N_("This language is neither an official language of %(state)s nor English or French."),
                        states={"state": block.receiving_state}))
    if free_text and block.written_in and block.written_in != block.document:
        out.append(Note(text=N_("The passages marked “original text” are in another language: translate them before sending "
                                "(Art. 54).")))
    return out
