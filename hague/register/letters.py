"""Correspondence: letters drafted from a case, reviewed (four eyes), sent, answered; the Art. 33 answer.

A letter moves draft -> reviewed -> sent -> answered. Where the office requires four eyes (the
default), a reviewer or admin other than the person who drafted it reviews it; a letter is sent only
once reviewed. Recording the receiving State's answer to an Art. 33 consultation writes a new version
of the case with `measure.art33_consent` set (true: consent; false: refusal) and the assessment of it,
so the placement decision is unblocked (or stays blocked) by the engine, not by the register.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hague.documents import Details
from hague.intake import read_case
from hague.register import audit, cases
from hague.register.errors import N_, NotAllowed, RegisterError
from hague.register.models import DECISIONS, Answer, Case, CaseVersion, Letter, Office, User, utcnow
from hague.rulebook import Rulebook

ART33 = "art33_placement_consultation"
REVIEWERS = ("reviewer", "admin")


def draft(db: Session, actor: User, case: Case, document: str, details: Details, book: Rulebook, *,
          lang: str | None = None, to: str | None = None, bilingual: bool = False, pdfa: bool = False) -> Letter:
    """Draft `document` from the case's latest version and store it with its data; DraftError when it cannot be drafted."""
    from hague.documents.drafting import draft as render
    from hague.documents.drafting import prepare

    cases.require_writer(actor)
    version = cases.latest(db, case)
    facts = read_case(version.facts, book)
    _, src, _ = prepare(document, facts, book, details, lang, bilingual=bilingual, to=to)
    pdf = render(document, facts, book, details, lang, bilingual=bilingual, pdfa=pdfa, to=to)
    letter = Letter(case_id=case.id, version_id=version.id, document=document, action=src.action.action,
                    to_state=src.action.to, language=src.language, details=details.model_dump(mode="json", exclude_none=True),
                    pdf=pdf, status="draft", reply_by=details.reply_by, drafted_by=actor.id)
    db.add(letter)
    db.flush()
    audit.record(db, actor, "letter.drafted", case=case, letter=letter,
                 detail=f"{document} to {letter.to_state or '-'} in {letter.language}, from version {version.number}",
                 rules_version=version.rules_version)
    return letter


def get(db: Session, actor: User, case: Case, letter_id: int) -> Letter | None:
    """A letter of this case (the case already scoped to the actor's office)."""
    cases.require_writer(actor)
    return db.scalar(select(Letter).where(Letter.id == letter_id, Letter.case_id == case.id))


def of_case(db: Session, case: Case) -> list[Letter]:
    return list(db.scalars(select(Letter).where(Letter.case_id == case.id).order_by(Letter.id.desc())))


def answers(db: Session, letter: Letter) -> list[Answer]:
    return list(db.scalars(select(Answer).where(Answer.letter_id == letter.id).order_by(Answer.id)))


def _rules(db: Session, letter: Letter) -> str:
    version = db.get(CaseVersion, letter.version_id)
    return version.rules_version if version else ""


def review_refusal(db: Session, actor: User, letter: Letter) -> str | None:
    """Why the actor may not review this letter (None: they may). Four eyes: a reviewer other than the drafter."""
    office = db.get(Office, actor.office_id)
    if letter.status != "draft":
        return N_("only a draft can be reviewed; this letter is %(status)s")
    if office is not None and office.four_eyes:
        if actor.role not in REVIEWERS:
            return N_("your office requires a second person to review letters: a reviewer or an admin")
        if letter.drafted_by == actor.id:
            return N_("your office requires a second person to review letters: you drafted this one")
    elif actor.role not in cases.WRITERS:
        return N_("your role does not allow reviewing letters")
    return None


def review(db: Session, actor: User, case: Case, letter: Letter) -> None:
    refusal = review_refusal(db, actor, letter)
    if refusal:
        raise NotAllowed(refusal, status=letter.status)
    letter.status, letter.reviewed_by, letter.reviewed_at = "reviewed", actor.id, utcnow()
    audit.record(db, actor, "letter.reviewed", case=case, letter=letter, detail=letter.document, rules_version=_rules(db, letter))


