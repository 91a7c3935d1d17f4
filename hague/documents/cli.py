"""`hague draft ACTION CASE -o OUT.pdf`: the co-operation document for one action of a case.

Wired into the `hague` group in hague/cli.py (``main.add_command(draft_cmd)``). Every input problem
(unknown action, invalid case or details, an action the assessment does not open, Art. 37) ends with
exit status 2 and a message on stderr; unusable rules files with 3, as in the other commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from hague.case import CaseError, FieldError
from hague.documents.details import Details, DetailsError, read_details_file
from hague.documents.kinds import DraftError, kind_of
from hague.intake import read_case_file
from hague.rulebook import RulesError, default_rulebook


def _fail(title: str, errors: list[FieldError] | None = None, code: int = 2) -> NoReturn:
    click.echo(title, err=True)
    for error in errors or []:
        click.echo(f"  - {error}", err=True)
    sys.exit(code)


@click.command("draft")
@click.argument("action")
@click.argument("case_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the PDF.")
@click.option("--details", "details_file", type=click.Path(path_type=Path),
              help="Correspondence details (YAML or JSON, format hague-details/1): names, references, free text.")
@click.option("--lang", help="Language of the document: en, fr or nb (default: the receiving State's, Art. 54).")
@click.option("--to", "to", help="The receiving State, where the action is open towards several.")
@click.option("--bilingual", is_flag=True, help="Lay out the sending and the receiving language side by side.")
@click.option("--pdfa", is_flag=True, help="PDF/A-3b with the case and the assessment embedded as JSON.")
def draft_cmd(action: str, case_file: Path, output: Path, details_file: Path | None, lang: str | None, to: str | None,
              bilingual: bool, pdfa: bool) -> None:
    """Draft the document for ACTION (e.g. art33_placement_consultation) from CASE_FILE."""
    try:
        kind_of(action)
    except DraftError as exc:
        _fail(f"hague draft: {exc}")
    try:
        book = default_rulebook()
    except RulesError as exc:
        _fail("The rules files are not usable:\n" + str(exc), code=3)
    try:
        case = read_case_file(case_file, book)
    except CaseError as exc:
        _fail(f"{case_file}: the case is not valid:", exc.errors)
    except ValueError as exc:  # e.g. PyYAML's own error for an impossible unquoted date such as 2015-13-40
        _fail(f"{case_file}: the case cannot be read: {exc}")
    details = Details()
    if details_file is not None:
        try:
            details = read_details_file(details_file, action)
        except DetailsError as exc:
            _fail(f"{details_file}: the details are not valid:", exc.errors)
    from hague.documents.drafting import draft  # local: WeasyPrint takes half a second to import

    try:
        pdf = draft(action, case, book, details, lang, bilingual=bilingual, pdfa=pdfa, to=to)
    except DraftError as exc:
        _fail(f"hague draft: {exc}")
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        _fail(f"{output}: cannot be written: {exc.strerror}")
    click.echo(f"{output}: {action} ({len(pdf) // 1024} KiB)")

