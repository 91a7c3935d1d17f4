"""J2-J4: Art. 5 (habitual residence), Art. 6 (refugees; residence that cannot be established),
and habitual residence in a non-Contracting State (national law decides)."""

from __future__ import annotations

from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import Basis, JurisdictionFinding

ENDS_5 = ("when the child's habitual residence moves to another Contracting State (Art. 5(2): no perpetuatio fori); "
          "a wrongful removal does not move it (Art. 7)")


def examine(ctx: Ctx) -> None:
    """General jurisdiction from habitual residence or presence, unless Art. 7 keeps it elsewhere."""
    retention = ctx.retention
    if retention is not None and retention.retained is True:
        return
    hr = ctx.hr_at(ctx.t_m)
    if retention is not None and retention.retained is None:
        if hr not in (None, "unknown", retention.origin) and ctx.bound(hr) is not False:
            _if_retention_ended(ctx, hr, retention.depends_on)
        return
    if hr is None:
        ctx.need("habitual_residence", f"no habitual residence is recorded for {ctx.t_m}")
        ctx.step("J2 Art. 5", "habitual residence on the measure date not recorded", ["Art. 5(1)"])
        return
    if ctx.case.child.refugee_or_displaced and _refugee(ctx, hr):
        return
    if hr == "unknown":
        _presence(ctx, "6(2)", "presence_unknown_residence",
                  "the child's habitual residence cannot be established",
                  "once a habitual residence can be established (then Art. 5 applies)")
        return
    bound = ctx.bound(hr)
    if bound is False:
        _non_contracting(ctx, hr)
        return
    _habitual_residence(ctx, hr, bound)


def _habitual_residence(ctx: Ctx, hr: str, bound: bool | None) -> None:
    # Art. 5(2) speaks of a move from one Contracting State to another: a former residence outside the
    # Convention never had jurisdiction under it, so the new State's ground is simply Art. 5(1).
    earlier = [s for s, _ in ctx.previous_residences(ctx.t_m) if s not in (hr, "unknown") and ctx.bound(s) is not False]
    article = "5(2)" if earlier else "5(1)"
    since = max(e.from_ for e in ctx.case.habitual_residence if e.from_ <= ctx.t_m)
    reasons = [f"the child has been habitually resident in {ctx.name(hr)} since {since}", ctx.bound_reason(hr)]
    if earlier:
        reasons.append(f"the habitual residence moved there from {ctx.name(earlier[-1])}, which lost jurisdiction with the move")
    deps = [] if bound else [f"rules.states.{hr.split('-')[0]}.entry_into_force"]
    ctx.add(JurisdictionFinding(
        state=hr, article=article, basis="habitual_residence", ends_when=ENDS_5, reasons=reasons,
        citations=[f"Art. {article}", "Art. 14"] if earlier else ["Art. 5(1)"], depends_on=deps,
        limits=None if bound else "only if the Convention is in force for this State on the measure date"))
    ctx.step("J2 Art. 5", f"{ctx.name(hr)} has general jurisdiction (Art. {article})", [f"Art. {article}"],
             habitual_residence=hr, since=since)
    _relevant_date_flag(ctx, hr)
    for former, until in ctx.previous_residences(ctx.t_m):
        if former not in (hr, "unknown") and ctx.bound(former) is not False:
            _former(ctx, former, until, hr)


def _if_retention_ended(ctx: Ctx, hr: str, depends_on: list[str]) -> None:
    """Art. 7 may or may not have ended: the new habitual residence is competent only if it has."""
    ctx.add(JurisdictionFinding(
        state=hr, article="5(2)", basis="habitual_residence", ends_when=ENDS_5, depends_on=list(depends_on),
        limits="only if the Art. 7 retention has ended; until then it may take only urgent measures (Art. 7(3), 11)",
        reasons=[f"the child is now habitually resident in {ctx.name(hr)}", "whether the wrongful removal still keeps "
                 "jurisdiction in the State of origin depends on facts that are missing"],
        citations=["Art. 5(2)", "Art. 7(1)", "Art. 7(3)"]))
    ctx.step("J2 Art. 5", f"{ctx.name(hr)} is competent only if the Art. 7 retention has ended", ["Art. 5(2)", "Art. 7(1)"])


