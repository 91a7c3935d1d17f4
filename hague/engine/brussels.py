"""Brussels IIb (and IIa) between bound EU Member States: the Convention's grounds restated as
the Regulation's main allocation, plus its continuing jurisdiction over access (BIIb 8)."""

from __future__ import annotations

import datetime as dt

from hague.calendar import months_later
from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import JurisdictionFinding

# Convention ground -> the Regulation's corresponding ground, per instrument.
EQUIVALENT = {
    "brussels_iib": {"5(1)": "BIIb 7(1)", "5(2)": "BIIb 7(1)", "6(1)": "BIIb 11", "6(2)": "BIIb 11",
                     "7": "BIIb 9", "11": "BIIb 15", "12": "BIIb 15"},
    "brussels_iia": {"5(1)": "BIIa 8(1)", "5(2)": "BIIa 8(1)", "6(1)": "BIIa 13", "6(2)": "BIIa 13",
                     "7": "BIIa 10", "11": "BIIa 20", "12": "BIIa 20"},
}
NOTES = {
    "BIIb 7(1)": "under Brussels IIb the habitual residence counts at the time the court is seised, and the court keeps "
                 "jurisdiction if the child later moves to another Member State (perpetuatio fori)",
    "BIIb 9": "under Brussels IIb the Member State of origin keeps jurisdiction after a wrongful removal to another Member "
              "State until the conditions of BIIb Art. 9 are met (they mirror Art. 7 of the Convention, with more detail "
              "on the one-year limb)",
    "BIIb 11": "Brussels IIb gives jurisdiction to the Member State of presence where the habitual residence cannot be "
               "established, and for refugee and displaced children",
    "BIIb 15": "Brussels IIb lets the Member State where the child or property is present take provisional, including "
               "protective, measures in urgent cases; they end when the competent court acts",
}


def convert(ctx: Ctx) -> None:
    """Restate findings of Member States that apply the Regulation in the Regulation's terms."""
    for f in ctx.findings:
        regime = ctx.regimes.get(f.state)
        if regime not in EQUIVALENT or f.article.startswith(("BIIb", "BIIa")):
            continue
        target = EQUIVALENT[regime].get(f.article)
        if target is None:
            continue
        f.reasons.append(NOTES.get(target, f"between Member States the Regulation's {target} applies instead of Art. {f.article}"))
        f.citations = [target, "BIIb 97", *f.citations]
        f.article, f.basis = target, "brussels_iib"
        if target == "BIIb 7(1)":
            f.ends_when = "when proceedings end; a later move to another Member State does not take away a court already seised"
    _access_continuation(ctx)


def _access_continuation(ctx: Ctx) -> None:
    """BIIb 8(1): after a lawful move between Member States, the former State keeps access for three months."""
    measure = ctx.case.measure
    if measure is None or measure.type != "access" or ctx.case.removal is not None:
        return
    for former, moved_on in ctx.previous_residences(ctx.t_m):
        hr = ctx.hr_at(ctx.t_m)
        if former == "unknown" or hr in (None, "unknown"):
            continue
        if not (status.eu_binds(ctx.book, former) and status.eu_binds(ctx.book, hr)):
            continue
        until = months_later(moved_on, 3)
        earlier_access = [m for m in ctx.case.existing_measures if m.state == former and m.type == "access" and m.date < moved_on]
        if ctx.t_m > until or not earlier_access:
            continue
        holder_there = ctx.case.access_parent_residence
        why = "BIIb 8(1) requires the holder of access rights to remain habitually resident in the former State"
        deps = [] if holder_there else [ctx.need("access_parent_residence", why)]
        if holder_there and holder_there != former:
            continue
        ctx.add(JurisdictionFinding(
            state=former, article="BIIb 8(1)", basis="brussels_iib",
            limits=f"only to modify the access decision it gave before the move, until {until}",
            ends_when=f"three months after the lawful move on {moved_on}", ends_on=until + dt.timedelta(days=1),
            reasons=[f"the child moved lawfully from {ctx.name(former)} to {ctx.name(hr)} on {moved_on}",
                     f"{ctx.name(former)} decided on access on {earlier_access[0].date}, before the move"],
            citations=["BIIb 8"], depends_on=deps))
        ctx.step("BIIb 8", f"{ctx.name(former)} keeps jurisdiction over access until {until}", ["BIIb 8"])
        if holder_there == former:  # by way of exception to BIIb 7: the new State may not modify that decision yet
            for f in [f for f in ctx.findings if f.state == hr and f.article == "BIIb 7(1)"]:
                ctx.findings.remove(f)
            ctx.exclude(hr, f"for modifying the access decision of {ctx.name(former)}, the former habitual residence keeps "
                        f"jurisdiction until {until} (BIIb Art. 8(1)), by way of exception to BIIb Art. 7; unless the holder of "
                        "access rights accepts the new State's jurisdiction (BIIb Art. 8(2))", ["BIIb 8", "BIIb 7(1)"])
