"""The plain-text report of an assessment: the answer first, then reasons and citations."""

from __future__ import annotations

import textwrap

from hague.engine.findings import Assessment, JurisdictionFinding
from hague.rulebook import Rulebook

WIDTH = 92
STATUS = {"competent": "MAY ACT", "must_abstain": "MUST ABSTAIN (Art. 13)", "lapsed": "LAPSED", "ended": "ENDED"}


def _wrap(text: str, indent: int = 4, first: str | None = None) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(text, WIDTH, initial_indent=first if first is not None else pad, subsequent_indent=pad) or [pad]


def _cites(citations: list[str]) -> str:
    return "[" + ", ".join(citations) + "]" if citations else ""


def _finding(book: Rulebook, f: JurisdictionFinding) -> list[str]:
    article = f.article if f.article.startswith(("BIIb", "BIIa")) else f"Art. {f.article}"
    article = "national law" if f.article == "national" else article
    conditional = " — CONDITIONAL" if f.depends_on else ""
    lines = _wrap(f"{book.state_name(f.state)} [{f.state}]: {STATUS[f.status]} under {article} "
                  f"({f.basis.replace('_', ' ')}){conditional}", 4, "  * ")
    if f.limits:
        lines += _wrap(f"Limits: {f.limits}", 6)
    if f.ends_when:
        lines += _wrap(f"Ends: {f.ends_when}" + (f" (date: {f.ends_on})" if f.ends_on else ""), 6)
    if f.depends_on:
        lines += _wrap("Depends on missing facts: " + ", ".join(f.depends_on), 6)
    return lines


def _answer(book: Rulebook, a: Assessment) -> list[str]:
    lines = ["WHO MAY ACT"]
    if not a.scope.applies and not a.jurisdiction:
        lines += _wrap("The Convention does not apply: " + "; ".join(a.scope.reasons) + " " + _cites(a.scope.citations), 2)
        return lines
    if not a.jurisdiction:
        lines += _wrap("No State's jurisdiction can be established on these facts; see the missing facts below.", 2)
    for f in a.jurisdiction:
        lines += _finding(book, f)
    if a.not_competent:
        lines += ["", "NOT COMPETENT"]
        for n in a.not_competent:
            lines += _wrap(f"{book.state_name(n.state)} [{n.state}]: " + "; ".join(n.reasons) + f" {_cites(n.citations)}", 4, "  * ")
    return lines


def _reasons(book: Rulebook, a: Assessment) -> list[str]:
    lines = ["SCOPE AND REGIME"]
    lines += _wrap(("Applies: " if a.scope.applies else "Does not apply: ") + "; ".join(a.scope.reasons)
                   + f" {_cites(a.scope.citations)}", 4, "  - ")
    lines += _wrap(f"Regime ({a.regime.jurisdiction}): " + "; ".join(a.regime.reasons) + f" {_cites(a.regime.citations)}", 4, "  - ")
    if a.jurisdiction:
        lines += ["", "REASONS"]
        for f in a.jurisdiction:
            lines += _wrap(f"{book.state_name(f.state)} ({f.article}): " + "; ".join(f.reasons) + f" {_cites(f.citations)}", 4, "  - ")
    return lines


def _law(book: Rulebook, a: Assessment) -> list[str]:
    law = a.applicable_law
    if law is None:
        return []
    lines = ["", "APPLICABLE LAW"]
    for m in law.by_state:
        lines += _wrap(f"Measures by {book.state_name(m.state)}: law of {book.state_name(m.law_of)} (Art. {m.article})"
                       + (f"; may apply or consider the law of {', '.join(m.options)} (Art. 15(2))" if m.options else ""), 4, "  - ")
    for c in law.conditions_of_application:
        lines += _wrap(f"Measure #{c.measure}: from {c.from_} its conditions of application follow the law of "
                       f"{book.state_name(c.state)} (Art. 15(3))", 4, "  - ")
    for label, finding in (("Parental responsibility by operation of law", law.parental_responsibility),
                           ("Exercise of parental responsibility", law.exercise)):
        where = book.state_name(finding.state) if finding.state else "cannot be determined"
        lines += _wrap(f"{label}: {where} (Art. {finding.article}). " + "; ".join(finding.reasons), 4, "  - ")
        if label.startswith("Parental"):
            for p in finding.timeline:
                shown = book.state_name(p.state) if p.state != "unknown" else "unknown"
                note = f" - {p.note}" if p.note else ""
                lines += _wrap(f"{p.from_} to {p.to or 'now'}: {shown} (Art. {p.article}){note}", 8, "      ")
    for act in law.acts:
        lines += _wrap(f"Agreement or unilateral act: {book.state_name(act.state) if act.state else 'cannot be determined'} "
                       f"(Art. {act.article}). " + "; ".join(act.reasons), 4, "  - ")
    lines += [line for note in law.notes for line in _wrap(note, 4, "  - ")]
    return lines


