"""Validation with the real case model: the errors of one step, of the whole case, in plain words."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from hague.case import Case, CaseError, FieldError, check_state_code
from hague.intake import measure_type_errors, read_case
from hague.rules_schema import Step
from hague.web.helpers import book, state_name
from hague.web.wizard_forms import MISSING, delete_path, get_path
from hague.web.wizard_messages import known_message, long_date
from hague.web.wizard_steps import _, question_for, root_of, roots, steps

_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_STATE_CODE = re.compile(r"\b[A-Z]{2}(?:-[A-Z0-9]{1,3})?\b")
_FIELD_WORD = re.compile(  # a field name in a case-model message, with the date that follows it
    r"('from'|\bcommenced\b|\b(?:[a-z_]+\.)*[a-z]+_[a-z_]+\b|\b[a-z]+\.(?:from|to|date|kind)\b)(?: (\d{4}-\d{2}-\d{2})\b)?")


def case_errors(data: dict[str, Any]) -> list[FieldError]:
    """Every problem of the case as the wizard holds it: the case model's, plus answers the wizard insists on."""
    errors = _model_errors(data)
    for step in steps():
        for q in step.questions:
            if q.required and get_path(data, q.field) in (MISSING, None, ""):
                errors.append(FieldError(path=q.field, message="is required"))
    return errors


def _model_errors(data: dict[str, Any]) -> list[FieldError]:
    """The case model's errors; those it checks only once the fields are well formed are found too.

    The model checks dates against each other and measure types only when every field is well formed,
    so the faulty fields are left out of a trial copy and the copy checked again: the user sees every
    problem at once instead of one round after another.
    """
    errors = _checked(data)
    trial, latest = copy.deepcopy(data), errors
    known = {e.path for e in errors}
    for _round in range(3):
        if not [e for e in latest if delete_path(trial, e.path)]:
            break
        latest = _checked(trial)
        errors += [e for e in latest if not any(_related(e.path, p) for p in known)]
        known |= {e.path for e in latest}
    return errors


def _related(one: str, other: str) -> bool:
    """Whether one path holds the other (or is it): 'child' and 'child.birth_date'."""
    return any(a == b or a.startswith(b + ".") or a.startswith(b + "[") for a, b in ((one, other), (other, one)))


def _checked(data: dict[str, Any]) -> list[FieldError]:
    """One pass of the case model: field errors, else the story's cross-checks and the measure types together."""
    try:
        read_case(data, book())
    except CaseError as exc:
        errors = list(exc.errors)
    else:
        return []
    try:
        case = Case.model_validate(data)
    except ValidationError:
        return errors
    # read_case stops at the cross-checks; the measure types are checked as well, so both show at once
    return errors + [e for e in measure_type_errors(case, book()) if e not in errors]


def belongs(path: str, step: Step) -> bool:
    return root_of(path) in roots(step)


def step_errors(data: dict[str, Any], step: Step) -> list[FieldError]:
    """The errors of this step's fields; problems of other steps are set aside so they cannot block this one.

    The case model checks the order of dates and the story only once every field is well formed, so the
    other steps' faulty fields are left out of a trial copy until the errors that remain are this step's.
    """
    trial = copy.deepcopy(data)
    for _attempt in range(len(steps())):
        errors = case_errors(trial)
        mine = [e for e in errors if belongs(e.path, step)]
        others = {root_of(e.path) for e in errors if not belongs(e.path, step)} & (set(trial) - {"child", "format"})
        if not others:
            return mine
        for root in others:
            del trial[root]
    return mine


def label_of(path: str) -> str:
    """The plain-words name of a field ('From (period 2)'), never the field's name."""
    question = question_for(path)
    if question is None:
        return _("This answer")
    label = _(question.label)
    rows = re.findall(r"\[(\d+)\]", path)
    if question.record is not None and rows:
        records = question_for(question.record)
        item = _(records.item_label) if records is not None and records.item_label else _("Entry")
        label = _("%(label)s (%(item)s %(n)s)", label=label, item=item.lower(), n=int(rows[0]) + 1)
    return label


