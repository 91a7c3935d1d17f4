"""draft(): the co-operation document for one action of a case's assessment, as PDF bytes.

The assessment decides whether the action is open, to whom it goes and in which languages; the
document only puts that into a letter. It refuses to draft what the assessment does not open, and
anything Art. 37 blocks (not yet assessed, or assessed as a risk).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hague.case import Case
from hague.documents import vocab
from hague.documents.build import Source, sending_language
from hague.documents.details import Details, check_extra
from hague.documents.i18n import SUPPORTED, Lang
from hague.documents.kinds import DraftError, Kind, kind_of, letter
from hague.documents.models import Letter
from hague.documents.render import Embedded, render_html, render_pdf
from hague.engine import assess
from hague.engine.findings import Action, Assessment, LanguagePlan
from hague.rulebook import Rulebook


def _action(kind: Kind, assessment: Assessment, to: str | None) -> Action:
    open_ = [a for a in assessment.cooperation if a.action == kind.action]
    chosen = [a for a in open_ if to is None or a.to == to]
    if not open_:
        others = sorted({a.action for a in assessment.cooperation}) or ["none"]
        raise DraftError(f"the assessment does not open {kind.action} for this case. It is opened when {kind.opened_by}. "
                         f"Actions open for this case: {', '.join(others)}.")
    if not chosen:
        raise DraftError(f"{kind.action} is open only towards {', '.join(sorted({a.to for a in open_}))}, not {to}")
    if len({a.to for a in chosen}) > 1:
        raise DraftError(f"{kind.action} is open towards several States ({', '.join(a.to for a in chosen)}): "
                         "choose one (--to STATE)")
    action = chosen[0]
    if action.blocked_by:
        hint = " Record the authority's Art. 37 assessment in the case (art37_no_risk: true when sending endangers no one)."
        raise DraftError(f"{kind.action} cannot be drafted yet: " + "; ".join(action.blocked_by) + "." +
                         (hint if any("not yet recorded" in b for b in action.blocked_by) else ""))
    return action


def choose_language(plan: LanguagePlan | None, override: str | None, home: str = "en") -> str:
    """Art. 54: the first official language of the receiving State we write in, else its English/French fallback.

    Never a neighbouring language in place of the required one (no Bokmål for a Nynorsk-only State): the
    document then names the translation Art. 54 requires. Without a plan (a document issued at home),
    the sending State's language `home`.
    """
    if override is not None:
        if override not in SUPPORTED:
            raise DraftError(f"documents can be drawn up in {', '.join(SUPPORTED)}, not '{override}'")
        return override
    if plan is None:
        return home
    for code in [*plan.translate_to, *plan.fallback]:
        if code in SUPPORTED:
            return code
    return "en"


def prepare(document: str, case: Case, book: Rulebook, details: Details | None = None, lang: str | None = None, *,
            bilingual: bool = False, to: str | None = None) -> tuple[Kind, Source, Assessment]:
    """Assess the case, find the action and choose the languages (DraftError when it cannot be drafted)."""
    kind = kind_of(document)
    if case.as_of is None:
        case = case.model_copy(update={"as_of": dt.date.today()})
    details = details or Details()
    check_extra(details, document)
    assessment = assess(case, book)
    action = _action(kind, assessment, to)
    src = Source(case=case, book=book, assessment=assessment, action=action, details=details, document=document,
                 language="en", second=None)
    language = choose_language(action.language, lang or details.language, sending_language(src))
    src = replace(src, language=language)
    if bilingual:
        sending = sending_language(src)
        if sending == language:
            sending = "en" if language != "en" else "fr"
        src = replace(src, second=sending)
    return kind, src, assessment


def context(model: Letter, src: Source) -> dict[str, Any]:
    """What the templates see: the model `d`; L1 and L2, the column languages (L2 only when bilingual); LD, the
    document's (receiving) language; LS, the sender's language (the to-do box); `bi` and friends for labels in both."""
    written = model.languages.written_in
    if src.second is None:
        left, right = Lang(src.language), None
    else:  # sending language left, receiving language right; the free text stands once, in its own language's column
        free_text_right = written == src.language and written != src.second
        left, right = Lang(src.second, secondary=free_text_right), Lang(src.language, secondary=not free_text_right)

    def both(show: Callable[[Lang], str]) -> str:
        first, other = show(left), show(right) if right else ""
        return first if not other or other == first else f"{first} / {other}"

    def measure(key: str | None, lang: Lang) -> str:
        """A kind of measure in the reader's language: our catalogue, else the rulebook's local name, else its label."""
        record = src.book.measures.get(key or "")
        if key in vocab.MEASURES or record is None:
            return lang.t(vocab.measure(key))
        return record.local_names.get(lang.code) or record.label

    return {"d": model, "L1": left, "L2": right, "LD": Lang(src.language), "LS": Lang(sending_language(src)), "_": left._,
            "V": vocab, "M": measure,
            "bi": lambda message: both(lambda lang: lang._(message)),
            "bistate": lambda code: both(lambda lang: lang.state(code)),
            "bidate": lambda day: both(lambda lang: lang.date(day))}


def draft_html(document: str, case: Case, book: Rulebook, details: Details | None = None, lang: str | None = None, *,
               bilingual: bool = False, to: str | None = None) -> str:
    kind, src, _ = prepare(document, case, book, details, lang, bilingual=bilingual, to=to)
    model = letter(kind, src)
    return render_html(kind.template, context(model, src))


def draft(action: str, case: Case, book: Rulebook, details: Details | None = None, lang: str | None = None, *,
          bilingual: bool = False, pdfa: bool = False, to: str | None = None) -> bytes:
    """The PDF of the document for `action` (a document key, e.g. art33_placement_consultation or art33_consent_reply).

    PDF/A-3b (`pdfa`) embeds the case and the assessment as JSON, so the receiving side can read them back.
    """
    kind, src, assessment = prepare(action, case, book, details, lang, bilingual=bilingual, to=to)
    model = letter(kind, src)
    html = render_html(kind.template, context(model, src))
    embed: tuple[Embedded, ...] = ()
    if pdfa:
        case_json = json.dumps(src.case.model_dump(mode="json", by_alias=True, exclude_none=True), indent=2, ensure_ascii=False)
        embed = (Embedded("case.json", case_json, "The case (format hague-case/1) this document was drawn from"),
                 Embedded("assessment.json", json.dumps(assessment.to_json(), indent=2, ensure_ascii=False),
                          "The assessment (format hague-assessment/1) of that case"))
    when = dt.datetime.combine(model.date, dt.time(12, 0), tzinfo=dt.UTC)
    return render_pdf(html, embed=embed, pdfa=pdfa, when=when)
