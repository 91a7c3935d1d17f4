"""Correspondence: drafting into the register, four eyes, sending, answers, and the Art. 33 consent, on both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from register_support import E4, add_users
from sqlalchemy import select

from hague.documents import Details, DraftError
from hague.engine import assess
from hague.intake import read_case
from hague.register import audit, cases, letters
from hague.register.db import Database
from hague.register.errors import NotAllowed, RegisterError
from hague.register.models import Case, Letter, Office, User
from hague.rulebook import Rulebook

ART33 = "art33_placement_consultation"
Step = Callable[..., object]


@pytest.fixture
def office(database: Database, book: Rulebook) -> dict[str, User]:
    """Bergen (four eyes): kari drafts, rita reviews, anne is admin; olav works in Oslo. One E4 case of Bergen."""
    add_users(database, ("kari", "caseworker", "Bergen"), ("rita", "reviewer", "Bergen"), ("anne", "admin", "Bergen"),
              ("olav", "reviewer", "Oslo"))
    with database.reading() as session:
        people = {u.username: u for u in session.scalars(select(User))}
    with database.transaction() as session:
        cases.create(session, people["kari"], reference="BV-33", title="Placement with aunt in Poland", data=E4, book=book)
    return people


def _case(session: object, actor: User) -> Case:
    found = cases.search(session, actor)  # type: ignore[arg-type]
    assert found
    return found[0][0]


def _do(db: Database, actor: User, step: Step, **kw: object) -> Letter:
    """Run a letters step on the newest letter of the case, in its own transaction."""
    with db.transaction() as session:
        case = cases.get(session, actor, _case(session, actor).id, for_update=True)
        assert case is not None
        letter = letters.of_case(session, case)[0]
        step(session, actor, case, letter, **kw)
        return letter


def _draft(db: Database, actor: User, book: Rulebook, reply_by: dt.date | None = None) -> Letter:
    with db.transaction() as session:
        case = _case(session, actor)
        return letters.draft(session, actor, case, ART33, Details(our_reference="BV-33", reply_by=reply_by), book)


def test_a_draft_is_stored_with_its_pdf_and_data(database: Database, office: dict[str, User], book: Rulebook) -> None:
    letter = _draft(database, office["kari"], book, dt.date(2026, 4, 1))
    assert letter.pdf.startswith(b"%PDF-") and letter.status == "draft"
    assert (letter.action, letter.to_state, letter.language) == (ART33, "PL", "en")
    assert letter.details["our_reference"] == "BV-33" and letter.reply_by == dt.date(2026, 4, 1)
    with database.reading() as session:
        events = audit.for_case(session, _case(session, office["kari"]))
        assert events[-1].kind == "letter.drafted" and events[-1].letter_id == letter.id
        assert events[-1].detail == "art33_placement_consultation to PL in en, from version 1"


def test_what_the_assessment_does_not_open_is_not_drafted(database: Database, office: dict[str, User], book: Rulebook) -> None:
    with pytest.raises(DraftError, match="does not open"), database.transaction() as session:
        letters.draft(session, office["kari"], _case(session, office["kari"]), "art36_danger_notice", Details(), book)


def test_four_eyes_the_drafter_cannot_review_their_own_letter(database: Database, office: dict[str, User],
                                                              book: Rulebook) -> None:
    _draft(database, office["rita"], book)  # a reviewer drafted it
    with pytest.raises(NotAllowed, match="you drafted this one"):
        _do(database, office["rita"], letters.review)
    with pytest.raises(NotAllowed, match="a reviewer or an admin"):
        _do(database, office["kari"], letters.review)  # a caseworker is not a second pair of eyes
    with pytest.raises(NotAllowed, match="only a reviewed letter"):
        _do(database, office["rita"], letters.mark_sent, sent_on=dt.date(2026, 3, 2))
    reviewed = _do(database, office["anne"], letters.review)
    assert reviewed.status == "reviewed" and reviewed.reviewed_by == office["anne"].id
    with pytest.raises(NotAllowed, match="only a draft"):
        _do(database, office["anne"], letters.review)


def test_without_four_eyes_the_drafter_may_review(database: Database, office: dict[str, User], book: Rulebook) -> None:
    with database.transaction() as session:
        bergen = session.scalar(select(Office).where(Office.name == "Bergen"))
        assert bergen is not None
        bergen.four_eyes = False
    _draft(database, office["kari"], book)
    assert _do(database, office["kari"], letters.review).status == "reviewed"


def _sent(db: Database, office: dict[str, User], book: Rulebook, reply_by: dt.date | None = None) -> None:
    _draft(db, office["kari"], book, reply_by)
    _do(db, office["rita"], letters.review)
    _do(db, office["kari"], letters.mark_sent, sent_on=dt.date(2026, 3, 2))


def _art33(version_assessment: dict[str, object]) -> dict[str, object]:
    found = [a for a in version_assessment["cooperation"] if a["action"] == ART33]  # type: ignore[attr-defined, index]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def test_the_art33_consent_unblocks_the_placement_decision(database: Database, office: dict[str, User], book: Rulebook) -> None:
    _sent(database, office, book)
    with database.reading() as session:
        case = _case(session, office["kari"])
        assert case.status == "waiting"  # sending a letter puts the case on hold for the answer
        assert "consented" in str(_art33(cases.latest(session, case).assessment)["blocks_decision"])
    letter = _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 3, 20), note="Consent by letter",
                 decision="consent", book=book)
    assert letter.status == "answered"
    with database.reading() as session:
        case = _case(session, office["kari"])
        first, second = cases.version(session, case, 1), cases.version(session, case, 2)
        assert first is not None and second is not None and case.latest_version == 2 and case.status == "open"
        assert second.reason == "art33_consent" and second.facts["measure"]["art33_consent"] is True
        assert "art33_consent" not in first.facts["measure"]  # the earlier version is kept as it was
        assert _art33(second.assessment)["blocks_decision"] is None
        assert _art33(first.assessment)["blocks_decision"]
        assert second.assessment == assess(read_case(second.facts, book), book).to_json()  # the engine's own answer
        kinds = [e.kind for e in audit.for_case(session, case)]
        assert kinds[-3:] == ["letter.answered", "case.version_added", "case.status"]


def test_an_art33_refusal_keeps_the_decision_blocked(database: Database, office: dict[str, User], book: Rulebook) -> None:
    _sent(database, office, book)
    _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 3, 20), note="", decision="refusal", book=book)
    with database.reading() as session:
        latest = cases.latest(session, _case(session, office["kari"]))
        assert latest.facts["measure"]["art33_consent"] is False
        assert "refused consent" in str(_art33(latest.assessment)["blocks_decision"])


def test_answers_need_a_sent_letter_and_a_plausible_date(database: Database, office: dict[str, User], book: Rulebook) -> None:
    _draft(database, office["kari"], book)
    with pytest.raises(NotAllowed, match="was sent"):
        _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 3, 20), note="", decision=None, book=book)
    _do(database, office["rita"], letters.review)
    _do(database, office["kari"], letters.mark_sent, sent_on=dt.date(2026, 3, 2))
    with pytest.raises(RegisterError) as early:
        _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 3, 1), note="", decision=None, book=book)
    assert early.value.field == "received_on"
    with pytest.raises(RegisterError) as wrong:
        _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 3, 5), note="", decision="maybe", book=book)
    assert wrong.value.field == "decision"
    plain = _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 3, 5), note="Asked for more time",
                decision=None, book=book)
    with database.reading() as session:
        assert [a.note for a in letters.answers(session, plain)] == ["Asked for more time"]
        assert _case(session, office["kari"]).latest_version == 1  # no decision: the facts stay as they are


def test_reminders_list_the_letters_past_their_reply_date(database: Database, office: dict[str, User], book: Rulebook) -> None:
    _sent(database, office, book, reply_by=dt.date(2026, 4, 1))
    with database.reading() as session:
        assert letters.overdue(session, office["kari"], dt.date(2026, 4, 1)) == []
        late = letters.overdue(session, office["kari"], dt.date(2026, 4, 2))
        assert [(lt.document, c.reference) for lt, c in late] == [(ART33, "BV-33")]
        assert letters.overdue(session, office["olav"], dt.date(2026, 4, 2)) == []  # another office's letters are not shown
        assert [r for _, r in cases.search(session, office["kari"])] == [dt.date(2026, 4, 1)]
    _do(database, office["kari"], letters.log_answer, received_on=dt.date(2026, 4, 3), note="", decision=None, book=book)
    with database.reading() as session:
        assert letters.overdue(session, office["kari"], dt.date(2026, 4, 5)) == []
