"""J1: Art. 7, jurisdiction retained by the State of origin after a wrongful removal or retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hague.calendar import period_end, year_elapsed_from
from hague.engine.context import Ctx, Tri, all_of, any_of
from hague.engine.findings import JurisdictionFinding

CITES = ["Art. 7(1)", "Art. 7(2)"]


@dataclass
class Retention:
    """What Art. 7 says on the measure date: is the origin State still holding jurisdiction?"""

    origin: str
    refuge: str
    retained: Tri  # True: retention lasts; False: it has ended (or never began); None: facts missing
    wrongful: Tri
    ends_on: dt.date | None = None
    ends_when: str = ""
    reasons: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)


def _wrongful(ctx: Ctx) -> tuple[Tri, list[str], list[str]]:
    r = ctx.case.removal
    assert r is not None
    if r.consented is True:
        return False, ["every custody holder consented beforehand, so the move was not wrongful"], []
    facts = {"breach_of_custody": r.breach_of_custody, "custody_exercised": r.custody_exercised, "consented": r.consented}
    value = all_of(r.breach_of_custody, r.custody_exercised, None if r.consented is None else not r.consented)
    if value is False:
        failed = [k for k, v in facts.items() if v is False and k != "consented"]
        return False, [f"not wrongful: {', '.join(failed)} is false (Art. 7(2))"], []
    unknown = [ctx.need(f"removal.{k}", "whether the removal was wrongful decides Art. 7")
               for k, v in facts.items() if v is None]
    if value is None:
        return None, ["whether the removal was wrongful is not established"], unknown
    return True, [f"the {r.kind} on {r.date} breached custody rights under the law of {ctx.name(r.from_)} "
                  "that were actually exercised, without prior consent (Art. 7(2))"], []


def _limb_b(ctx: Ctx) -> tuple[Tri, list[str], list[str], dt.date | None]:
    """Art. 7(1)(b): a year after knowledge, no return request of that year pending, child settled."""
    r = ctx.case.removal
    assert r is not None
    k = r.whereabouts_known
    settled = r.child_settled
    if k is None:
        rr = r.return_request
        if settled is False:  # the limb fails whatever the date: no need to ask for it
            return False, ["the child is not settled in the new environment (Art. 7(1)(b))"], [], None
        earliest = year_elapsed_from(r.date)  # knowledge cannot come before the removal itself
        if ctx.t_m < earliest:
            return False, [f"even counted from the {r.kind} on {r.date}, the year of Art. 7(1)(b) cannot have run before "
                           f"{earliest}, so the knowledge date does not matter yet"], [], None
        pending = bool(rr and rr.status == "pending")
        return None, ["the date the custody holder knew (or should have known) the whereabouts is not given"
                      + ("; a return request is pending" if pending else "")], \
            [ctx.need("removal.whereabouts_known", "Art. 7(1)(b) counts its year from this date")], None
    end, elapsed = period_end(k), year_elapsed_from(k)
    reasons = [f"the year of Art. 7(1)(b) runs from knowledge on {k} and ends at the end of {end}; "
               f"it has run from {elapsed}"]
    time_ok: Tri = ctx.t_m >= elapsed
    rr = r.return_request
    blocking: Tri = bool(rr and rr.status == "pending" and rr.lodged <= end)
    if rr and rr.status == "pending":
        when = "within" if rr.lodged <= end else "after"
        reasons.append(f"a return request lodged on {rr.lodged} ({when} that year) is still pending")
    elif rr:
        reasons.append(f"the return request lodged on {rr.lodged} is {rr.status}, so it does not block")
    deps = [] if settled is not None else [ctx.need("removal.child_settled", "Art. 7(1)(b) requires the child to be settled")]
    reasons.append({True: "the child is settled in the new environment", False: "the child is not settled",
                    None: "whether the child is settled is not known"}[settled])
    value = all_of(time_ok, None if blocking is None else not blocking, settled)
    ends_on = elapsed if (not time_ok and blocking is False and settled is not False) else None
    return value, reasons, deps, ends_on


def examine(ctx: Ctx) -> Retention | None:
    """Decide whether Art. 7 retention applies on the measure date, and why."""
    r = ctx.case.removal
    if r is None:
        return None
    at_removal = ctx.bound(r.from_, r.date)
    if at_removal is False:
        ctx.step("J1 Art. 7", f"not applicable: {ctx.bound_reason(r.from_, r.date)} at the {r.kind}", CITES)
        ctx.flag("interpretation", f"The Convention did not bind {ctx.name(r.from_)} when the child was removed on {r.date}; "
                 "Art. 7 is not applied. National law and the 1980 Convention may still apply.", ["Art. 7", "Art. 53"])
        return None
    wrongful, reasons, deps = _wrongful(ctx)
    ret = Retention(origin=r.from_, refuge=r.to, retained=False, wrongful=wrongful, reasons=reasons, depends_on=deps)
    if wrongful is False:
        ctx.step("J1 Art. 7", "no wrongful removal: Art. 7 does not apply; jurisdiction follows habitual residence",
                 CITES, consented=r.consented, breach_of_custody=r.breach_of_custody, custody_exercised=r.custody_exercised)
        return ret
    _ending(ctx, ret)
    if wrongful is None:
        ret.retained = None if ret.retained is not False else False
    return ret


def _ending(ctx: Ctx, ret: Retention) -> None:
    r = ctx.case.removal
    assert r is not None
    new_hr = ctx.hr_at(ctx.t_m)
    acquired: Tri = None if new_hr is None else (new_hr not in ("unknown", r.from_))
    ret.reasons.append(f"habitual residence on {ctx.t_m}: " + (ctx.name(new_hr) if new_hr and new_hr != "unknown"
                                                              else "not established"))
    limb_a: Tri = r.acquiesced if r.acquiesced is not True or r.acquiesced_on is None else r.acquiesced_on <= ctx.t_m
    if r.acquiesced is None:
        ret.depends_on.append(ctx.need("removal.acquiesced", "acquiescence by every custody holder ends retention (Art. 7(1)(a))"))
    limb_b, b_reasons, b_deps, ends_on = _limb_b(ctx)
    ret.reasons += b_reasons
    ret.depends_on += b_deps
    ended = all_of(acquired, any_of(limb_a, limb_b))
    ret.retained = None if ended is None else not ended
    if acquired is False:
        ret.reasons.append("the child has not acquired a habitual residence in another State, which both limbs require")
    if limb_a is True:
        ret.reasons.append("every custody holder has acquiesced (Art. 7(1)(a))")
    ret.ends_on = ends_on if ret.retained and acquired else None
    ret.ends_when = _ends_when(ret, r.return_request is not None and r.return_request.status == "pending")
    ctx.step("J1 Art. 7", {True: f"jurisdiction retained by {ctx.name(ret.origin)}", False: "retention has ended",
                           None: "retention depends on missing facts"}[ret.retained],
             CITES, origin=ret.origin, refuge=ret.refuge, removal_date=r.date, whereabouts_known=r.whereabouts_known,
             acquiesced=r.acquiesced, child_settled=r.child_settled, new_habitual_residence=new_hr)


def _ends_when(ret: Retention, request_pending: bool) -> str:
    base = ("when the child has a habitual residence in another State and either every custody holder acquiesces "
            "(Art. 7(1)(a)) or the child has lived there a year after the custody holder knew the whereabouts, no "
            "return request lodged within that year is pending, and the child is settled (Art. 7(1)(b))")
    if ret.ends_on:
        return f"on {ret.ends_on} if nothing changes (the year will have run); in general {base}"
    if request_pending:
        return f"not while the return request lodged within the year is pending; then {base}"
    return base


def apply(ctx: Ctx, ret: Retention) -> None:
    """Record the origin State's retained jurisdiction and the refuge State's limits (Art. 7(3))."""
    if ret.retained is False:
        if ret.wrongful:
            ctx.exclude(ret.origin, "Art. 7 retention has ended: " + "; ".join(ret.reasons[-3:]), ["Art. 7(1)", "Art. 5(2)"])
            _side_notes(ctx, ret)
        return
    bound_now = ctx.bound(ret.origin)
    if bound_now is False:
        ctx.exclude(ret.origin, ctx.bound_reason(ret.origin), ["Art. 53(1)"])
        return
    deps = (ret.depends_on if ret.retained is None else []) + ([] if bound_now else [f"rules.states.{ret.origin}.entry_into_force"])
    ctx.add(JurisdictionFinding(
        state=ret.origin, article="7", basis="retained_after_wrongful_removal",
        limits=None if ret.retained else "only if the facts still missing do not end the retention",
        ends_when=ret.ends_when, ends_on=ret.ends_on, reasons=ret.reasons, citations=[*CITES, "Art. 5(2)"],
        depends_on=deps))
    if ret.retained is None:
        _side_notes(ctx, ret)
        return  # the refuge may be the new habitual residence: residence.examine states it conditionally
    ctx.exclude(ret.refuge, f"the child was wrongfully taken to or kept in {ctx.name(ret.refuge)}: while Art. 7 retention "
                "lasts it may take only urgent measures under Art. 11 (Art. 7(3)), not provisional measures under Art. 12",
                ["Art. 7(3)", "Art. 11", "Art. 12(1)"])
    _side_notes(ctx, ret)


def _side_notes(ctx: Ctx, ret: Retention) -> None:
    r = ctx.case.removal
    assert r is not None
    if ctx.bound(ret.refuge) is False and ret.retained is not False:
        ctx.flag("interpretation", f"{ctx.name(ret.refuge)} is not a Contracting State: Art. 7 speaks of 'another State', so "
                 f"{ctx.name(ret.origin)} is treated as keeping jurisdiction, but {ctx.name(ret.refuge)} is not bound and "
                 "may not recognise its measures (compare CJEU C-603/20 for the EU).", ["Art. 7(1)"])
    both_1980 = all(getattr(ctx.book.state(s), "hcch1980", None) for s in (ret.origin, ret.refuge))
    age = ctx.age()
    if age is not None and age >= (ctx.book.instruments.hcch1980.age_limit or 16):
        ctx.flag("warning", f"The child is {age}: the 1980 Abduction Convention no longer applies (it ends at 16), "
                 "but Art. 7 of the 1996 Convention still does (it runs to 18).", ["1980 Art. 4", "Art. 7"])
    elif r.return_request and r.return_request.status == "pending" and both_1980:
        ctx.flag("warning", f"A return request is pending: under 1980 Art. 16 the authorities of {ctx.name(ret.refuge)} may "
                 "not decide on the merits of custody until it is decided; this runs alongside Art. 7(3).",
                 ["1980 Art. 16", "Art. 50", "Art. 7(3)"])
    if r.return_request and r.return_request.status == "refused":
        ctx.flag("interpretation", "A refusal to order return does not by itself move jurisdiction: only the conditions "
                 "of Art. 7(1) do.", ["Art. 7(1)", "Art. 50"])
