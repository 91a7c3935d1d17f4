"""J7-J8: Art. 11 (urgency) and Art. 12 (provisional measures with territorial effect)."""

from __future__ import annotations

from hague.engine.context import Ctx
from hague.engine.findings import JurisdictionFinding


def _candidates(ctx: Ctx) -> dict[str, str]:
    """States where the child or the child's property is present, with what is there."""
    child = ctx.case.child
    where: dict[str, str] = {}
    if child.present_in and child.present_in != "unknown":
        where[child.present_in] = "the child is present there"
    for s in child.property_in:
        where.setdefault(s, "the child's property is there")
    return where


def _hr_kind(ctx: Ctx) -> str:
    hr = ctx.hr_at(ctx.t_m)
    if hr in (None, "unknown"):
        return "unknown"
    return "contracting" if ctx.bound(hr) is not False else "non_contracting"


def examine(ctx: Ctx) -> None:
    measure = ctx.case.measure
    if measure is None:
        return
    if measure.urgent is None:
        ctx.need("measure.urgent", "urgency opens Art. 11 jurisdiction in the State where the child or property is")
    if measure.urgent:
        _urgent(ctx)
    if measure.provisional_territorial:
        _provisional(ctx)


def _urgent(ctx: Ctx) -> None:
    kind = _hr_kind(ctx)
    ends = {
        "contracting": "lapses as soon as the authorities with jurisdiction under Art. 5-10 have taken the measures the "
                       "situation requires (Art. 11(2)); being seised is not enough",
        "non_contracting": "lapses in each Contracting State once measures required by the situation, taken by another "
                           "State, are recognised there (Art. 11(3)), State by State",
        "unknown": "no paragraph fits literally; by analogy with Art. 11(2) it lapses once the Art. 6 authority has acted",
    }[kind]
    if kind == "unknown":
        ctx.flag("interpretation", "Urgent measure while the habitual residence is unknown: the lapse rule of Art. 11(2) "
                 "is applied by analogy to the Art. 6 State.", ["Art. 11(2)", "Art. 6(2)"])
    for state, what in _candidates(ctx).items():
        if any(f.state == state and f.basis != "national_law" for f in ctx.findings):
            continue  # general jurisdiction already covers urgent measures
        bound = ctx.bound(state)
        if bound is False:
            continue
        ctx.add(JurisdictionFinding(
            state=state, article="11", basis="urgency",
            limits="urgent measures only: any measure the urgency requires" + ("" if "present" in what else ", for the property there"),
            ends_when=ends, reasons=["the case is urgent (as the authority judges)", what],
            citations=["Art. 11(1)", "Art. 11(2)" if kind != "non_contracting" else "Art. 11(3)"],
            depends_on=[] if bound else [f"rules.states.{state}.entry_into_force"]))
        ctx.step("J7 Art. 11", f"{ctx.name(state)} may take urgent measures", ["Art. 11(1)"], state=state)
    ctx.flag("discretion", "Urgency is for the authority to judge, strictly: the child would suffer harm if one waited "
             "for the State normally competent.", ["Art. 11(1)"])
    _urgent_placement_flag(ctx)


def _urgent_placement_flag(ctx: Ctx) -> None:
    measure = ctx.case.measure
    assert measure is not None
    kind = ctx.book.measures[measure.type]
    forum = ctx.case.forum
    general = forum is not None and any(f.state == forum and f.status == "competent" and f.basis != "urgency"
                                        for f in ctx.findings)
    # Only where the placing authority's sole ground is Art. 11 is Art. 33 open to argument; a State with general
    # jurisdiction under Art. 5-10 must consult, whatever the urgency.
    if kind.art33_abroad and measure.placement_state and measure.placement_state != forum and not general:
        ctx.flag("interpretation", "Art. 33 speaks of authorities with jurisdiction under Art. 5-10; whether an urgent "
                 "placement abroad under Art. 11 needs the consultation is not settled: consult where feasible.",
                 ["Art. 33", "Art. 11"])


def _provisional(ctx: Ctx) -> None:
    kind = _hr_kind(ctx)
    retention = ctx.retention
    ends = ("lapses once the authorities with jurisdiction under Art. 5-10 have decided on the measures the situation may "
            "require, even a decision not to act (Art. 12(2))") if kind != "non_contracting" else \
        ("lapses in this State once measures required by the situation, taken by another State, are recognised here "
         "(Art. 12(3))")
    for state, what in _candidates(ctx).items():
        if retention is not None and retention.retained is not False and state == retention.refuge:
            continue  # Art. 12 is "subject to Art. 7": not for the State of refuge
        if any(f.state == state and f.basis != "national_law" for f in ctx.findings) or ctx.bound(state) is False:
            continue
        ctx.add(JurisdictionFinding(
            state=state, article="12", basis="provisional_territorial",
            limits="provisional measures with effect in this State only, not incompatible with measures already taken by "
                   "the Art. 5-10 authorities",
            ends_when=ends, reasons=[what, "the measure is provisional and limited to this State's territory"],
            citations=["Art. 12(1)", "Art. 12(2)" if kind != "non_contracting" else "Art. 12(3)"]))
        ctx.step("J8 Art. 12", f"{ctx.name(state)} may take provisional territorial measures", ["Art. 12(1)"], state=state)
    ctx.flag("warning", "An Art. 12 measure must not be incompatible with measures already taken by the authorities "
             "competent under Art. 5-10; it has no effect outside the State that takes it.", ["Art. 12(1)", "Art. 23(1)"])
