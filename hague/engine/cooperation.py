"""Co-operation (Chapter V, Art. 29-40; Art. 54): the requests and notices the facts open,
to whom, in which language, and whether anything (Art. 37, Art. 33 consent) blocks them."""

from __future__ import annotations

from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import Action, LanguagePlan, Recognition

GENERAL = ("5(1)", "5(2)", "6(1)", "6(2)", "7", "8", "9", "10", "BIIb 7(1)", "BIIb 9", "BIIb 10(1)", "BIIb 11", "BIIa 8(1)")
NOTES = [
    "Art. 41: the personal data sent or received may be used only for the purpose of this request.",
    "Art. 42: the receiving authorities keep the information confidential under their own law.",
    "Art. 43: no legalisation or similar formality (apostille included) is required.",
    "Art. 38: each authority bears its own costs, but may charge reasonable fees for services.",
]


class Builder:
    """Collects the actions for one assessment, resolving addressees, routing and languages."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.actions: list[Action] = []

    def add(self, key: str, sender: str, target: str, reasons: list[str], *, via: str | None = None,
            mandatory: bool | None = None, blocks_decision: str | None = None, extra: list[str] | None = None) -> None:
        ctx, kind = self.ctx, self.ctx.book.requests[key]
        if not kind.to_non_contracting and kind.addressee != "parties":
            between = status.in_force_between(ctx.book, sender, target, ctx.as_of)
            if between.value is False:
                ctx.step(f"Art. {kind.article} {key}", f"not open: {between.reason}", [f"Art. {kind.article}"])
                return
        addressee = kind.addressee
        designated = status.declared(ctx.book, target, "44", ctx.as_of) if kind.art44_designee else False
        if designated:
            addressee = "designated_authority"
        if key == "art34_information_request" and status.declared(ctx.book, target, "34(2)", ctx.as_of) is not False:
            addressee = "central_authority"
        self.actions.append(Action(
            action=key, article=kind.article, mandatory=kind.mandatory if mandatory is None else mandatory,
            from_=sender, to=target, addressee=addressee, addressee_name=self._name(target, addressee), via=via,
            document=key if kind.document else None, ready=False, blocked_by=[], reasons=reasons,
            citations=[f"Art. {kind.article}", *(extra or [])], language=None if target == sender else language_plan(ctx, target),
            notes=self._notes(sender, target, addressee), blocks_decision=blocks_decision))
        if designated is None:
            self.actions[-1].notes.insert(0, f"Whether {ctx.name(target)} designated an authority to receive such requests "
                                             "(Art. 44) is not in the data: check its declarations before sending.")

    def _name(self, target: str, addressee: str) -> str | None:
        record = self.ctx.book.state(target)
        if addressee == "central_authority" and record is not None:
            return record.central_authority.name
        if addressee == "designated_authority":
            return "the authority designated under Art. 44 (see the State's declarations)"
        return None

    def _notes(self, sender: str, target: str, addressee: str) -> list[str]:
        notes = list(NOTES)
        record = self.ctx.book.state(target)
        if addressee == "central_authority" and record is not None and not record.central_authority.verified:
            notes.insert(0, f"The Central Authority data for {self.ctx.name(target)} is not verified: check the HCCH "
                            "Authorities page before sending.")
        if record is not None and record.central_authority.multiple:
            notes.insert(0, f"{self.ctx.name(target)} has several Central Authorities: send to the one designated to receive "
                            "communications, unless the competent one is known (Art. 29(2)).")
        if status.eu_binds(self.ctx.book, sender) and status.eu_binds(self.ctx.book, target):
            notes.insert(0, "Between Member States bound by Brussels IIb, co-operation runs through its Central Authorities "
                            "(Chapter V of the Regulation; placements: BIIb Art. 82); the Convention's routing is shown for reference.")
        return notes


def language_plan(ctx: Ctx, target: str) -> LanguagePlan:
    """Art. 54: an official language of the receiving State; else English or French, minus its 54(2) objections."""
    record = ctx.book.state(target)
    official = list(record.languages) if record else []
    objected = sorted({d.objects_to_language for d in (record.declarations if record else ())
                       if d.article == "54(2)" and d.objects_to_language})
    fallback = [lang for lang in ("en", "fr") if lang not in objected]
    unknown_objection = record is not None and any(d.article == "54(2)" and not d.objects_to_language for d in record.declarations)
    note = "send the original with a translation into an official language of the receiving State (Art. 54(1)); only where " \
           "that is not feasible, a translation into " + " or ".join(fallback)
    if objected:
        note += f"; it objected to {', '.join(objected)} (Art. 54(2))"
    if unknown_objection:
        note += "; it made an Art. 54(2) reservation whose language is not in the data: check before using English or French"
    if not official:
        note += "; the official languages of this State are not in the rules data"
    return LanguagePlan(state=target, official=official, translate_to=official, fallback=fallback, objected=objected, note=note)


def _senders(ctx: Ctx) -> list[str]:
    if ctx.case.forum:
        return [ctx.case.forum]
    return sorted({f.state for f in ctx.findings if f.status == "competent" and f.basis != "national_law"})


def assess_cooperation(ctx: Ctx, recognition: list[Recognition]) -> list[Action]:
    b = Builder(ctx)
    for sender in _senders(ctx):
        _transfers(ctx, b, sender)
        _placement(ctx, b, sender)
        _report(ctx, b, sender)
        _locate(ctx, b, sender)
        _information(ctx, b, sender)
        _implementation(ctx, b, sender)
        _danger(ctx, b, sender)
        _certificate(ctx, b, sender)
    _access_finding(ctx, b)
    _recognition_routes(ctx, b, recognition)
    _gate(ctx, b.actions)
    if b.actions:
        ctx.step("Art. 29-40 co-operation", f"{len(b.actions)} action(s) open", ["Art. 30", "Art. 37"],
                 actions=[a.action for a in b.actions])
    return b.actions


def _general_at(ctx: Ctx, state: str) -> bool:
    return any(f.state == state and f.article in GENERAL and f.status == "competent" for f in ctx.findings)


def _transfers(ctx: Ctx, b: Builder, sender: str) -> None:
    for o in ctx.transfer_options:
        if o.from_ != sender:
            continue
        if o.article == "8":
            why = [f"{ctx.name(sender)} may ask {ctx.name(o.to)} to assume jurisdiction (eligible under {', '.join(o.eligible_under)})"]
            b.add("art8_transfer_request", sender, o.to, why, via=f"directly, or through the Central Authority of {ctx.name(sender)}",
                  extra=["Art. 8(2)", "Art. 8(4)"])
            b.add("art8_invitation_to_parties", sender, o.to, [*why, "or suspend the case and invite the parties to apply there"])
        else:
            why = [f"{ctx.name(sender)} may ask {ctx.name(o.to)}, the State of habitual residence, for authorisation to exercise "
                   "jurisdiction; it may act only once that is accepted"]
            b.add("art9_transfer_request", sender, o.to, why, via=f"directly, or through the Central Authority of {ctx.name(o.to)}",
                  extra=["Art. 9(3)"])
            b.add("art9_invitation_to_parties", sender, o.to, why)


def _placement(ctx: Ctx, b: Builder, sender: str) -> None:
    measure = ctx.case.measure
    if measure is None or not measure.placement_state or measure.placement_state == sender:
        return
    kind, target = ctx.book.measures[measure.type], measure.placement_state
    if not kind.art33_abroad:
        return
    if ctx.bound(target) is False:
        ctx.flag("warning", f"{ctx.name(target)} is not a Contracting State: Art. 33 does not apply to a placement there; use "
                 "national law and social-service channels.", ["Art. 33"])
        return
    only_urgent = not _general_at(ctx, sender) and any(f.state == sender and f.article in ("11", "BIIb 15") for f in ctx.findings)
    if not _general_at(ctx, sender) and not only_urgent:
        return
    consent = measure.art33_consent
    blocks = {None: f"the placement decision may be taken only after {ctx.name(target)} has consented (Art. 33(2))",
              True: None, False: f"{ctx.name(target)} refused consent: the placement may not be decided (Art. 33(2))"}[consent]
    reasons = [f"{kind.label} in {ctx.name(target)}, another Contracting State, is contemplated: first consult its Central "
               "Authority or competent authority, sending a report on the child and the reasons for the placement",
               "without that consultation and consent the placement may be refused recognition there (Art. 23(2)(f))"]
    if consent is True:
        reasons.append(f"consent of {ctx.name(target)} is recorded: the placement decision may now be taken")
    if only_urgent:
        reasons.append("the authority acts only under Art. 11: whether Art. 33 binds an urgent placement is not settled, so "
                       "consult where feasible")
    b.add("art33_placement_consultation", sender, target, reasons, mandatory=not only_urgent, blocks_decision=blocks,
          extra=["Art. 33(2)", "Art. 23(2)(f)"])


def _report(ctx: Ctx, b: Builder, sender: str) -> None:
    hr, present = ctx.hr_at(ctx.t_m), ctx.case.child.present_in
    if _general_at(ctx, sender) or hr in (None, "unknown", sender):
        return
    child = ctx.case.child
    connected = sender in (*child.nationalities, *child.substantial_connection, *child.property_in,
                           *(s for s, _ in ctx.previous_residences(ctx.t_m)))
    if not connected:
        return
    if present != hr:
        ctx.step("Art. 32", "not open: the child must be both habitually resident and present in the requested State", ["Art. 32"])
        return
    b.add("art32_report_request", sender, hr, [
        f"{ctx.name(sender)} has a substantial connection with the child and may ask the Central Authority of {ctx.name(hr)}, "
        "where the child is habitually resident and present, for a report or for measures, giving supporting reasons",
        f"{ctx.name(hr)} may answer; it has no duty to"])


def _locate(ctx: Ctx, b: Builder, sender: str) -> None:
    if ctx.case.child.present_in != "unknown" or not ctx.has_finding(sender):
        return
    target = ctx.case.danger.moved_to or (ctx.case.removal.to if ctx.case.removal else None)
    if target is None or target == sender:
        ctx.need("danger.moved_to", "Art. 31(c) asks the Central Authority of the State where the child appears to be")
        return
    b.add("art31c_locate_child", sender, target, [
        f"the child's whereabouts are unknown and the child appears to be in {ctx.name(target)} and in need of protection: "
        f"a competent authority of {ctx.name(sender)} may ask its Central Authority to help find the child"])


def _information(ctx: Ctx, b: Builder, sender: str) -> None:
    if ctx.case.measure is None or not ctx.has_finding(sender):
        return
    for target in ctx.case.information_held_in:
        if target == sender:
            continue
        declared = status.declared(ctx.book, target, "34(2)", ctx.as_of)
        route = {True: f"{ctx.name(target)} declared under Art. 34(2) that such requests go only through its Central Authority",
                 None: f"whether {ctx.name(target)} made an Art. 34(2) declaration is not known: send through its Central "
                       "Authority to be safe",
                 False: "it may go to the authority holding the information"}[declared]
        b.add("art34_information_request", sender, target, [
            f"a measure is contemplated and the child's situation requires information held in {ctx.name(target)}", route,
            "the requested authority has no express duty to answer"], extra=["Art. 34(2)"] if declared is not False else None)


def _implementation(ctx: Ctx, b: Builder, sender: str) -> None:
    hr = ctx.hr_at(ctx.t_m)
    for m in ctx.case.existing_measures:
        target = ctx.case.child.present_in if ctx.case.child.present_in not in (None, "unknown") else hr
        if m.state != sender or target in (None, "unknown", sender):
            continue
        b.add("art35_implementation_assistance", sender, target, [
            f"{ctx.name(sender)} took a {ctx.book.measures[m.type].label.lower()} on {m.date}; it may ask {ctx.name(target)}'s "
            "authorities to help implement it, in particular to secure access and regular contact"])


def _danger(ctx: Ctx, b: Builder, sender: str) -> None:
    danger = ctx.case.danger
    if not danger.serious:
        return
    target = danger.moved_to or (ctx.case.child.present_in if ctx.case.child.present_in != "unknown" else None)
    if target is None or target == sender:
        if target is None:
            ctx.need("danger.moved_to", "Art. 36 notice goes to the State the child moved to or is present in")
        return
    b.add("art36_danger_notice", sender, target, [
        "the child is exposed to serious danger and has moved to or is present in another State: the authorities that took or "
        f"are considering measures must inform {ctx.name(target)} of the danger and the measures",
        *(["this applies even though it is not a Contracting State ('another State')"] if ctx.bound(target) is False else [])])


def _certificate(ctx: Ctx, b: Builder, sender: str) -> None:
    hr = ctx.hr_at(ctx.t_m)
    took = any(m.state == sender for m in ctx.case.existing_measures)
    if sender != hr and not took:
        return
    basis = "the State of habitual residence" if sender == hr else "the State where a measure was taken"
    designated = status.declared(ctx.book, sender, "40(3)", ctx.as_of)
    b.add("art40_certificate", sender, sender, [
        f"as {basis}, {ctx.name(sender)} may, on request of a holder of parental responsibility or of a person entrusted with the "
        "child's protection, deliver a certificate of that person's capacity and powers; it is presumed correct until shown "
        "otherwise (Art. 40(2))",
        "issued by the authority designated under Art. 40(3)" if designated else "issued by the authority the State designates"],
        extra=["Art. 40(2)", "Art. 40(3)"])


def _access_finding(ctx: Ctx, b: Builder) -> None:
    parent_state = ctx.case.access_parent_residence
    hr = ctx.hr_at(ctx.t_m)
    if parent_state is None or hr in (None, "unknown", parent_state):
        return
    if ctx.case.forum not in (None, parent_state):
        ctx.flag("warning", f"If {ctx.name(parent_state)} makes a finding on the parent's suitability for access, the authority "
                 "competent for access must admit and consider it before deciding (Art. 35(2)); it may adjourn meanwhile "
                 "(Art. 35(3)).", ["Art. 35(2)", "Art. 35(3)"])
        return
    b.add("art35_2_access_finding", parent_state, hr, [
        f"a parent living in {ctx.name(parent_state)}, where the child does not live, seeks access: its authorities may, on that "
        "parent's request, gather information and rule on the parent's suitability and the conditions of access",
        f"the authorities of {ctx.name(hr)} must admit and consider that finding before deciding on access"],
        extra=["Art. 35(3)"])


def _recognition_routes(ctx: Ctx, b: Builder, recognition: list[Recognition]) -> None:
    for r in recognition:
        origin = ctx.case.existing_measures[r.measure].state
        if "art24_advance_recognition" in r.routes:
            b.add("art24_advance_recognition", origin, r.in_, [
                f"an interested person may ask {ctx.name(r.in_)} to decide whether measure #{r.measure} is recognised"])
        if "art26_enforceability" in r.routes:
            b.add("art26_enforceability", origin, r.in_, [
                f"an interested party may apply in {ctx.name(r.in_)} for measure #{r.measure} to be declared enforceable or registered"],
                extra=["Art. 28"])


def _gate(ctx: Ctx, actions: list[Action]) -> None:
    """Art. 37: nothing is ready to send until the authority has recorded that sending endangers no one."""
    verdict = ctx.case.art37_no_risk
    for a in actions:
        if not ctx.book.requests[a.action].art37_gate:
            a.ready = True
            a.notes.insert(0, "Art. 37 governs requests and transmissions between authorities under Chapter V; this document "
                              "is issued to or made by the person concerned, so it is not held back by it. Still weigh the "
                              "family's safety before handing it over.")
            continue
        if verdict is None:
            a.blocked_by.append("Art. 37: the authority has not yet recorded its assessment of the risk of sending")
        elif verdict is False:
            a.blocked_by.append("Art. 37: the authority assessed that requesting or sending information would endanger the "
                                "child or a family member")
        a.ready = not a.blocked_by
        if "Art. 37" not in a.citations:
            a.citations.append("Art. 37")
    gated = [a for a in actions if ctx.book.requests[a.action].art37_gate]
    if gated and verdict is None:
        ctx.need("art37_no_risk", "no request or notice may be sent before the Art. 37 assessment is recorded")
    if gated and verdict is False:
        ctx.flag("warning", "Art. 37 blocks every request and transmission here, including the Art. 36 notice.", ["Art. 37", "Art. 36"])
