"""Applicable law (Chapter III, Art. 15-22; Art. 46-49): the law for measures, for parental
responsibility by operation of law and by acts, and for its exercise."""

from __future__ import annotations

import datetime as dt

from hague.engine.context import Ctx
from hague.engine.findings import ART_5_TO_10, ApplicableLaw, ApplicationLaw, JurisdictionFinding, LawFinding, LawPeriod, MeasureLaw


def assess_law(ctx: Ctx) -> ApplicableLaw:
    """Art. 15 for every State that may act; Art. 16-17 from the habitual-residence history."""
    by_state = [_measure_law(ctx, f) for f in ctx.findings if f.status in ("competent", "must_abstain")]
    forum_law = next((m for m in by_state if m.state == ctx.case.forum), by_state[0] if by_state else None)
    measures = None if forum_law is None else LawFinding(
        state=forum_law.law_of, article=forum_law.article, reasons=forum_law.reasons, citations=forum_law.citations)
    result = ApplicableLaw(
        measures=measures, by_state=by_state, conditions_of_application=_conditions(ctx),
        parental_responsibility=_pr(ctx), acts=[_act(ctx, i) for i in range(len(ctx.case.parental_responsibility_acts))],
        exercise=_exercise(ctx), notes=_notes(ctx))
    ctx.step("Art. 15-22 applicable law", f"measures: {measures.state if measures else 'no State may act'}; "
             f"parental responsibility: {result.parental_responsibility.state}; exercise: {result.exercise.state}",
             ["Art. 15(1)", "Art. 16(1)", "Art. 17"])
    return result


def _measure_law(ctx: Ctx, f: JurisdictionFinding) -> MeasureLaw:
    reasons = [f"{ctx.name(f.state)} applies its own law to the measure it takes: its conditions, content and effects"]
    cites = ["Art. 15(1)"]
    if f.basis in ("brussels_iib", "national_law"):
        reasons.append("its jurisdiction rests on " + ("Brussels IIb" if f.basis == "brussels_iib" else "national law")
                       + ", which has no rules on the applicable law; Chapter III of the Convention still governs it and "
                       "Art. 15 is applied by analogy")
        ctx.flag("interpretation", "Applying Art. 15 where jurisdiction rests on Brussels IIb or national law is the prevailing "
                 "view, not the text (Art. 15 speaks of jurisdiction under Chapter II).", ["Art. 15(1)", "BIIb 97"])
    options = _options(ctx, f.state)
    if options:
        reasons.append("exceptionally, in so far as the child's protection requires, it may apply or take into consideration "
                       "the law of " + ", ".join(ctx.name(s) for s in options) + ", with which the situation has a substantial "
                       "connection (Art. 15(2))")
        cites.append("Art. 15(2)")
        ctx.flag("discretion", "Art. 15(2) is an exception the authority may use, never a rule: the law of the forum applies "
                 "unless the child's protection requires otherwise.", ["Art. 15(2)"])
    return MeasureLaw(state=f.state, article="15(1)", law_of=f.state, options=options, reasons=reasons, citations=cites)


def _options(ctx: Ctx, forum: str) -> list[str]:
    child, measure = ctx.case.child, ctx.case.measure
    candidates = [*child.substantial_connection, *(s for s, _ in ctx.previous_residences(ctx.t_m))]
    kind = ctx.book.measures[measure.type] if measure else None
    if kind and kind.group == "property":
        candidates += child.property_in
    if measure and measure.placement_state:
        candidates.append(measure.placement_state)
    out: list[str] = []
    for s in candidates:
        if s not in ("unknown", forum) and s not in out:
            out.append(s)
    return out


def _conditions(ctx: Ctx) -> list[ApplicationLaw]:
    """Art. 15(3): after a move to another Contracting State, its law governs how measures are applied."""
    out = []
    for i, m in enumerate(ctx.case.existing_measures):
        if m.article not in ART_5_TO_10:
            continue
        for entry in ctx.case.habitual_residence:
            moved_to, moved_on = entry.state, entry.from_
            if moved_on <= m.date or moved_to in ("unknown", m.state) or moved_on > ctx.as_of:
                continue
            if ctx.bound(moved_to, moved_on) is False:
                continue
            out.append(ApplicationLaw(
                measure=i, state=moved_to, from_=moved_on, citations=["Art. 15(3)", "Art. 14"],
                reasons=[f"the measure taken by {ctx.name(m.state)} on {m.date} stays in force (Art. 14); from the move on "
                         f"{moved_on}, the law of {ctx.name(moved_to)} governs the conditions of its application"]))
    return out


def _law_note(ctx: Ctx, state: str) -> str | None:
    if state == "unknown":
        return "the habitual residence is not established, so the law cannot be determined"
    record = ctx.book.state(state)
    if record is not None and record.legal_units and "-" not in state:
        ctx.need("habitual_residence[].state", f"{ctx.name(state)} has several legal systems: the unit of habitual residence "
                 "decides which law applies (Art. 47(1), 48)")
        return f"{ctx.name(state)} has several legal systems: the unit of habitual residence decides (Art. 48)"
    if ctx.bound(state) is False:
        ctx.flag("interpretation", f"The law of {ctx.name(state)}, a non-Contracting State, is designated all the same (Art. 20). "
                 "For parental responsibility only, if its conflict rules point to another non-Contracting State that "
                 "would apply its own law, that law applies (Art. 21(2)).", ["Art. 20", "Art. 21(2)"])
        return "a non-Contracting State's law applies all the same (Art. 20)"
    return None


