"""J12: the States a user might think competent, and why they are not."""

from __future__ import annotations

from hague.engine.context import Ctx

ROUTES = {
    "nationality": ("the child's nationality alone founds no jurisdiction; {name} is eligible to ask for a transfer "
                    "(Art. 9) or to be asked (Art. 8), as a State of nationality (Art. 8(2)(a))",
                    ["Art. 5(1)", "Art. 8(2)(a)", "Art. 9"]),
    "presence": ("the child's presence founds jurisdiction only for urgent measures (Art. 11) or provisional measures "
                 "limited to {name} (Art. 12), and neither applies to this measure as described",
                 ["Art. 11", "Art. 12"]),
    "property": ("the child's property there founds jurisdiction only for urgent or provisional measures (Art. 11, 12), "
                 "or under an Art. 55 reservation, which {name} has not made",
                 ["Art. 11", "Art. 12", "Art. 55"]),
    "connection": ("a substantial connection founds no jurisdiction by itself; {name} may be asked to take over, or ask "
                   "to, through a transfer (Art. 8(2)(d), 9)", ["Art. 8(2)(d)", "Art. 9"]),
    "placement": ("a planned placement there gives {name} no jurisdiction; it must be consulted and consent before the "
                  "placement is decided (Art. 33)", ["Art. 33"]),
}


def examine(ctx: Ctx) -> None:
    """Explain every State connected to the child that has no finding."""
    child = ctx.case.child
    links: list[tuple[str, str]] = [(s, "nationality") for s in child.nationalities]
    if child.present_in and child.present_in != "unknown":
        links.append((child.present_in, "presence"))
    links += [(s, "property") for s in child.property_in]
    links += [(s, "connection") for s in child.substantial_connection]
    if ctx.case.measure and ctx.case.measure.placement_state:
        links.append((ctx.case.measure.placement_state, "placement"))
    hr = ctx.hr_at(ctx.t_m)
    national_only = hr not in (None, "unknown") and ctx.bound(hr) is False
    for state, link in links:
        if ctx.has_finding(state) or state == hr:
            continue
        if ctx.bound(state) is False:
            ctx.exclude(state, ctx.bound_reason(state) + "; the Convention gives it no ground", ["Art. 53(1)"])
            continue
        if national_only and link != "placement":
            ctx.exclude(state, "no Convention ground: the habitual residence is in a non-Contracting State; its national "
                        "rules may still allow it to act, with no guarantee of recognition elsewhere", ["Art. 5(1)", "Art. 23(2)(a)"])
            continue
        text, cites = ROUTES[link]
        ctx.exclude(state, text.format(name=ctx.name(state)), cites)
    forum = ctx.case.forum
    if forum and not ctx.has_finding(forum) and forum not in ctx.excluded:
        ctx.exclude(forum, f"no ground of the Convention gives {ctx.name(forum)} jurisdiction over this child on {ctx.t_m}",
                    ["Art. 5(1)"])