def _former(ctx: Ctx, former: str, until: object, hr: str) -> None:
    """A former habitual residence: it lost jurisdiction, unless EU perpetuatio fori keeps it."""
    pending = ctx.pending(former, before=until)  # type: ignore[arg-type]
    eu_keeps = (pending and status.eu_binds(ctx.book, former) and status.eu_binds(ctx.book, hr))
    if eu_keeps:
        first = min(p.commenced for p in pending)
        article = "BIIb 7(1)" if first >= ctx.book.instruments.brussels_iib.applies_from else "BIIa 8(1)"
        ctx.add(JurisdictionFinding(
            state=former, article=article, basis="brussels_iib",
            ends_when="when its proceedings end; later proceedings belong to the new habitual residence",
            reasons=[f"{ctx.name(former)} was seised on {first} while the child was habitually resident there; under "
                     "Brussels IIb jurisdiction is fixed when the court is seised (perpetuatio fori) even after a lawful "
                     f"move to {ctx.name(hr)}"],
            citations=[article, "BIIb 97", "BIIb 100"]))
        return
    reason = f"the child's habitual residence moved from {ctx.name(former)} to {ctx.name(hr)} on {until}; under Art. 5(2) " \
             "jurisdiction moves with it (no perpetuatio fori); measures already taken stay in force (Art. 14)"
    cites = ["Art. 5(2)", "Art. 14"]
    if pending and status.eu_binds(ctx.book, former):
        reason += f"; the EU rule that keeps a seised court's jurisdiction does not apply after a lawful move to " \
                  f"{ctx.name(hr)}, a non-EU Contracting State (CJEU C-572/21)"
        cites.append("BIIb 97")
    ctx.exclude(former, reason, cites)
    if pending:
        ctx.flag("interpretation", f"{ctx.name(former)}'s proceedings begun on {min(p.commenced for p in pending)} are still "
                 f"pending although the habitual residence moved to {ctx.name(hr)}: the authorities should communicate; "
                 f"{ctx.name(former)} may decline, or ask for a transfer (Art. 8). Whether Art. 13 applies after such a "
                 "move is not settled (Swiss Federal Supreme Court applies it).", ["Art. 5(2)", "Art. 13", "Art. 8"])


def _relevant_date_flag(ctx: Ctx, hr: str) -> None:
    forum = ctx.case.forum
    if not forum:
        return
    for p in ctx.pending(forum):
        then = ctx.hr_at(p.commenced)
        if then is not None and then != hr:
            ctx.flag("interpretation", f"The habitual residence on {p.commenced}, when {ctx.name(forum)}'s proceedings began "
                     f"({ctx.name(then) if then != 'unknown' else 'unknown'}), differs from that on the measure date "
                     f"({ctx.name(hr)}). The Convention does not say which date counts; this tool tests the measure date "
                     "(Art. 5(2)), as courts re-check jurisdiction before deciding (Hackney v P [2023] EWCA Civ 1213).",
                     ["Art. 5(1)", "Art. 5(2)"])
            return