def _periods(ctx: Ctx, first: str, later: str) -> list[LawPeriod]:
    """One period per habitual residence up to as_of, cited `first`, then `later` after each move."""
    history = [e for e in ctx.case.habitual_residence if e.from_ <= ctx.as_of]
    periods = []
    for i, entry in enumerate(history):
        to = history[i + 1].from_ - dt.timedelta(days=1) if i + 1 < len(history) else None
        periods.append(LawPeriod(from_=entry.from_, to=to, state=entry.state, article=later if i else first,
                                 note=_law_note(ctx, entry.state)))
    return periods


def _pr(ctx: Ctx) -> LawFinding:
    """Art. 16(1), (3), (4): responsibility by operation of law follows the habitual residence, keeping what existed."""
    timeline = _periods(ctx, "16(1)", "16(4)")
    if not timeline:
        return LawFinding(state=None, article="16(1)", reasons=["no habitual residence is recorded"], citations=["Art. 16(1)"])
    current = timeline[-1]
    reasons = [f"parental responsibility arising by operation of law, without any authority, is governed by the law of the "
               f"habitual residence: {ctx.name(current.state) if current.state != 'unknown' else 'not established'} since {current.from_}"]
    cites = ["Art. 16(1)"]
    if len(timeline) > 1:
        reasons.append("responsibility that existed under the law of an earlier habitual residence subsists after the move "
                       "(Art. 16(3)); the law of the new habitual residence can only add holders, e.g. an unmarried father "
                       "it treats as a holder, from the date of the move (Art. 16(4))")
        cites += ["Art. 16(3)", "Art. 16(4)"]
    reasons.append("no renvoi: the internal law is meant, except as Art. 21(2) allows between non-Contracting States")
    cites.append("Art. 21")
    _temporal_flag(ctx, timeline)
    state = None if current.state == "unknown" else current.state
    if state is None:
        ctx.need("habitual_residence", "the law governing parental responsibility follows the habitual residence")
    return LawFinding(state=state, article="16(1)", reasons=reasons, citations=cites, timeline=timeline)


def _temporal_flag(ctx: Ctx, timeline: list[LawPeriod]) -> None:
    anchor = ctx.case.forum or timeline[-1].state
    if anchor == "unknown":
        return
    record = ctx.book.state(anchor)
    eif = record.entry_into_force if record else None
    if eif and timeline[0].from_ and timeline[0].from_ < eif:
        ctx.flag("interpretation", f"Part of the history predates the Convention's entry into force for {ctx.name(anchor)} "
                 f"({eif}); Art. 53 does not say whether Art. 16 reaches facts before it.", ["Art. 16", "Art. 53"])


def _act(ctx: Ctx, i: int) -> LawFinding:
    """Art. 16(2): an agreement or unilateral act is governed by the habitual residence when it takes effect."""
    act = ctx.case.parental_responsibility_acts[i]
    hr = ctx.hr_at(act.effective)
    what = "agreement" if act.kind == "agreement" else "unilateral act (e.g. a will)"
    if hr in (None, "unknown"):
        ctx.need("habitual_residence", f"the law of the {what} taking effect on {act.effective} is that of the habitual residence then")
        return LawFinding(state=None, article="16(2)", citations=["Art. 16(2)"],
                          reasons=[f"the habitual residence on {act.effective}, when the {what} took effect, is not established"])
    made = f" (made on {act.made})" if act.made and act.made != act.effective else ""
    return LawFinding(state=hr, article="16(2)", citations=["Art. 16(2)"], reasons=[
        f"the {what}{made} took effect on {act.effective}, when the child was habitually resident in {ctx.name(hr)}; "
        "its law decides whether it attributes or ends parental responsibility"])


def _exercise(ctx: Ctx) -> LawFinding:
    """Art. 17: the exercise of parental responsibility follows the current habitual residence."""
    timeline = _periods(ctx, "17", "17")
    hr = ctx.hr_at(ctx.as_of)
    state = None if hr in (None, "unknown") else hr
    reasons = [f"how parental responsibility is exercised (who may act alone, which acts need consent) is governed by the law "
               f"of the current habitual residence: {ctx.name(state) if state else 'not established'}; it changes with each move"]
    return LawFinding(state=state, article="17", reasons=reasons, citations=["Art. 17"], timeline=timeline)


def _notes(ctx: Ctx) -> list[str]:
    notes = []
    measure = ctx.case.measure
    if measure and ctx.book.measures[measure.type].group in ("parental_responsibility", "custody_access", "placement",
                                                              "guardianship_representation"):
        notes.append("A measure taken under the Convention may end or modify parental responsibility arising by operation "
                     "of law or by an act (Art. 18).")
    if ctx.case.third_party_transaction:
        notes.append("A third party who dealt in good faith with a person entitled to act as the child's representative under "
                     "the law of the State where the transaction was concluded, both being present there, is protected "
                     "(Art. 19).")
    hr = ctx.hr_at(ctx.as_of)
    forum = ctx.case.forum
    if forum and hr not in (None, "unknown", forum):
        ctx.flag("discretion", "The designated foreign law may be refused only if applying it would be manifestly contrary to "
                 "the forum's public policy, taking the child's best interests into account: a decision for the authority "
                 "(Art. 22).", ["Art. 22"])
    return notes
