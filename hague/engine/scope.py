"""J0: scope (Art. 1-4, 53(1)) and which instrument governs jurisdiction (Art. 52; BIIb 97)."""

from __future__ import annotations

import datetime as dt

from hague.calendar import birthday, is_child
from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import MeasureRef, Regime, RegimeFinding, Scope


def _measure_scope(ctx: Ctx) -> tuple[MeasureRef | None, str | None, list[str], list[str]]:
    measure = ctx.case.measure
    if measure is None:
        return None, None, ["no measure given: the assessment says who could act for this child at all"], ["Art. 1(1)"]
    kind = ctx.book.measures[measure.type]
    if kind.excluded_by:
        reason = f"{kind.label} is excluded from the Convention by Art. {kind.excluded_by}"
        ctx.flag("warning", "An excluded matter may arise in the same proceedings as protective measures: "
                 "split it off and assess the protective parts separately.", [f"Art. {kind.excluded_by}"])
        return MeasureRef(type=measure.type, article=None), kind.excluded_by, [reason], [f"Art. {kind.excluded_by}"]
    article = ", ".join(kind.convention)
    cites = [f"Art. {a}" for a in kind.convention]
    if kind.debatable:
        ctx.flag("interpretation", f"Classification of {kind.label}: {kind.debatable}", cites)
    return MeasureRef(type=measure.type, article=article), None, [f"{kind.label} is a protective measure (Art. {article})"], cites


def _child_scope(ctx: Ctx) -> tuple[bool, list[str]]:
    child = ctx.case.child
    if child.birth_date is None:
        return False, [f"the child is not yet born (expected {child.expected_birth}); the Convention protects children from birth"]
    if ctx.t_m < child.birth_date:
        return False, [f"the measure date {ctx.t_m} is before the birth on {child.birth_date}"]
    eighteen = birthday(child.birth_date, 18)
    if not is_child(child.birth_date, ctx.t_m):
        return False, [f"the child turned 18 on {eighteen}, before the measure date {ctx.t_m}; the Convention no longer applies "
                       "(consider the 2000 Hague Adults Convention)"]
    if eighteen <= ctx.t_m + dt.timedelta(days=365):
        ctx.flag("warning", f"The child turns 18 on {eighteen}: the Convention stops applying to measures taken from that day; "
                 "re-check the age at every later decision.", ["Art. 2"])
    if child.birth_date.month == 2 and child.birth_date.day == 29:
        ctx.flag("interpretation", "Born on 29 February: this tool counts birthdays in common years as 1 March; "
                 "national rules on the day a person reaches an age may differ.", ["Art. 2"])
    return True, [f"the child is {ctx.age()} on the measure date {ctx.t_m}, under 18"]


def assess_scope(ctx: Ctx) -> Scope:
    """Art. 2 (age on the measure date), Art. 3-4 (subject matter), Art. 53(1) (forum bound)."""
    child_ok, reasons = _child_scope(ctx)
    measure_ref, excluded_by, m_reasons, m_cites = _measure_scope(ctx)
    reasons += m_reasons
    citations = ["Art. 2", *m_cites]
    applies = child_ok and excluded_by is None
    forum = ctx.case.forum
    if applies and forum is not None:
        bound = ctx.bound(forum)
        reasons.append(ctx.bound_reason(forum) + f" (measure date {ctx.t_m})")
        citations.append("Art. 53(1)")
        if bound is False:
            applies = False
            reasons.append(f"the Convention does not govern a measure taken by {ctx.name(forum)} on {ctx.t_m}")
    ctx.step("J0 scope", "the Convention applies" if applies else "the Convention does not apply",
             citations, child_age=ctx.age(), measure_date=ctx.t_m, measure=measure_ref.type if measure_ref else None)
    return Scope(applies=applies, child_age=ctx.age(), measure=measure_ref, excluded_by=excluded_by,
                 reasons=reasons, citations=citations)


# --------------------------------------------------------------------------- regime

def seised_on(ctx: Ctx, state: str) -> dt.date:
    """When the State's authorities were seised: its earliest pending proceedings, else the measure date."""
    dates = [p.commenced for p in ctx.pending(state)]
    return min(dates) if dates else ctx.t_m