def _presence(ctx: Ctx, article: str, basis: Basis, why: str, ends_when: str) -> None:
    present = ctx.case.child.present_in
    cite = f"Art. {article}"
    if present is None:
        ctx.need("child.present_in", f"Art. {article} gives jurisdiction to the State where the child is present")
        ctx.step(f"J3 {cite}", f"{why}; where the child is present is not recorded", [cite])
        return
    if present == "unknown":
        ctx.flag("warning", "The child's whereabouts are unknown: a competent authority may ask another Central Authority "
                 "to help locate the child (Art. 31(c)).", ["Art. 31(c)"])
        ctx.step(f"J3 {cite}", f"{why}, and the child's whereabouts are unknown: no State is competent yet", [cite])
        return
    bound = ctx.bound(present)
    if bound is False:
        ctx.exclude(present, f"{why}; the child is present in {ctx.name(present)}, which is not bound by the Convention",
                    [cite, "Art. 53(1)"])
        return
    ctx.add(JurisdictionFinding(
        state=present, article=article, basis=basis,
        ends_when=ends_when, reasons=[why, f"the child is present in {ctx.name(present)}", ctx.bound_reason(present)],
        citations=[cite], depends_on=[] if bound else [f"rules.states.{present.split('-')[0]}.entry_into_force"]))
    ctx.step(f"J3 {cite}", f"{ctx.name(present)} has general jurisdiction as the State of presence", [cite],
             present_in=present)


def _refugee(ctx: Ctx, hr: str) -> bool:
    """Art. 6(1); returns True when it settled general jurisdiction."""
    present = ctx.case.child.present_in
    if hr not in ("unknown",) and (present == hr or ctx.bound(hr)):
        ctx.flag("interpretation", "The child is a refugee or displaced, but a habitual residence is recorded "
                 f"({ctx.name(hr)}): Art. 5 is applied. If the displacement ended that residence, record it as unknown "
                 "from the date of displacement to apply Art. 6(1).", ["Art. 6(1)", "Art. 5(1)"])
        return False
    why = "the child is a refugee or internationally displaced and present as a result of the displacement"
    if hr != "unknown":
        ctx.flag("interpretation", f"The recorded habitual residence is in {ctx.name(hr)}, a non-Contracting State; Art. 6(1) "
                 "is applied to the displaced child. Confirm that the residence there has in fact been lost.", ["Art. 6(1)"])
    _presence(ctx, "6(1)", "presence_displaced", why, "once the child acquires a habitual residence (then Art. 5 applies)")
    return True


def _non_contracting(ctx: Ctx, hr: str) -> None:
    """J4: habitual residence outside the Convention: only Art. 11/12 or national rules remain."""
    reason = f"the child is habitually resident in {ctx.name(hr)}, which is not bound by the Convention on {ctx.t_m}"
    ctx.add(JurisdictionFinding(
        state=hr, article="national", basis="national_law",
        limits="outside the Convention: its own law decides its jurisdiction",
        reasons=[reason], citations=["Art. 5(1)", "Art. 53(1)"]))
    ctx.flag("warning", "With the habitual residence in a non-Contracting State the Convention gives no general ground; "
             "Contracting States may act on their national rules (besides Art. 11 and 12), but other Contracting States "
             "need not recognise such measures (Art. 23(2)(a)).", ["Art. 11", "Art. 12", "Art. 23(2)(a)"])
    for former, until in ctx.previous_residences(ctx.t_m):
        if ctx.pending(former, before=until) and ctx.bound(former) is not False:
            ctx.add(JurisdictionFinding(
                state=former, article="national", basis="national_law",
                limits="only if its national law keeps jurisdiction after the move (perpetuatio fori is allowed here)",
                reasons=[f"{ctx.name(former)} was seised before the child moved to {ctx.name(hr)} on {until}; the "
                         "Convention does not take jurisdiction away after a move to a non-Contracting State"],
                citations=["Art. 5(2)"]))
    forum = ctx.case.forum
    if forum and forum != hr and not ctx.has_finding(forum) and ctx.bound(forum) is not False:
        ctx.add(JurisdictionFinding(
            state=forum, article="national", basis="national_law",
            limits="only if its national rules give jurisdiction (e.g. presence or nationality)",
            reasons=[reason, "the Convention does not forbid national grounds in that situation"], citations=["Art. 5(1)"]))
    ctx.step("J4 non-Contracting habitual residence", "national law decides; Art. 11 and 12 remain", ["Art. 5(1)", "Art. 11", "Art. 12"],
             habitual_residence=hr)
