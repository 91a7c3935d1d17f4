"""J6: Art. 8 and 9, transfers of jurisdiction: who is eligible (Art. 8(2)) and accepted transfers."""

from __future__ import annotations

from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import JurisdictionFinding, TransferOption

HEADS = {
    "8(2)(a)": "a State of which the child is a national",
    "8(2)(b)": "a State in which the child has property",
    "8(2)(c)": "a State whose authorities are seised of the parents' divorce, separation or annulment",
    "8(2)(d)": "a State with which the child has a substantial connection",
}


def eligible(ctx: Ctx, holder: str) -> dict[str, list[str]]:
    """Art. 8(2): the Contracting States eligible to take over from `holder`, with the heads that make them so."""
    child = ctx.case.child
    heads: dict[str, list[str]] = {}

    def put(state: str, head: str) -> None:
        if state != holder and state not in ("unknown",):
            heads.setdefault(state, [])
            if head not in heads[state]:
                heads[state].append(head)

    for s in child.nationalities:
        put(s, "8(2)(a)")
    for s in child.property_in:
        put(s, "8(2)(b)")
    for p in ctx.case.proceedings:
        if p.kind in ("divorce", "legal_separation", "annulment") and p.status == "pending":
            put(p.state, "8(2)(c)")
    for s in child.substantial_connection:
        put(s, "8(2)(d)")
    for former, _ in ctx.previous_residences(ctx.t_m):
        put(former, "8(2)(d)")
    for unit in [s for s in heads if "-" in s]:  # Art. 47: a unit stands for its State
        for head in heads.pop(unit.split("-")[0], []):
            if head not in heads[unit]:
                heads[unit].append(head)
    return {s: h for s, h in heads.items() if ctx.bound(s) is not False}


def examine(ctx: Ctx) -> None:
    _accepted(ctx)
    holders = [f for f in ctx.general() if f.status == "competent"
               and f.article in ("5(1)", "5(2)", "6(1)", "6(2)", "7", "BIIb 7(1)", "BIIb 11", "BIIb 9")]
    for finding in holders:
        _options(ctx, finding)


def _options(ctx: Ctx, finding: JurisdictionFinding) -> None:
    holder = finding.state
    if finding.article == "7":
        ctx.flag("interpretation", "Whether the State keeping jurisdiction under Art. 7 may request a transfer under Art. 8 "
                 "(which names Art. 5 and 6), and whether the State of refuge may use Art. 9, is not settled; the prevailing "
                 "view allows Art. 8.", ["Art. 8(1)", "Art. 9(1)", "Art. 7"])
    for state, heads in sorted(eligible(ctx, holder).items()):
        if status.eu_binds(ctx.book, holder) and status.eu_binds(ctx.book, state) and finding.article.startswith("BIIb"):
            ctx.flag("warning", "Between bound EU Member States a transfer follows Brussels IIb Art. 12-13, which this tool "
                     "does not model.", ["BIIb 12", "BIIb 13"])
            continue
        because = "; ".join(HEADS[h] for h in heads)
        ctx.transfer_options.append(TransferOption(
            article="8", from_=holder, to=state, eligible_under=heads,
            reasons=[f"{ctx.name(holder)} may, exceptionally, ask {ctx.name(state)} to assume jurisdiction if it would be "
                     f"better placed to assess the child's best interests ({because}); {ctx.name(state)} may accept or not",
                     "the request goes directly or through the Central Authority of the requesting State"],
            citations=["Art. 8(1)", "Art. 8(2)", "Art. 8(4)"]))
        ctx.transfer_options.append(TransferOption(
            article="9", from_=state, to=holder, eligible_under=heads,
            reasons=[f"{ctx.name(state)} may, if it considers itself better placed, ask {ctx.name(holder)} for authorisation "
                     "to exercise jurisdiction; it may act only once that is accepted (silence is not acceptance)",
                     f"the request goes directly or through the Central Authority of {ctx.name(holder)}"],
            citations=["Art. 9(1)", "Art. 9(3)", "Art. 8(2)"]))
    if any(o.from_ == holder or o.to == holder for o in ctx.transfer_options):
        ctx.flag("discretion", "Transfers under Art. 8 and 9 are exceptional and discretionary on both sides: "
                 "they are options, never automatic.", ["Art. 8", "Art. 9"])
        ctx.step("J6 Art. 8/9", f"transfer options from {ctx.name(holder)} listed", ["Art. 8(2)"],
                 eligible=sorted({o.to for o in ctx.transfer_options if o.article == '8' and o.from_ == holder}))


def _accepted(ctx: Ctx) -> None:
    for i, t in enumerate(ctx.case.transfers):
        if t.status != "accepted":
            what = "is still pending: no jurisdiction passes until it is accepted" if t.status == "pending" else "was refused"
            ctx.step("J6 Art. 8/9", f"the Art. {t.article} request of {t.requested} {what}", [f"Art. {t.article}"])
            continue
        taker = t.to if t.article == 8 else t.from_
        giver = t.from_ if t.article == 8 else t.to
        if ctx.bound(taker) is False or ctx.bound(giver) is False:
            ctx.flag("warning", f"transfers[{i}]: a transfer under Art. {t.article} needs both States to be Contracting.",
                     [f"Art. {t.article}"])
            continue
        cite = "Art. 8(4)" if t.article == 8 else "Art. 9(3)"
        ctx.add(JurisdictionFinding(
            state=taker, article=str(t.article), basis="transfer",
            limits="for the matters transferred",
            ends_when="when the transferred matter is decided; otherwise the habitual residence's general jurisdiction resumes",
            reasons=[f"the Art. {t.article} request of {t.requested} from {ctx.name(t.from_)} to {ctx.name(t.to)} was accepted"],
            citations=[f"Art. {t.article}(1)", cite]))
        for f in ctx.findings:
            if f.state == giver and f.basis in ("habitual_residence", "presence_displaced", "presence_unknown_residence"):
                f.limits = f"must refrain for the matters transferred to {ctx.name(taker)} ({cite})"
        ctx.step("J6 Art. 8/9", f"{ctx.name(taker)} exercises jurisdiction by accepted transfer", [cite])
