"""The correspondence details (hague-details/1) as an HTML form, both ways, with errors per field.

Field names are the details' own paths (``sender.authority``, ``persons[0].name``, ``extra.duration``),
so an error from ``parse_details`` lands next to the field it is about. The drafting page of the
results uses this module with ``templates/web/results/_details_fields.html``; the case register can
reuse both (``from_details`` fills the form from stored details, ``validate`` gives them back).
Nothing here logs or stores what is typed: the details carry personal data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hague.documents import KINDS, Details, DetailsError, parse_details
from hague.documents.details import EXTRA_FIELDS
from hague.documents.i18n import SUPPORTED

PARTY = ("authority", "address", "contact", "email", "phone")  # sender and addressee blocks
PERSON = ("name", "role", "address", "parental_responsibility")
SINGLE = ("our_reference", "their_reference", "child.name", "child.address", "child.languages", "reasons", "request",
          "reply_by", "attachments", "language", "written_in", "date")
DATES = ("reply_by", "date")
NO_REPLY = ("art33_consent_reply", "art36_danger_notice", "art40_certificate")  # documents that ask for no answer
_CODE = re.compile(r"^[a-z]{2,3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ROW = re.compile(r"^persons\[(\d+)\]\.(\w+)$")
MAX_ROWS = 30  # a bound on the person rows a posted form may create

LABELS: dict[str, Any] = {
    "authority": _l("Authority"), "address": _l("Postal address"), "contact": _l("Contact person"),
    "email": _l("Email"), "phone": _l("Telephone"),
    "our_reference": _l("Our reference"), "their_reference": _l("Their reference"),
    "child.name": _l("Child's full name"), "child.address": _l("Child's address"),
    "child.languages": _l("Languages the child speaks"),
    "reasons": _l("Reasons"), "request": _l("What you ask for"), "reply_by": _l("Reply by"),
    "attachments": _l("Attachments"), "language": _l("Language of the letter"),
    "written_in": _l("Language your free text is written in"), "date": _l("Date of the letter"),
    "name": _l("Name"), "role": _l("Role"), "parental_responsibility": _l("Has parental responsibility"),
}
HINTS: dict[str, Any] = {
    "authority": _l("As it should stand on the letter."),
    "their_reference": _l("Only if the receiving authority has already given one."),
    "child.languages": _l("Two-letter language codes separated by commas, for example nb (Norwegian Bokmål), pl (Polish)."),
    "reasons": _l("In your own language: the letter carries it as written and marks it as the original."),
    "reply_by": _l("A date, written YYYY-MM-DD (for example 2026-06-01)."),
    "attachments": _l("One attachment per line."),
    "written_in": _l("A two-letter language code such as nb (Norwegian Bokmål) or en (English). Leave empty for the first "
                     "official language of your State."),
    "date": _l("Written YYYY-MM-DD. Leave empty for the assessment date."),
    "role": _l("For example mother, father, guardian, foster parent, applicant."),
}
LANGUAGE_CHOICES = (("", _l("As Art. 54 calls for (the default)")), ("en", _l("English")), ("fr", _l("French")),
                    ("nb", _l("Norwegian Bokmål")))
YES_NO = (("", _l("Not stated")), ("yes", _l("Yes")), ("no", _l("No")))

# Labels of the per-document `extra` fields (hague.documents.details.EXTRA_FIELDS), with choices where the document has them.
EXTRA_LABELS: dict[str, Any] = {
    "scope": _l("Scope of the matters concerned"), "proceedings": _l("Further details of the proceedings"),
    "description": _l("Description of the child"), "last_known_address": _l("Last known address"),
    "believed_location": _l("Where the child may be"), "asked": _l("What is asked for"),
    "connection": _l("Further details of the connection"), "report_on_child": _l("Report on the child"),
    "proposed_carers": _l("Proposed carers"), "carers_assessment": _l("Assessment of the carers"),
    "duration": _l("Intended duration"), "financing": _l("Financing"), "supervision": _l("Supervision"),
    "contact": _l("Contact with parents and family"), "child_views": _l("The child's views"),
    "immigration_status": _l("Immigration status"), "decision": _l("Decision"), "decided_on": _l("Date of the decision"),
    "deciding_authority": _l("Authority that decided"), "conditions": _l("Conditions"), "purpose": _l("Purpose"),
    "assistance": _l("Practical arrangements"), "parent": _l("Parent seeking access"),
    "access_proceedings": _l("Proceedings and authority"), "measures": _l("Further details"), "holder": _l("Holder"),
    "capacity": _l("Capacity in which the holder acts"), "powers": _l("Powers conferred"), "basis": _l("Further basis"),
    "applicant": _l("Applicant"), "measure_authority": _l("Authority that took the measure"),
    "measure_reference": _l("Reference of the decision"), "enforcement_sought": _l("Enforcement sought"),
}
EXTRA_CHOICES: dict[str, tuple[tuple[str, Any], ...]] = {
    "asked": (("", _l("Not stated (a report)")), ("report", _l("A report on the child's situation")),
              ("measures", _l("Measures to protect the child")), ("both", _l("Both"))),
    "decision": (("", _l("Not stated")), ("consent", _l("Consent")), ("refusal", _l("Refusal"))),
}
SHORT_EXTRAS = ("decided_on", "deciding_authority", "holder", "capacity", "parent", "applicant", "measure_authority",
                "measure_reference", "duration", "immigration_status")


@dataclass(frozen=True)
class ExtraField:
    key: str
    name: str  # the form field name: extra.<key>
    label: Any
    choices: tuple[tuple[str, Any], ...] = ()
    short: bool = False  # one line rather than a text area


def extra_fields(document: str) -> list[ExtraField]:
    """The per-document fields of `document`, labelled, in the documents' order."""
    return [ExtraField(key, f"extra.{key}", EXTRA_LABELS.get(key, key.replace("_", " ")), EXTRA_CHOICES.get(key, ()),
                       key in SHORT_EXTRAS) for key in EXTRA_FIELDS.get(document, ())]