def eu_instrument(ctx: Ctx, state: str) -> str | None:
    """'brussels_iib' or 'brussels_iia' where that EU instrument allocates this State's jurisdiction."""
    book = ctx.book
    if not status.eu_binds(book, state):
        return None
    seised = seised_on(ctx, state)
    instrument = "brussels_iib" if seised >= book.instruments.brussels_iib.applies_from else "brussels_iia"
    removal = ctx.case.removal
    if removal is not None and ctx.retention is not None and ctx.retention.retained is not False:
        both_eu = status.eu_binds(book, removal.from_) and status.eu_binds(book, removal.to)
        return instrument if both_eu else None
    hr_then, hr_now = ctx.hr_at(seised), ctx.hr_at(ctx.t_m)
    if hr_then is None or hr_then == "unknown" or not status.eu_binds(book, hr_then):
        return None if hr_now in (None, "unknown") or not status.eu_binds(book, hr_now) else instrument
    if hr_now not in (None, "unknown") and not status.eu_binds(book, hr_now) and ctx.bound(hr_now):
        return None  # C-572/21: a lawful move to a non-EU Contracting State ends the EU forum's hold
    return instrument


def state_regime(ctx: Ctx, state: str) -> Regime:
    instrument = eu_instrument(ctx, state)
    if instrument is not None:
        return "brussels_iib" if instrument == "brussels_iib" else "brussels_iia"
    return "national_law" if ctx.bound(state) is False else "hcch1996"


def assess_regime(ctx: Ctx, scope_applies_to_child: bool, states: list[str]) -> RegimeFinding:
    """Which instrument allocates jurisdiction: per State, and for the forum (or the HR State)."""
    if not scope_applies_to_child:
        return RegimeFinding(jurisdiction="none", reasons=["outside the Convention's scope (see scope)"])
    ctx.regimes = {s: state_regime(ctx, s) for s in states}
    anchor = ctx.case.forum or ctx.hr_at(ctx.t_m)
    main: Regime = ctx.regimes.get(anchor, "hcch1996") if anchor and anchor != "unknown" else "hcch1996"
    reasons, cites = _regime_reasons(ctx, anchor, main)
    ctx.step("J0 regime", main, cites, by_state=dict(ctx.regimes))
    return RegimeFinding(jurisdiction=main, reasons=reasons, citations=cites, by_state=dict(ctx.regimes))


def _regime_reasons(ctx: Ctx, anchor: str | None, main: Regime) -> tuple[list[str], list[str]]:
    who = ctx.name(anchor) if anchor and anchor != "unknown" else "the States involved"
    if main == "brussels_iib":
        ctx.flag("warning", "Brussels IIb governs between the bound EU Member States here: only its main grounds "
                 "(Art. 7-11, 15) are modelled; lis pendens (Art. 20), transfers (Art. 12-13) and the rest of "
                 "the Regulation are not.", ["BIIb 97"])
        return ([f"{who} is an EU Member State bound by Regulation 2019/1111 and the child is habitually resident "
                 "in a bound Member State: the Regulation, not the Convention, allocates jurisdiction between "
                 "Member States (BIIb Art. 97(1)(a)); the Convention still governs the applicable law and "
                 "relations with non-EU Contracting States such as Denmark and Norway"], ["BIIb 97", "Art. 52"])
    if main == "brussels_iia":
        ctx.flag("warning", "Proceedings instituted before 1 August 2022 remain under Brussels IIa (BIIb Art. 100); "
                 "its grounds are shown by their Brussels IIa numbers and only the main ones are modelled.", ["BIIb 100"])
        return ([f"{who}'s proceedings began before 1 August 2022, so Regulation 2201/2003 (Brussels IIa) still "
                 "allocates jurisdiction between Member States"], ["BIIb 100", "Art. 52"])
    if main == "national_law":
        return ([f"{who} is not bound by the Convention on {ctx.t_m}: its own law decides whether it may act"], ["Art. 53(1)"])
    reasons = [f"the Convention allocates jurisdiction for {who} (Chapter II)"]
    if anchor and anchor != "unknown" and status.eu_binds(ctx.book, anchor):
        reasons.append("the EU Regulation does not displace it here: the child is not habitually resident in a bound "
                       "Member State, or the case concerns a non-EU Contracting State (BIIb Art. 97)")
        return reasons, ["Art. 5", "BIIb 97"]
    return reasons, ["Art. 5"]