def mark_sent(db: Session, actor: User, case: Case, letter: Letter, sent_on: dt.date) -> None:
    """Record that the reviewed letter went out; the case then waits for the answer (when one is due)."""
    cases.require_writer(actor)
    if letter.status != "reviewed":
        raise NotAllowed(N_("only a reviewed letter can be sent; this letter is %(status)s"), status=letter.status)
    letter.status, letter.sent_by, letter.sent_on = "sent", actor.id, sent_on
    rules = _rules(db, letter)
    audit.record(db, actor, "letter.sent", case=case, letter=letter, detail=f"{letter.document} sent on {sent_on}",
                 rules_version=rules)
    if case.status == "open":
        cases.update(db, actor, case, status="waiting")


def _consent_version(db: Session, actor: User, case: Case, decision: str, book: Rulebook, today: dt.date) -> CaseVersion:
    """The latest facts with the Art. 33(2) answer recorded, reassessed as a new version."""
    facts: dict[str, Any] = copy.deepcopy(cases.latest(db, case).facts)
    if not isinstance(facts.get("measure"), dict):
        raise RegisterError("decision", N_("the case's latest facts have no measure: record the placement first"))
    facts["measure"]["art33_consent"] = decision == "consent"
    return cases.add_version(db, actor, case, facts, book, reason=f"art33_{decision}", today=today)


def log_answer(db: Session, actor: User, case: Case, letter: Letter, *, received_on: dt.date, note: str,
               decision: str | None, book: Rulebook, today: dt.date | None = None) -> Answer:
    """Log an answer to a sent letter; for an Art. 33 consultation with a decision, record it in the facts."""
    cases.require_writer(actor)
    if letter.status not in ("sent", "answered"):
        raise NotAllowed(N_("an answer can be logged only for a letter that was sent; this letter is %(status)s"),
                         status=letter.status)
    if decision is not None and (decision not in DECISIONS or letter.action != ART33):
        raise RegisterError("decision", N_("a consent or refusal is recorded only for an Art. 33 consultation"))
    if letter.sent_on and received_on < letter.sent_on:
        raise RegisterError("received_on", N_("is before the letter was sent (%(day)s)"), day=letter.sent_on.isoformat())
    answer = Answer(letter_id=letter.id, received_on=received_on, note=note.strip()[:2000], decision=decision,
                    logged_by=actor.id)
    db.add(answer)
    letter.status = "answered"
    db.flush()
    audit.record(db, actor, "letter.answered", case=case, letter=letter,
                 detail=f"{letter.document} answered on {received_on}" + (f": {decision}" if decision else ""),
                 rules_version=_rules(db, letter))
    if decision is not None:
        _consent_version(db, actor, case, decision, book, today or dt.date.today())
    still_waiting = db.scalar(select(Letter.id).where(Letter.case_id == case.id, Letter.status == "sent").limit(1))
    if case.status == "waiting" and still_waiting is None:
        cases.update(db, actor, case, status="open")
    return answer


def overdue(db: Session, actor: User, today: dt.date) -> list[tuple[Letter, Case]]:
    """The office's letters sent and awaiting an answer past their reply-by date, the oldest first."""
    cases.require_writer(actor)
    query = (select(Letter, Case).join(Case, Letter.case_id == Case.id)
             .where(Case.office_id == actor.office_id, Letter.status == "sent", Letter.reply_by < today)
             .order_by(Letter.reply_by, Letter.id))
    return [(letter, case) for letter, case in db.execute(query)]


def viewed(db: Session, actor: User, case: Case, letter: Letter) -> None:
    """The PDF (which holds personal data) was opened: that is recorded too."""
    audit.record(db, actor, "letter.viewed", case=case, letter=letter, detail=letter.document, rules_version=_rules(db, letter))