def field_id(name: str) -> str:
    """The HTML id of a field: `persons[0].name` -> `d-persons-0-name`."""
    return "d-" + re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


@dataclass
class DetailsForm:
    """The form as typed: flat text values by field name, the number of person rows, errors by field name."""

    document: str
    values: dict[str, str] = field(default_factory=dict)
    rows: int = 2
    errors: dict[str, str] = field(default_factory=dict)
    bilingual: bool = False
    pdfa: bool = False

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    def error(self, name: str) -> str | None:
        return self.errors.get(name)

    def id(self, name: str) -> str:
        return field_id(name)

    def label(self, name: str) -> str:
        return str(label_of(name, self.document))

    def short_label(self, name: str) -> str:
        """The label inside its group (the fieldset's legend names the group)."""
        return str(LABELS.get(name.rsplit(".", 1)[-1], name) if name.startswith(("sender.", "addressee.", "persons["))
                   else label_of(name, self.document))

    @property
    def extras(self) -> list[ExtraField]:
        return extra_fields(self.document)

    @property
    def language_choices(self) -> tuple[tuple[str, Any], ...]:
        return LANGUAGE_CHOICES

    @property
    def yes_no(self) -> tuple[tuple[str, Any], ...]:
        return YES_NO

    def hint(self, name: str) -> str | None:
        key = name.split(".", 1)[1] if name.startswith(("sender.", "addressee.")) else name
        row = _ROW.match(name)
        hint = HINTS.get(row.group(2) if row else key)
        return str(hint) if hint else None

    def names(self) -> list[str]:
        return field_names(self.document, self.rows)

    def summary(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) of every error, in the order of the form."""
        order = [*self.names(), ""]
        found = sorted(self.errors.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        return [(field_id(name) if name else "", self.label(name) if name else "", msg) for name, msg in found]

    def add_row(self) -> None:
        self.rows = min(self.rows + 1, MAX_ROWS)

    def asks(self, name: str) -> bool:
        """Whether the document uses this field: a certificate has no reasons, request or reply-by date to fill in."""
        if name in ("reasons", "request"):
            kind = KINDS.get(self.document)
            return kind is None or name in kind.shows
        return name != "reply_by" or self.document not in NO_REPLY

    def has_any(self, prefix: str) -> bool:
        return any(v for k, v in self.values.items() if k.startswith(prefix)) or any(k.startswith(prefix) for k in self.errors)


def label_of(name: str, document: str) -> Any:
    """The human label of a field, naming the group it belongs to where the bare label would be ambiguous."""
    if name.startswith("sender."):
        return _l("Sender: %(field)s", field=LABELS[name.split(".", 1)[1]])
    if name.startswith("addressee."):
        return _l("Receiving authority: %(field)s", field=LABELS[name.split(".", 1)[1]])
    match = _ROW.match(name)
    if match:
        return _l("Person %(n)s: %(field)s", n=int(match.group(1)) + 1, field=LABELS.get(match.group(2), match.group(2)))
    if name.startswith("extra."):
        return EXTRA_LABELS.get(name[6:], name[6:])
    return LABELS.get(name, name)


def field_names(document: str, rows: int) -> list[str]:
    """Every field of the form, in its order."""
    names = [f"sender.{k}" for k in PARTY] + [f"addressee.{k}" for k in PARTY]
    names += ["our_reference", "their_reference", "child.name", "child.address", "child.languages"]
    names += [f"persons[{i}].{k}" for i in range(rows) for k in PERSON]
    names += ["reasons", "request", "reply_by", "attachments", "date", "language", "written_in"]
    return names + [f.name for f in extra_fields(document)]


def blank_form(document: str, rows: int = 2) -> DetailsForm:
    return DetailsForm(document=document, rows=rows)


def from_request(formdata: Mapping[str, str], document: str) -> DetailsForm:
    """The form as posted: every known field as typed (unknown names are ignored)."""
    indices = [int(m.group(1)) for key in formdata if (m := _ROW.match(key))]
    rows = min(max([*indices, 0]) + 1, MAX_ROWS)
    form = DetailsForm(document=document, rows=max(rows, 1), bilingual=bool(formdata.get("bilingual")),
                       pdfa=bool(formdata.get("pdfa")))
    form.values = {name: str(formdata.get(name, "")).strip() for name in form.names() if formdata.get(name)}
    return form


def from_details(details: Details, document: str, blank_rows: int = 1) -> DetailsForm:
    """A form filled from stored details (for editing them again)."""
    values: dict[str, str] = {}
    for block in ("sender", "addressee"):
        party = getattr(details, block)
        values.update({f"{block}.{k}": getattr(party, k) for k in PARTY if party is not None and getattr(party, k)})
    simple = {"our_reference": details.our_reference, "their_reference": details.their_reference, "reasons": details.reasons,
              "request": details.request, "language": details.language, "written_in": details.written_in,
              "child.name": details.child.name, "child.address": details.child.address,
              "child.languages": ", ".join(details.child.languages), "attachments": "\n".join(details.attachments),
              "reply_by": details.reply_by.isoformat() if details.reply_by else None,
              "date": details.date.isoformat() if details.date else None}
    values.update({k: v for k, v in simple.items() if v})
    for i, p in enumerate(details.persons):
        row = {"name": p.name, "role": p.role, "address": p.address,
               "parental_responsibility": {True: "yes", False: "no", None: ""}[p.parental_responsibility]}
        values.update({f"persons[{i}].{k}": v for k, v in row.items() if v})
    values.update({f"extra.{k}": details.text(k) or "" for k in details.extra if k in EXTRA_FIELDS.get(document, ())})
    return DetailsForm(document=document, values={k: v for k, v in values.items() if v}, rows=len(details.persons) + blank_rows)


def to_data(form: DetailsForm) -> dict[str, Any]:
    """The form as hague-details/1 data; empty fields are left out (a document shows a gap for them)."""
    v = form.value
    data: dict[str, Any] = {}
    for block in ("sender", "addressee"):
        party = {k: v(f"{block}.{k}") for k in PARTY if v(f"{block}.{k}")}
        if party:
            data[block] = party
    data.update({k: v(k) for k in ("our_reference", "their_reference", "reasons", "request", "reply_by", "date",
                                   "language", "written_in") if v(k)})
    child: dict[str, Any] = {k: v(f"child.{k}") for k in ("name", "address") if v(f"child.{k}")}
    if v("child.languages"):
        child["languages"] = [c.strip().lower() for c in re.split(r"[,\s]+", v("child.languages")) if c.strip()]
    if child:
        data["child"] = child
    persons = [_person(form, i) for i in range(form.rows)]
    if any(persons):
        data["persons"] = [p for p in persons if p]
    if v("attachments"):
        data["attachments"] = [line.strip() for line in v("attachments").splitlines() if line.strip()]
    extra = {f.key: v(f.name) for f in extra_fields(form.document) if v(f.name)}
    if extra:
        data["extra"] = extra
    return data


def _person(form: DetailsForm, i: int) -> dict[str, Any]:
    row: dict[str, Any] = {k: form.value(f"persons[{i}].{k}") for k in ("name", "role", "address") if form.value(f"persons[{i}].{k}")}
    pr = form.value(f"persons[{i}].parental_responsibility")
    if pr in ("yes", "no"):
        row["parental_responsibility"] = pr == "yes"
    return row


def validate(form: DetailsForm) -> Details | None:
    """The details, or None with `form.errors` filled: each problem next to its field, in words."""
    form.errors = _precheck(form)
    data = to_data(form)
    try:
        details = parse_details(data, form.document)
    except DetailsError as exc:
        for err in exc.errors:
            name = _field_of(err.path, form)
            form.errors.setdefault(name, _message(err.path, err.message))
        return None
    return None if form.errors else details


def _precheck(form: DetailsForm) -> dict[str, str]:
    """What parse_details would accept too loosely or word too technically: dates, codes, choices, email."""
    errors: dict[str, str] = {}
    for name in (*DATES, *(f.name for f in extra_fields(form.document) if f.key == "decided_on")):
        text = form.value(name)
        if text and not _is_date(text):
            errors[name] = _("“%(value)s” is not a date: write it YYYY-MM-DD, for example 2026-06-01.", value=text)
    if form.value("language") and form.value("language") not in SUPPORTED:
        errors["language"] = _("Letters can be drawn up in English, French or Norwegian Bokmål (en, fr, nb), not "
                               "“%(value)s”; or leave the Art. 54 default.", value=form.value("language"))
    codes = [c for c in re.split(r"[,\s]+", form.value("child.languages")) if c]
    bad = [c for c in codes if not _CODE.match(c.lower())]
    if bad:
        errors["child.languages"] = _("Not a language code: %(codes)s. Use two-letter codes such as nb (Norwegian Bokmål), "
                                      "pl (Polish) or fr (French), separated by commas.", codes=", ".join(bad))
    if form.value("written_in") and not _CODE.match(form.value("written_in")):
        errors["written_in"] = _("Use a two-letter language code such as nb (Norwegian Bokmål), fr (French) or en (English).")
    for block in ("sender", "addressee"):
        email = form.value(f"{block}.email")
        if email and not _EMAIL.match(email):
            errors[f"{block}.email"] = _("“%(value)s” is not an email address (name@example.org).", value=email)
    for f in extra_fields(form.document):
        allowed = [key for key, _label in f.choices]
        if f.choices and form.value(f.name) not in allowed:
            errors[f.name] = _("Choose one of the options offered.")
    for i in range(form.rows):
        if _person(form, i) and not form.value(f"persons[{i}].name"):
            errors[f"persons[{i}].name"] = _("Give this person's name, or empty the whole row.")
    return errors


def _is_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _field_of(path: str, form: DetailsForm) -> str:
    """The form field an error path of parse_details belongs to ('' for the form as a whole)."""
    if path.startswith(("attachments[", "child.languages[")):
        path = path.split("[", 1)[0]
    if re.fullmatch(r"persons\[\d+\]", path):
        path += ".name"
    return path if path in form.names() else ""


def _message(path: str, message: str) -> str:
    if message == "Field required":
        return str(_("This field is needed."))
    return message
