"""Drafting a letter from a case: the correspondence details form (shared with the result page), the stored PDF.

The form is the results area's (hague/web/details_form.py, templates/web/results/_details_fields.html).
It opens filled with the case's reference and, when the case has letters already, the sender, the
child and the persons of the newest one, so a caseworker does not type them again. The letter is
drafted from the case's latest version; the documents module refuses what that assessment does not
open (or Art. 37 blocks), and the page says why.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from hague.documents import KINDS, Details, DetailsError, DraftError
from hague.intake import read_case
from hague.register import cases, letters
from hague.register.models import Case
from hague.web import auth, details_form
from hague.web.details_form import DetailsForm
from hague.web.helpers import book
from hague.web.register import actor, case_or_404
from hague.web.register_db import read_db, write_db
from hague.web.register_forms import action_title

_STATE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
CARRIED = ("sender", "child", "persons", "language", "written_in")  # kept from the case's newest letter


def _prefilled(case: Case, document: str) -> DetailsForm:
    newest = next(iter(letters.of_case(read_db(), case)), None)
    details = Details()
    if newest is not None:
        try:
            details = Details.model_validate({k: v for k, v in newest.details.items() if k in CARRIED})
        except ValueError:
            details = Details()
    form = details_form.from_details(details, document)
    form.values.setdefault("our_reference", case.reference)
    return form


def _refusal(case: Case, document: str, to: str | None) -> str | None:
    from hague.documents.drafting import prepare

    try:
        prepare(document, read_case(cases.latest(read_db(), case).facts, book()), book(), Details(), to=to)
    except DraftError as exc:
        return str(exc)
    return None


def _page(case: Case, document: str, to: str | None, form: DetailsForm | None, refusal: str | None = None,
          status: int = 200) -> tuple[str, int]:
    html = render_template("web/register/draft.html", case=case, document=document, to=to, form=form, refusal=refusal,
                           title=action_title(document))
    return html, status


@auth.login_required
def letter_new(case_id: int, document: str) -> Any:
    """GET: the details form for `document` (?to=STATE); POST: draft it and store the PDF with the case."""
    if document not in KINDS:
        abort(404)
    to = request.args.get("to") or None
    if to is not None and not _STATE.match(to):
        abort(404)
    case = case_or_404(case_id)
    if request.method == "GET":
        refusal = _refusal(case, document, to)
        return _page(case, document, to, None if refusal else _prefilled(case, document), refusal, 409 if refusal else 200)
    form = details_form.from_request(request.form, document)
    if "add_person" in request.form:  # the no-script way to get another person row
        form.add_row()
        return _page(case, document, to, form)
    details = details_form.validate(form)
    if details is None:
        return _page(case, document, to, form, status=422)
    case = case_or_404(case_id, for_update=True)
    db = write_db()
    try:
        letter = letters.draft(db, actor(), case, document, details, book(), to=to, bilingual=form.bilingual, pdfa=form.pdfa)
    except DetailsError as exc:
        db.rollback()
        form.errors[""] = "; ".join(str(e) for e in exc.errors)
        return _page(case_or_404(case_id), document, to, form, status=422)
    except DraftError as exc:
        db.rollback()
        return _page(case_or_404(case_id), document, to, form, str(exc), 409)
    db.commit()
    flash(_("The draft is stored with the case. It must be reviewed before it is sent."), "success")
    return redirect(url_for("register.case_detail", case_id=case.id, _anchor=f"letter-{letter.id}"))


def register_routes(bp: Blueprint) -> None:
    bp.add_url_rule("/cases/<int:case_id>/letters/new/<document>", "letter_new", letter_new, methods=["GET", "POST"])
