"""J5: Art. 10, the court of the parents' divorce, legal separation or annulment (concurrent)."""

from __future__ import annotations

from hague.case import MATRIMONIAL, Proceeding
from hague.engine import status
from hague.engine.context import Ctx, all_of
from hague.engine.findings import JurisdictionFinding

CONDITIONS = {
    "parent_habitually_resident_there": "a parent was habitually resident there when the proceedings began (Art. 10(1)(a))",
    "parent_has_parental_responsibility": "a parent had parental responsibility (Art. 10(1)(a))",
    "accepted_by_parents_and_holders": "both parents and every other holder of parental responsibility accepted the "
                                       "jurisdiction (Art. 10(1)(b))",
    "best_interests": "it is in the child's best interests (Art. 10(1)(b))",
    "forum_law_allows": "the law of that State lets the divorce court take measures for the child (Art. 10(1))",
}
ENDS = ("when the decision granting or refusing the divorce, separation or annulment becomes final, or the proceedings "
        "end otherwise (Art. 10(2)); measures taken stay in force (Art. 14)")


def examine(ctx: Ctx) -> None:
    for i, p in enumerate(ctx.case.proceedings):
        if p.kind in MATRIMONIAL:
            _one(ctx, i, p)


def _one(ctx: Ctx, i: int, p: Proceeding) -> None:
    hr = ctx.hr_at(ctx.t_m)
    where = ctx.name(p.state)
    if hr == p.state:
        ctx.step("J5 Art. 10", f"{where} is also the habitual residence: Art. 5 applies, Art. 10 is not needed", ["Art. 10(1)"])
        return
    if ctx.bound(p.state) is False:
        ctx.exclude(p.state, f"its {p.kind.replace('_', ' ')} court cannot use Art. 10: {ctx.bound_reason(p.state)}", ["Art. 10(1)"])
        return
    if hr in (None, "unknown") or ctx.bound(hr) is False:
        ctx.exclude(p.state, f"Art. 10 needs the child to be habitually resident in another Contracting State, which is not "
                    f"the case on {ctx.t_m}", ["Art. 10(1)"])
        return
    biib = status.eu_binds(ctx.book, p.state) and status.eu_binds(ctx.book, hr)
    values = {name: getattr(p, name) for name in CONDITIONS}
    if biib:
        values.pop("forum_law_allows")  # BIIb 10 has its own conditions and needs no national enabling rule
    verdict = all_of(*values.values())
    kind = p.kind.replace("_", " ")
    if verdict is False:
        failed = [CONDITIONS[k] for k, v in values.items() if v is False]
        ctx.exclude(p.state, f"the {kind} court lacks a condition of Art. 10: not the case that " + "; ".join(failed),
                    ["Art. 10(1)"])
        ctx.step("J5 Art. 10", f"{where}: conditions not met", ["Art. 10(1)"], **{k: v for k, v in values.items()})
        return
    deps = [ctx.need(f"proceedings[{i}].{k}", f"a condition of Art. 10 for the {kind} court in {where}")
            for k, v in values.items() if v is None]
    ended, end_reason = _ended(ctx, i, p)
    reasons = [f"{kind} proceedings in {where} began on {p.commenced}",
               f"the child is habitually resident in another Contracting State ({ctx.name(hr)})"]
    reasons += [CONDITIONS[k] for k, v in values.items() if v]
    if end_reason:
        reasons.append(end_reason)
    article, cites = ("BIIb 10(1)", ["BIIb 10", "BIIb 97"]) if biib else ("10", ["Art. 10(1)", "Art. 10(2)"])
    if not biib and status.eu_binds(ctx.book, hr):
        cites.append("BIIb 97")
        reasons.append("the child lives in an EU Member State, but the agreed court is in a Contracting State the Regulation "
                       "does not bind, so the Convention's Art. 10 applies (BIIb Art. 97(2)(a))")
    ctx.add(JurisdictionFinding(
        state=p.state, article=article, basis="brussels_iib" if biib else "divorce_court",
        status="ended" if ended else "competent", limits="concurrent with the habitual residence; Art. 13 decides who goes first",
        ends_when=ENDS, ends_on=p.final_on, reasons=reasons, citations=cites, depends_on=deps))
    ctx.flag("interpretation", "Whether acceptance under Art. 10(1)(b) may be implied (e.g. by appearing without objecting) "
             "is not settled: record express acceptance.", ["Art. 10(1)"])
    ctx.step("J5 Art. 10", f"{where}: " + ("ended" if ended else "competent" if not deps else "conditional"), cites,
             commenced=p.commenced, final_on=p.final_on, **{k: v for k, v in values.items()})


def _ended(ctx: Ctx, i: int, p: Proceeding) -> tuple[bool, str | None]:
    if p.final_on is not None and p.final_on <= ctx.t_m:
        return True, f"the decision became final (or the proceedings ended) on {p.final_on}"
    if p.status in ("ended", "declined"):
        return True, f"the proceedings are {p.status}"
    if p.status == "decided" and p.final_on is None:
        ctx.need(f"proceedings[{i}].final_on", "Art. 10 jurisdiction ends when the decision becomes final")
    return False, None
