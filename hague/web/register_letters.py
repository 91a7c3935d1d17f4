"""A case's correspondence: the stored PDF, review (four eyes), sending, answers and the Art. 33 decision.

Drafting a letter from a case is in register_drafts.py. Every step is a POST with the CSRF token;
what a user may not do (their role, four eyes, the letter's state) is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, redirect, url_for
from flask import request as rq
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from hague.register import letters
from hague.register.errors import NotAllowed, RegisterError
from hague.register.models import DECISIONS, Case, Letter
from hague.web import auth
from hague.web.helpers import book
from hague.web.register import actor, case_or_404
from hague.web.register_db import database, read_db, write_db
from hague.web.register_forms import Errors, date_field, explain


def _letter(case: Case, letter_id: int, *, writing: bool) -> Letter:
    letter = letters.get(write_db() if writing else read_db(), actor(), case, letter_id)
    if letter is None:
        abort(404)
    return letter


def _back(case: Case, letter: Letter) -> Response:
    return redirect(url_for("register.case_detail", case_id=case.id, _anchor=f"letter-{letter.id}"))


@auth.login_required
def letter_pdf(case_id: int, letter_id: int) -> Response:
    """The stored PDF, exactly as drafted (opening it is recorded in the audit trail)."""
    case = case_or_404(case_id)
    letter = _letter(case, letter_id, writing=False)
    with database().transaction() as db:
        letters.viewed(db, actor(), case, letter)
    name = f"{case.id}-{letter.id}-{letter.document}.pdf"
    return Response(letter.pdf, mimetype="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'})


def _step(case_id: int, letter_id: int, do: Any, done: str) -> Response:
    """Run one step on a letter in the writing session; NotAllowed and RegisterError come back as a message."""
    case = case_or_404(case_id, for_update=True)
    letter = _letter(case, letter_id, writing=True)
    try:
        do(case, letter)
    except (NotAllowed, RegisterError) as err:
        write_db().rollback()
        flash(_("Not done: %(why)s", why=explain(err)), "error")
        return _back(case, letter)
    write_db().commit()
    flash(done, "success")
    return _back(case, letter)


@auth.login_required
def review(case_id: int, letter_id: int) -> Response:
    return _step(case_id, letter_id, lambda case, letter: letters.review(write_db(), actor(), case, letter),
                 _("The letter is marked as reviewed. It can now be sent."))


def _form_errors(case_id: int, letter_id: int, errors: Errors) -> tuple[str, int]:
    """The case page again, with the errors next to the fields of this letter's form and what was typed kept."""
    from hague.web.register import detail_page

    return detail_page(case_or_404(case_id), errors, {**rq.form.to_dict(), "letter_id": str(letter_id)}), 422


@auth.login_required
def send(case_id: int, letter_id: int) -> Any:
    errors: Errors = {}
    sent_on = date_field(errors, "sent_on", rq.form.get("sent_on"), required=True)
    if errors or sent_on is None:
        return _form_errors(case_id, letter_id, errors)
    if sent_on > dt.date.today():
        return _form_errors(case_id, letter_id, {"sent_on": _("A letter cannot be recorded as sent on a future date.")})
    return _step(case_id, letter_id, lambda case, letter: letters.mark_sent(write_db(), actor(), case, letter, sent_on),
                 _("The letter is recorded as sent."))


@auth.login_required
def answer(case_id: int, letter_id: int) -> Any:
    """Log an answer; for an Art. 33 consultation the consent or refusal becomes a new version of the facts."""
    errors: Errors = {}
    received = date_field(errors, "received_on", rq.form.get("received_on"), required=True)
    decision = rq.form.get("decision") or None
    if decision is not None and decision not in DECISIONS:
        errors["decision"] = _("Choose consent, refusal, or no decision.")
    if received is not None and received > dt.date.today():
        errors["received_on"] = _("An answer cannot be received on a future date.")
    if errors or received is None:
        return _form_errors(case_id, letter_id, errors)
    done = {"consent": _("The consent is recorded: a new version of the case was assessed with it."),
            "refusal": _("The refusal is recorded: a new version of the case was assessed with it.")}
    return _step(case_id, letter_id,
                 lambda case, letter: letters.log_answer(write_db(), actor(), case, letter, received_on=received,
                                                         note=rq.form.get("note", ""), decision=decision, book=book()),
                 done.get(decision or "", _("The answer is logged.")))


def register_routes(bp: Blueprint) -> None:
    from hague.web import register_drafts

    bp.add_url_rule("/cases/<int:case_id>/letters/<int:letter_id>.pdf", "letter_pdf", letter_pdf)
    bp.add_url_rule("/cases/<int:case_id>/letters/<int:letter_id>/review", "letter_review", review, methods=["POST"])
    bp.add_url_rule("/cases/<int:case_id>/letters/<int:letter_id>/send", "letter_send", send, methods=["POST"])
    bp.add_url_rule("/cases/<int:case_id>/letters/<int:letter_id>/answer", "letter_answer", answer, methods=["POST"])
    register_drafts.register_routes(bp)
