"""J11: Art. 55, the reservation of jurisdiction over property situated in the reserving State."""

from __future__ import annotations

from hague.engine import status
from hague.engine.context import Ctx
from hague.engine.findings import JurisdictionFinding


def examine(ctx: Ctx) -> None:
    for state in ctx.case.child.property_in:
        if ctx.bound(state) is False:
            continue
        reserved = status.declared(ctx.book, state, "55", ctx.t_m)
        if reserved is None:
            ctx.flag("data", f"Whether {ctx.name(state)} made an Art. 55 reservation for property is not known from the "
                     "data; check its declarations before acting on property there.", ["Art. 55"])
            continue
        if not reserved:
            continue
        categories = _categories(ctx, state)
        ctx.add(JurisdictionFinding(
            state=state, article="55", basis="property_reservation",
            limits="measures for the child's property situated there" + (f" ({categories})" if categories else ""),
            reasons=[f"{ctx.name(state)} reserved jurisdiction over property situated in its territory", "the child has property there"],
            citations=["Art. 55(1)(a)", "Art. 55(2)"]))
        for f in ctx.general():
            if f.state != state:
                f.reasons.append(f"its jurisdiction over property does not reach property in {ctx.name(state)}, which "
                                 "reserved it (Art. 55)")
                if "Art. 55" not in f.citations:
                    f.citations.append("Art. 55")
        ctx.flag("warning", f"{ctx.name(state)} may refuse to recognise parental responsibility or a measure that is "
                 "incompatible with its own measures for the property there.", ["Art. 55(1)(b)"])
        ctx.step("J11 Art. 55", f"{ctx.name(state)} reserved jurisdiction over the property there", ["Art. 55(1)(a)"])


def _categories(ctx: Ctx, state: str) -> str | None:
    record = ctx.book.state(state)
    for decl in record.declarations if record else ():
        if decl.article == "55" and decl.property_categories:
            return decl.property_categories
    return None
