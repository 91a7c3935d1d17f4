"""J10: Art. 14 (measures stay in force after a change of circumstances) and the lapse of
urgent (Art. 11) and provisional (Art. 12) measures already taken."""

from __future__ import annotations

from hague.case import ExistingMeasure
from hague.engine.context import Ctx
from hague.engine.findings import ART_5_TO_10, ExistingMeasureStatus


def examine(ctx: Ctx, existing: list[ExistingMeasureStatus]) -> None:
    competent = sorted({f.state for f in ctx.general() if f.status == "competent"} |
                       {f.state for f in ctx.findings if f.basis in ("transfer", "divorce_court") and f.status == "competent"})
    for i, m in enumerate(ctx.case.existing_measures):
        existing.append(_status(ctx, i, m, competent))
    if existing:
        ctx.step("J10 Art. 14", f"{len(existing)} existing measure(s) examined", ["Art. 14"],
                 in_force=[e.measure for e in existing if e.status == "in_force"],
                 lapsed=[e.measure for e in existing if e.status == "lapsed"])


def _later_measure_by(ctx: Ctx, m: ExistingMeasure, states: list[str]) -> ExistingMeasure | None:
    for other in ctx.case.existing_measures:
        if other is not m and other.state in states and other.date > m.date and other.article in ART_5_TO_10:
            return other
    return None


def _status(ctx: Ctx, i: int, m: ExistingMeasure, competent: list[str]) -> ExistingMeasureStatus:
    label = ctx.book.measures[m.type].label
    if m.urgent or m.article == "11":
        return _urgent(ctx, i, m, competent, label)
    if m.provisional_territorial or m.article == "12":
        later = _later_measure_by(ctx, m, competent)
        if later:
            return ExistingMeasureStatus(measure=i, state=m.state, status="lapsed", citations=["Art. 12(2)"],
                                         reasons=[f"the provisional measure lapsed when {ctx.name(later.state)} decided on {later.date}"])
        return ExistingMeasureStatus(measure=i, state=m.state, status="in_force", who_may_modify=competent,
                                     citations=["Art. 12(2)"], reasons=[
                                         f"{label} of {m.date} has effect only in {ctx.name(m.state)} and lapses once the "
                                         "authorities competent under Art. 5-10 decide (a decision not to act is enough)"])
    if m.article in ART_5_TO_10:
        return ExistingMeasureStatus(
            measure=i, state=m.state, status="in_force", who_may_modify=competent, citations=["Art. 14", "Art. 15(3)"],
            reasons=[f"{label} taken by {ctx.name(m.state)} on {m.date} under Art. {m.article} stays in force on its own "
                     "terms even if the ground has gone, until the States competent now modify, replace or end it",
                     "after a move to another Contracting State the law of the new habitual residence governs how it is "
                     "applied (Art. 15(3))"])
    return ExistingMeasureStatus(
        measure=i, state=m.state, status="unknown", who_may_modify=competent, citations=["Art. 14"],
        reasons=[f"{label} of {m.date} was taken on a national ground; Art. 14 keeps in force only measures taken under "
                 "Art. 5-10, so whether it survives a change of circumstances is for national law"])


def _urgent(ctx: Ctx, i: int, m: ExistingMeasure, competent: list[str], label: str) -> ExistingMeasureStatus:
    hr = ctx.hr_at(ctx.t_m)
    later = _later_measure_by(ctx, m, competent)
    if later and hr not in (None, "unknown") and ctx.bound(hr):
        return ExistingMeasureStatus(measure=i, state=m.state, status="lapsed", citations=["Art. 11(2)"], reasons=[
            f"the urgent measure of {m.date} lapsed when {ctx.name(later.state)}, competent under Art. 5-10, took the "
            f"measures required on {later.date}"])
    if hr not in (None, "unknown") and ctx.bound(hr) is False:
        return ExistingMeasureStatus(measure=i, state=m.state, status="in_force", citations=["Art. 11(3)"], reasons=[
            f"the urgent measure of {m.date} lapses State by State, in each Contracting State where a measure taken by "
            "another State is recognised (Art. 11(3)); no such recognition is recorded"])
    return ExistingMeasureStatus(measure=i, state=m.state, status="in_force", who_may_modify=competent,
                                 citations=["Art. 11(2)"], reasons=[
        f"the urgent {label.lower()} of {m.date} stays in force until the authorities competent under Art. 5-10 "
        "have taken the measures the situation requires; none is recorded after it"])
