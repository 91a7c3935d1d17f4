"""Small helpers of the register's forms: reading dates and numbers, translating service errors, labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel import Locale, UnknownLocaleError
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hague.register.errors import NotAllowed, RegisterError
from hague.register.models import User
from hague.web.helpers import book

Errors = dict[str, str]

STATUS_LABELS = {"open": _l("open"), "waiting": _l("waiting for an answer"), "closed": _l("closed")}
LETTER_LABELS = {"draft": _l("draft"), "reviewed": _l("reviewed"), "sent": _l("sent"), "answered": _l("answered")}
JURISDICTION_LABELS = {"competent": _l("may act"), "must_abstain": _l("must abstain (Art. 13)"), "lapsed": _l("lapsed"),
                       "ended": _l("ended")}
EVENT_LABELS = {
    "case.created": _l("case saved"), "case.version_added": _l("new version"), "case.title": _l("title changed"),
    "case.status": _l("status changed"), "case.due": _l("due date changed"), "case.caseworker": _l("caseworker changed"),
    "letter.drafted": _l("letter drafted"), "letter.reviewed": _l("letter reviewed"), "letter.sent": _l("letter sent"),
    "letter.answered": _l("answer logged"), "letter.viewed": _l("letter opened"), "user.login": _l("logged in"),
    "user.logout": _l("logged out"), "user.created": _l("user created"), "user.password_set": _l("password set"),
}
REASON_LABELS = {"saved": _l("saved from an assessment"), "reassessed": _l("facts changed and reassessed"),
                 "art33_consent": _l("Art. 33 consent recorded"), "art33_refusal": _l("Art. 33 refusal recorded")}


def action_title(key: str) -> str:
    """The title of an action or document from rules/requests.yaml (the result page uses the same), translated."""
    record = book().requests.get(key)
    if record is not None:
        return str(_(record.title))
    if key == "art33_consent_reply":
        return str(_("Reply to an Art. 33 consultation: consent or refusal"))
    return key.replace("_", " ")


def labels() -> dict[str, dict[str, object]]:
    """The register's labels for the templates (`reg_labels.statuses`, `.events`, ...)."""
    return {"statuses": dict(STATUS_LABELS), "letters": dict(LETTER_LABELS), "reasons": dict(REASON_LABELS),
            "events": dict(EVENT_LABELS), "jurisdiction": dict(JURISDICTION_LABELS)}


def choices(people: Iterable[User]) -> list[tuple[str, str]]:
    """(id, name) options of a select of users."""
    return [(str(u.id), u.username) for u in people]


def date_field(errors: Errors, field: str, text: str | None, *, required: bool = False) -> dt.date | None:
    """A date typed as YYYY-MM-DD (a date input sends that); the error goes to `errors[field]`."""
    text = (text or "").strip()
    if not text:
        if required:
            errors[field] = _("Enter a date (YYYY-MM-DD).")
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        errors[field] = _("“%(value)s” is not a date: write it as YYYY-MM-DD, for example 2026-06-01.", value=text)
        return None


def int_field(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def explain(err: RegisterError | NotAllowed) -> str:
    """A service's message in the user's language."""
    return str(_(err.message, **err.params))


def into(errors: Errors, err: RegisterError) -> Errors:
    errors[err.field or "form"] = explain(err)
    return errors


def language_name(code: str | None) -> str:
    """A language's name in the UI language (nb -> Norwegian Bokmål), with its code."""
    if not code:
        return "–"
    try:
        name = Locale.parse(code).get_display_name(get_locale() or "en")
    except (UnknownLocaleError, ValueError):
        return code
    return f"{name} ({code})" if name else code
