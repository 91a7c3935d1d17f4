"""Recognition and enforcement (Chapter IV, Art. 23-28; Art. 53(2); BIIb between Member States)."""

from __future__ import annotations

from hague.case import ExistingMeasure
from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import CHAPTER_II, ExistingMeasureStatus, Recognition


def assess_recognition(ctx: Ctx, existing: list[ExistingMeasureStatus]) -> list[Recognition]:
    out = []
    lapsed = {e.measure for e in existing if e.status == "lapsed"}
    for i, m in enumerate(ctx.case.existing_measures):
        for target in m.recognition_sought_in:
            if target != m.state:
                out.append(_one(ctx, i, m, target, i in lapsed))
    if any(r.regime == "hcch1996" for r in out):
        ctx.flag("discretion", "Grounds for refusing recognition are permissive: the requested State may refuse, it never must; "
                 "public policy (Art. 23(2)(d)) is for its authority alone.", ["Art. 23(2)"])
        ctx.step("Art. 23-28 recognition", f"{len(out)} recognition question(s) examined", ["Art. 23(1)"],
                 recognised=[(r.measure, r.in_) for r in out if r.recognised])
    return out


def _one(ctx: Ctx, i: int, m: ExistingMeasure, target: str, lapsed: bool) -> Recognition:
    label = ctx.book.measures[m.type].label
    if status.eu_binds(ctx.book, m.state) and status.eu_binds(ctx.book, target):
        return _eu(ctx, i, m, target, label)
    between = status.in_force_between(ctx.book, m.state, target, m.date)
    if between.value is not True:
        return _national(ctx, i, m, target, between.reason, unsure=between.value is None)
    reasons = [f"the Convention was in force between {ctx.name(m.state)} and {ctx.name(target)} when the measure was taken "
               f"on {m.date} (Art. 53(2))"]
    if m.provisional_territorial or m.article == "12":
        return Recognition(measure=i, in_=target, regime="hcch1996", recognised=False, grounds_for_refusal=[], to_check=[],
                           reasons=[*reasons, "a provisional measure under Art. 12 has effect only in the State that took it"],
                           citations=["Art. 12(1)", "Art. 23(1)"], routes=[])
    urgent = bool(m.urgent or m.article == "11")
    if lapsed:
        return Recognition(measure=i, in_=target, regime="hcch1996", recognised=False, grounds_for_refusal=[], to_check=[],
                           reasons=[*reasons, "the urgent measure has lapsed (Art. 11(2)), so there is nothing left to recognise"],
                           citations=["Art. 11(2)", "Art. 23(1)"], routes=[])
    grounds, to_check, g_reasons = _grounds(ctx, i, m, target, urgent)
    reasons.append(f"{label} of {m.date} is recognised by operation of law, without any procedure" +
                   (" while the urgent measure lasts (until it lapses under Art. 11)" if urgent else ""))
    reasons += g_reasons
    reasons.append(f"{ctx.name(target)} is bound by the facts on which {ctx.name(m.state)} based its jurisdiction (Art. 25) and "
                   "may not review the measure's merits (Art. 27)")
    routes, r_reasons = _routes(ctx, i, m, target)
    cites = ["Art. 23(1)", *(f"Art. {g}" for g in grounds + to_check), "Art. 25", "Art. 27", "Art. 53(2)"]
    return Recognition(measure=i, in_=target, regime="hcch1996", recognised=True, grounds_for_refusal=grounds, to_check=to_check,
                       reasons=reasons + r_reasons, citations=[*cites, *(["Art. 24"] if routes else []),
                                                               *(["Art. 26", "Art. 28"] if "art26_enforceability" in routes else [])],
                       routes=routes)


