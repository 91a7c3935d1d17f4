"""J9: Art. 13, the later authority must abstain while earlier corresponding proceedings are pending."""

from __future__ import annotations

import datetime as dt

from hague.case import MATRIMONIAL, Proceeding
from hague.engine import status
from hague.engine.context import Ctx, all_of
from hague.engine.findings import JurisdictionFinding
from hague.engine.scope import seised_on

GROUNDS_5_TO_10 = ("5(1)", "5(2)", "6(1)", "6(2)", "7", "8", "9", "10", "BIIb 7(1)", "BIIb 9", "BIIb 10(1)", "BIIb 11",
                   "BIIa 8(1)", "BIIa 10", "BIIa 12", "BIIa 13")


def examine(ctx: Ctx) -> None:
    for finding in ctx.findings:
        if finding.article in GROUNDS_5_TO_10 and finding.status == "competent":
            _check(ctx, finding)


def _measures_of(ctx: Ctx, state: str) -> set[str]:
    wanted = {ctx.case.measure.type} if ctx.case.measure else set()
    for p in ctx.pending(state):
        wanted |= set(p.measures)
    return wanted


def _had_jurisdiction(ctx: Ctx, p: Proceeding) -> bool | None:
    """Did `p.state` have an Art. 5-10 ground when its proceedings began?"""
    if ctx.hr_at(p.commenced) == p.state:
        return True
    removal = ctx.case.removal
    if removal and removal.from_ == p.state and removal.date <= p.commenced and ctx.retention is not None:
        return ctx.retention.wrongful
    if p.kind in MATRIMONIAL:
        verdict: bool | None = all_of(p.parent_habitually_resident_there, p.parent_has_parental_responsibility,
                      p.accepted_by_parents_and_holders, p.best_interests, p.forum_law_allows)
        return verdict
    return False


def _transferred_between(ctx: Ctx, giver: str, taker: str) -> bool:
    return any(t.status == "accepted" and {t.from_, t.to} == {giver, taker} for t in ctx.case.transfers)


def _check(ctx: Ctx, finding: JurisdictionFinding) -> None:
    own = finding.state
    seised: dt.date = seised_on(ctx, own)
    wanted = _measures_of(ctx, own)
    for i, p in enumerate(ctx.case.proceedings):
        if p.state == own or p.kind == "return" or p.commenced >= seised or ctx.bound(p.state, p.commenced) is False:
            continue
        if _transferred_between(ctx, p.state, own):
            continue  # an accepted Art. 8/9 transfer: the first State refrains, its case is suspended
        if p.status == "declined":
            ctx.step("J9 Art. 13", f"{ctx.name(p.state)} declined: Art. 13 no longer holds {ctx.name(own)} back", ["Art. 13(2)"])
            continue
        if p.status != "pending":
            continue
        if not p.measures:
            ctx.need(f"proceedings[{i}].measures", f"Art. 13 compares the measures asked for in {ctx.name(p.state)} with those here")
            continue
        if not wanted & set(p.measures) or not _had_jurisdiction(ctx, p):
            continue
        _abstain(ctx, finding, p, wanted & set(p.measures))
        return


def _abstain(ctx: Ctx, finding: JurisdictionFinding, p: Proceeding, common: set[str]) -> None:
    eu = finding.article.startswith(("BIIb", "BIIa")) and status.eu_binds(ctx.book, p.state)
    eu_cite = "BIIb 20" if finding.article.startswith("BIIb") else "BIIa 19"
    cite = eu_cite if eu else "Art. 13(1)"
    finding.status = "must_abstain"
    finding.ends_when = (f"abstains until {ctx.name(p.state)} declines jurisdiction or its proceedings end without deciding "
                         f"({eu_cite if eu else 'Art. 13(2)'}); then: " + (finding.ends_when or ""))
    finding.reasons.append(f"{ctx.name(p.state)} was asked on {p.commenced}, earlier, for corresponding measures "
                           f"({', '.join(sorted(common))}) while it had jurisdiction, and those proceedings are still pending")
    finding.citations += [c for c in ((cite,) if eu else (cite, "Art. 13(2)")) if c not in finding.citations]
    if not eu and finding.article.startswith(("BIIb", "BIIa")):
        finding.citations.append("BIIb 97")
        finding.reasons.append("the earlier proceedings are in a Contracting State the Regulation does not bind, so the "
                               "Convention's Art. 13 applies (BIIb Art. 97(2)(c))")
    ctx.step("J9 Art. 13", f"{ctx.name(finding.state)} must abstain", [cite], earlier_state=p.state,
             earlier_commenced=p.commenced, measures=sorted(common))