def _recognition(book: Rulebook, a: Assessment) -> list[str]:
    if not a.recognition:
        return []
    lines = ["", "RECOGNITION OF MEASURES ALREADY TAKEN"]
    for r in a.recognition:
        verdict = {True: "recognised by operation of law", False: "no effect there", None: "for national law"}[r.recognised]
        grounds = f"; may be refused: {', '.join(r.grounds_for_refusal)}" if r.grounds_for_refusal else ""
        check = f"; for the requested State to judge: {', '.join(r.to_check)}" if r.to_check else ""
        lines += _wrap(f"#{r.measure} in {book.state_name(r.in_)} ({r.regime}): {verdict}{grounds}{check}. "
                       + "; ".join(r.reasons) + f" {_cites(r.citations)}", 4, "  - ")
    return lines


def _cooperation(book: Rulebook, a: Assessment) -> list[str]:
    if not a.cooperation:
        return []
    lines = ["", "CO-OPERATION (what may or must be sent, and to whom)"]
    for c in a.cooperation:
        duty = "MUST" if c.mandatory else "may"
        state = "ready to draft" if c.ready else "NOT READY: " + "; ".join(c.blocked_by)
        to = c.addressee.replace("_", " ") + (f" ({c.addressee_name})" if c.addressee_name else "")
        lines += _wrap(f"[{duty}] {c.action} (Art. {c.article}) {book.state_name(c.from_)} -> {book.state_name(c.to)}, to the {to}"
                       + (f", {c.via}" if c.via else "") + f". {state}.", 4, "  - ")
        lines += _wrap("; ".join(c.reasons) + f" {_cites(c.citations)}", 6)
        if c.blocks_decision:
            lines += _wrap(f"Blocks: {c.blocks_decision}", 6)
        if c.language:
            lines += _wrap(f"Language: {', '.join(c.language.translate_to) or '?'} (fallback {', '.join(c.language.fallback)}); "
                           f"{c.language.note}", 6)
    return lines


def _extras(book: Rulebook, a: Assessment) -> list[str]:
    lines: list[str] = []
    if a.transfer_options:
        lines += ["", "TRANSFER OPTIONS (discretionary: may, never must)"]
        for o in a.transfer_options:
            lines += _wrap(f"Art. {o.article}: {book.state_name(o.from_)} -> {book.state_name(o.to)} "
                           f"(eligible under {', '.join(o.eligible_under)}): " + "; ".join(o.reasons)
                           + f" {_cites(o.citations)}", 4, "  - ")
    if a.existing_measures:
        lines += ["", "MEASURES ALREADY TAKEN"]
        for e in a.existing_measures:
            lines += _wrap(f"#{e.measure} ({book.state_name(e.state)}): {e.status.replace('_', ' ')}. " + "; ".join(e.reasons)
                           + f" {_cites(e.citations)}", 4, "  - ")
    if a.missing:
        lines += ["", "MISSING FACTS (the answer depends on them)"]
        for m in a.missing:
            lines += _wrap(f"{m.fact}: {m.question} — {m.why}", 4, "  - ")
    if a.flags:
        lines += ["", "FLAGS (discretion, unsettled points, data to check)"]
        for fl in a.flags:
            lines += _wrap(f"[{fl.kind}] {fl.text} {_cites(fl.citations)}", 4, "  - ")
    return lines


def _trace(a: Assessment) -> list[str]:
    lines = ["", "TRACE"]
    for i, t in enumerate(a.trace, 1):
        lines += _wrap(f"{i}. {t.step}: {t.outcome} {_cites(t.citations)}", 6, "  ")
    return lines


def render_text(book: Rulebook, a: Assessment, *, trace: bool = True) -> str:
    forum = f", forum: {book.state_name(a.forum)}" if a.forum else ", no forum given (all States involved)"
    head = [f"hague assessment as of {a.as_of} (measure date {a.measure_date}){forum}",
            f"rules version {a.rules_version[:12]}", ""]
    body = [*_answer(book, a), "", *_reasons(book, a), *_law(book, a), *_recognition(book, a), *_cooperation(book, a)]
    body += _extras(book, a) + (_trace(a) if trace else [])
    foot = ["", "These are findings for an authority to weigh, not decisions. Article summaries: `hague articles`."]
    return "\n".join(head + body + foot) + "\n"