def message(error: FieldError) -> str:
    """What is wrong, in words a caseworker reads: no field names, no format jargon."""
    text = error.message
    if text == "is required":
        return _("Answer this question.")
    if text.startswith("must be true, false or unknown"):
        return _("Choose yes, no or unknown.")
    if text.startswith("must be one of"):
        return _("Choose one of the answers offered.")
    if text.startswith("not an ISO 3166-1"):
        return _("“%(value)s” is not a State we know; choose one from the list.", value=error.value)
    if "is not an ISO 3166-2 unit" in text:
        return _("“%(value)s” is not a territorial unit of that State; choose one from the list.", value=error.value)
    if text.startswith("is not a measure type") and (known := _measure_named(str(error.value))):
        return _("“%(value)s” is a name of “%(kind)s”; choose it from the list.", value=error.value, kind=known)
    if text.startswith("is not a measure type"):
        return _("“%(value)s” is not a kind of measure we know; choose one from the list.", value=error.value)
    if text.startswith("must be a date written") or text.startswith("not a real calendar date"):
        return _("“%(value)s” is not a real date. Write it as year-month-day, for example 2024-08-01.", value=error.value)
    if text.startswith("is not a field of hague-case/1"):
        return _("This field is not part of the case format; it cannot be used. Discard it, or correct the file.")
    if text.startswith("give birth_date or expected_birth, not both"):
        return _("Give either the date of birth or the expected date of birth, not both.")
    if text.startswith("give birth_date"):
        return _("Give the date of birth, or the expected date of birth for a child not yet born.")
    if text.startswith("at least one entry is required"):
        return _("Give at least one period: where the child has lived, and from when. Choose “Cannot be established” "
                 "if no finding can be made.")
    if text.startswith("must be later than the previous entry"):
        return _("Must be later than the start of the period before it: list the periods oldest first.")
    known = known_message(error)
    if known is not None:
        return known
    plain = _plain(text, error.path)
    return plain[:1].upper() + plain[1:] + ("" if plain.endswith(".") else ".")


def _measure_named(name: str) -> str | None:
    """The label of the measure type a local name or alias names ('fosterhjem' -> 'Foster placement')."""
    wanted = name.strip().casefold()
    for measure in book().measures.values():
        names = [n.strip() for local in measure.local_names.values() for n in local.split("/")]
        if wanted in {n.casefold() for n in (*names, *measure.aliases, measure.label)}:
            return _(measure.label)
    return None


def _plain(text: str, path: str) -> str:
    """Replace the field names in a case-model message by their plain-words labels, and dates by long dates."""
    record = re.match(r"^([a-z_]+)\[\d+\]", path)

    def word(match: re.Match[str]) -> str:
        name, date = match.group(1).strip("'"), match.group(2)
        for candidate in (name, f"{record.group(0)}.{name}" if record else "", f"child.{name}", f"{root_of(path)}.{name}"):
            question = question_for(candidate) if candidate else None
            if question is not None:
                label = _(question.label)
                keep = ("State", "Art.", "art.", "État")  # a State and an Article keep their capital in every language
                label = label if label.startswith(keep) else label[:1].lower() + label[1:]
                return _("the %(label)s", label=label) + (f" ({date})" if date else "")
        return match.group(0)

    text = _STATE_CODE.sub(lambda m: state_name(m.group(0)) if _is_state(m.group(0)) else m.group(0), _FIELD_WORD.sub(word, text))
    return _ISO_DATE.sub(_long_date, text)


def _long_date(match: re.Match[str]) -> str:
    try:
        return long_date(dt.date.fromisoformat(match.group(0)))
    except ValueError:
        return match.group(0)


def _is_state(code: str) -> bool:
    try:
        check_state_code(code)
    except ValueError:
        return False
    return True


def is_valid(data: dict[str, Any]) -> bool:
    return not case_errors(data)


def check_all(data: dict[str, Any]) -> list[tuple[FieldError, str]]:
    """Every error of the case with its message in plain words."""
    return [(e, message(e)) for e in case_errors(data)]
