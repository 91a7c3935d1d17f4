"""Drafting one co-operation document from the result page: the details form, its errors, the PDF.

The documents module decides whether the action is open and ready (DraftError says why not); this
view only asks for the correspondence details and hands them over. The details are never stored or
logged: they hold names and addresses.
"""

from __future__ import annotations

import re
from typing import Any

from flask import abort, render_template, request
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from hague.documents import KINDS, Details, DetailsError, DraftError
from hague.engine.findings import Action
from hague.web import details_form, results_view
from hague.web.details_form import DetailsForm
from hague.web.helpers import book
from hague.web.results_case import Assessed, load_assessed, question_link

_STATE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
REFUSED = 409  # the request is well formed, but the case does not (yet) allow this document


def draft_page(document: str) -> Response | str:
    """GET: the details form (or why the document cannot be drafted); POST: the PDF, or the form with its errors."""
    if document not in KINDS:
        abort(404, description=_("hague drafts no document called “%(name)s”.", name=document))
    to = request.args.get("to") or None
    if to is not None and not _STATE.match(to):
        abort(404, description=_("“%(to)s” is not a State code.", to=to))
    loaded = load_assessed()
    if isinstance(loaded, Response):
        return loaded
    candidates = _candidates(loaded, document, to)
    if to is None and len({a.to for a in candidates}) > 1:
        return _page("choose", loaded, document, None, candidates=candidates, status=REFUSED)
    action = candidates[0] if candidates else None
    if request.method == "GET":
        refusal = _refusal(loaded, document, to)
        if refusal:
            return _page("refused", loaded, document, action, refusal=refusal, status=REFUSED)
        return _page("form", loaded, document, action, form=details_form.blank_form(document))
    return _post(loaded, document, action, to)


def _post(loaded: Assessed, document: str, action: Action | None, to: str | None) -> Response | str:
    form = details_form.from_request(request.form, document)
    if "add_person" in request.form:  # the no-script way to get another person row
        form.add_row()
        return _page("form", loaded, document, action, form=form)
    details = details_form.validate(form)
    if details is None:
        return _page("form", loaded, document, action, form=form, status=422)
    try:
        pdf = _render(loaded, document, details, form, to)
    except DetailsError as exc:  # extra keys the document does not take (the form only offers the right ones)
        form.errors[""] = "; ".join(str(e) for e in exc.errors)
        return _page("form", loaded, document, action, form=form, status=422)
    except DraftError as exc:
        return _page("form", loaded, document, action, form=form, refusal=_in_words(loaded, document, to, exc), status=REFUSED)
    target = to or (action.to if action else None)
    filename = f"{document}-{target}.pdf" if target else f"{document}.pdf"
    return Response(pdf, mimetype="application/pdf", headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _render(loaded: Assessed, document: str, details: Details, form: DetailsForm, to: str | None) -> bytes:
    from hague.documents import draft  # WeasyPrint loads on first use only

    return draft(document, loaded.case, book(), details, None, bilingual=form.bilingual, pdfa=form.pdfa, to=to)


def _candidates(loaded: Assessed, document: str, to: str | None) -> list[Action]:
    """The open actions this document is drawn from (one per receiving State), as the assessment lists them."""
    wanted = KINDS[document].action
    return [a for a in loaded.assessment.cooperation if a.action == wanted and (to is None or a.to == to)]


def _refusal(loaded: Assessed, document: str, to: str | None) -> str | None:
    """Why the documents module will not draft this document for the case, or None."""
    from hague.documents.drafting import prepare

    try:
        prepare(document, loaded.case, book(), Details(), to=to)
    except DraftError as exc:
        return _in_words(loaded, document, to, exc)
    return None


def _in_words(loaded: Assessed, document: str, to: str | None, exc: DraftError) -> str:
    """Why not, for a caseworker: the document's title, never its key or the case file's field names."""
    title = results_view.action_title(document)
    candidates = _candidates(loaded, document, None)
    chosen = [a for a in candidates if to is None or a.to == to]
    if chosen and chosen[0].blocked_by:
        return str(_("“%(title)s” is held back: %(reasons)s.", title=title, reasons="; ".join(chosen[0].blocked_by)))
    if not candidates:
        return str(_("The assessment of this case does not open “%(title)s”. The result page lists every request and "
                     "notice the facts open.", title=title))
    if not chosen and to is not None:
        return str(_("For this case “%(title)s” goes only to %(states)s, not to %(to)s.", title=title,
                     to=results_view.state(to), states=", ".join(sorted({results_view.state(a.to) for a in candidates}))))
    return str(exc)


def _page(mode: str, loaded: Assessed, document: str, action: Action | None, *, status: int = 200, **extra: Any) -> Response:
    """The drafting page: `mode` is form, refused (why not) or choose (which receiving State)."""
    from hague.documents.drafting import choose_language

    default_lang = choose_language(action.language, None) if action and action.language else None
    html = render_template("web/results/draft.html", mode=mode, a=loaded.assessment, case=loaded.case, document=document,
                           action=action, view=results_view, default_lang=default_lang,
                           extra_fields=details_form.extra_fields(document),
                           art37_link=question_link("art37_no_risk"), **extra)
    return Response(html, status=status, mimetype="text/html")