def _grounds(ctx: Ctx, i: int, m: ExistingMeasure, target: str, urgent: bool) -> tuple[list[str], list[str], list[str]]:
    """The Art. 23(2) grounds the facts make available, and those only the requested State can judge."""
    grounds: list[str] = []
    to_check: list[str] = []
    reasons: list[str] = []
    if m.article not in CHAPTER_II:
        grounds.append("23(2)(a)")
        reasons.append("it may be refused because the authority's jurisdiction rested on no ground of Chapter II (Art. 23(2)(a))")
    if not urgent:
        if m.child_heard is False:
            to_check.append("23(2)(b)")
            reasons.append("the child was not given an opportunity to be heard: it may be refused if that breaches the "
                           f"fundamental principles of procedure of {ctx.name(target)} (Art. 23(2)(b))")
        elif m.child_heard is None:
            ctx.need(f"existing_measures[{i}].child_heard", "a child not heard may found refusal under Art. 23(2)(b)",
                     "Was the child given an opportunity to be heard before the measure was taken?")
        if m.persons_not_heard:
            grounds.append("23(2)(c)")
            reasons.append(f"{', '.join(m.persons_not_heard)} (with parental responsibility) was not heard: on that person's "
                           "request it may be refused (Art. 23(2)(c))")
    if m.art33_consulted is False or m.art33_consent is False:
        grounds.append("23(2)(f)")
        reasons.append("the placement abroad was decided without the Art. 33 consultation and consent: it may be refused "
                       "(Art. 23(2)(f))")
    later = [x for x in ctx.case.existing_measures if x.date > m.date and x.state == ctx.hr_at(x.date)
             and ctx.bound(x.state, x.date) is False]
    if later:
        to_check.append("23(2)(e)")
        reasons.append(f"a later measure of {ctx.name(later[0].state)}, the non-Contracting State of habitual residence, may be "
                       "incompatible with it; if so and that measure is recognisable, it may be refused (Art. 23(2)(e))")
    if status.declared(ctx.book, target, "55", m.date) and target in ctx.case.child.property_in:
        grounds.append("55(1)(b)")
        reasons.append(f"{ctx.name(target)} reserved jurisdiction over property there and may refuse what is incompatible "
                       "with its own property measures (Art. 55(1)(b))")
    if urgent:
        reasons.append("as an urgent measure it cannot be refused for not hearing the child or a parent (Art. 23(2)(b), (c))")
    return grounds, to_check, reasons


def _routes(ctx: Ctx, i: int, m: ExistingMeasure, target: str) -> tuple[list[str], list[str]]:
    routes = ["art24_advance_recognition"]
    reasons = [f"any interested person may ask the competent authorities of {ctx.name(target)} to decide in advance whether it "
               "is recognised (Art. 24)"]
    if m.enforceable_in_origin:
        routes.append("art26_enforceability")
        reasons.append(f"it is enforceable in {ctx.name(m.state)}, so on request of an interested party it can be declared "
                       f"enforceable or registered in {ctx.name(target)} in a simple and rapid procedure, refused only on an "
                       "Art. 23(2) ground (Art. 26), and then enforced as a local measure (Art. 28)")
    elif m.enforceable_in_origin is None:
        ctx.need(f"existing_measures[{i}].enforceable_in_origin", "only a measure enforceable where it was taken can be "
                 "declared enforceable abroad (Art. 26)", "Is the measure enforceable in the State where it was taken?")
    return routes, reasons


def _eu(ctx: Ctx, i: int, m: ExistingMeasure, target: str, label: str) -> Recognition:
    iib = m.date >= ctx.book.instruments.brussels_iib.applies_from
    regime = "brussels_iib" if iib else "brussels_iia"
    cite = "BIIb 30" if iib else "BIIa 21"
    grounds = ["BIIb 39" if iib else "BIIa 23"]
    return Recognition(
        measure=i, in_=target, regime=regime, recognised=True, grounds_for_refusal=[], to_check=grounds,
        reasons=[f"both {ctx.name(m.state)} and {ctx.name(target)} are Member States bound by the Regulation: {label} of {m.date} "
                 f"is recognised under it, not under the Convention (BIIb Art. 97(1)(b)); refusal grounds are the Regulation's"],
        citations=[cite, *grounds, "BIIb 97"], routes=[])


def _national(ctx: Ctx, i: int, m: ExistingMeasure, target: str, why: str, *, unsure: bool) -> Recognition:
    reasons = [f"the Convention was not (surely) in force between the two States on {m.date}: {why}" if unsure else
               f"the Convention does not govern this recognition: {why} on {m.date} (Art. 53(2))",
               f"recognition in {ctx.name(target)} is for its national law and other treaties"]
    return Recognition(measure=i, in_=target, regime="national_law", recognised=None, grounds_for_refusal=[], to_check=[],
                       reasons=reasons, citations=["Art. 53(2)"], routes=[])
