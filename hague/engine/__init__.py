"""assess(case, rulebook) -> Assessment: the stages of the decision model, in order (J0-J12).

Pure: no I/O, no clock. Every date comes from the case (`as_of`, `measure.date`).
"""

from __future__ import annotations

from hague.case import Case
from hague.engine import (
    abduction,
    brussels,
    continuation,
    cooperation,
    divorce,
    exclusions,
    lis_pendens,
    property,
    recognition,
    residence,
    transfer,
    urgency,
)
from hague.engine.context import Ctx
from hague.engine.findings import Action, ApplicableLaw, Assessment, ExistingMeasureStatus, JurisdictionFinding, Recognition
from hague.engine.law import assess_law
from hague.engine.scope import assess_regime, assess_scope
from hague.rulebook import Rulebook

PRECEDENCE = ["7", "BIIb 9", "5(1)", "5(2)", "6(1)", "6(2)", "BIIb 7(1)", "BIIb 11", "8", "9", "BIIb 8(1)",
              "10", "BIIb 10(1)", "11", "BIIb 15", "12", "55", "national"]


def _involved(case: Case) -> list[str]:
    states: list[str] = []
    for s in [case.forum, case.child.present_in, *case.child.nationalities, *case.child.property_in,
              *case.child.substantial_connection, *(r.state for r in case.habitual_residence),
              *(p.state for p in case.proceedings), *(m.state for m in case.existing_measures),
              *(t.from_ for t in case.transfers), *(t.to for t in case.transfers),
              case.removal.from_ if case.removal else None, case.removal.to if case.removal else None,
              case.measure.placement_state if case.measure else None]:
        if s and s != "unknown" and s not in states:
            states.append(s)
    return states


def _order(finding: JurisdictionFinding) -> tuple[int, int]:
    rank = PRECEDENCE.index(finding.article) if finding.article in PRECEDENCE else len(PRECEDENCE)
    return ({"competent": 0, "must_abstain": 1, "lapsed": 2, "ended": 3}[finding.status], rank)


def assess(case: Case, rulebook: Rulebook) -> Assessment:
    """Decide scope, regime and jurisdiction for one child's situation, with reasons."""
    if case.as_of is None:
        raise ValueError("assess needs an explicit as_of date")
    ctx = Ctx(case=case, book=rulebook, as_of=case.as_of, t_m=case.measure_date)
    scope = assess_scope(ctx)
    is_child = scope.child_age is not None and scope.child_age < 18 and case.child.birth_date is not None
    child_in_scope = is_child and scope.excluded_by is None
    existing: list[ExistingMeasureStatus] = []
    law: ApplicableLaw | None = None
    recognised: list[Recognition] = []
    actions: list[Action] = []
    if child_in_scope:
        ctx.retention = abduction.examine(ctx)
    regime = assess_regime(ctx, child_in_scope, _involved(case))
    if child_in_scope:
        _jurisdiction(ctx, existing)
    if is_child:
        law = assess_law(ctx)
        recognised = recognition.assess_recognition(ctx, existing)
        actions = cooperation.assess_cooperation(ctx, recognised)
    ctx.step("J12 aggregate", f"{len([f for f in ctx.findings if f.status == 'competent'])} State(s) may act",
             ["Art. 5(1)"], competent=sorted({f.state for f in ctx.findings if f.status == "competent"}))
    return Assessment(
        as_of=ctx.as_of, measure_date=ctx.t_m, forum=case.forum, rules_version=rulebook.version, scope=scope,
        regime=regime, jurisdiction=sorted(ctx.findings, key=_order), not_competent=list(ctx.excluded.values()),
        transfer_options=ctx.transfer_options, existing_measures=existing, applicable_law=law, recognition=recognised,
        cooperation=actions, missing=list(ctx.missing.values()),
        flags=ctx.flags, trace=ctx.trace)


def _jurisdiction(ctx: Ctx, existing: list[ExistingMeasureStatus]) -> None:
    if ctx.retention is not None:
        abduction.apply(ctx, ctx.retention)
    residence.examine(ctx)
    divorce.examine(ctx)
    urgency.examine(ctx)
    brussels.convert(ctx)
    transfer.examine(ctx)
    lis_pendens.examine(ctx)
    continuation.examine(ctx, existing)
    property.examine(ctx)
    exclusions.examine(ctx)
