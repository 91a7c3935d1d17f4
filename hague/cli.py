"""The `hague` command: assess a case, list States, Articles and measures, check the rules."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from hague import states_view
from hague.case import CaseError
from hague.engine import assess
from hague.intake import read_case_file
from hague.report import render_text
from hague.rulebook import Rulebook, RulesError, default_rulebook, load_rulebook


def _book() -> Rulebook:
    try:
        return default_rulebook()
    except RulesError as exc:
        click.echo("The rules files are not usable:\n" + str(exc), err=True)
        sys.exit(3)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date written YYYY-MM-DD") from None


@click.group()
@click.version_option(package_name="hague")
def main() -> None:
    """hague: jurisdiction, law and co-operation under the 1996 Hague Child Protection Convention."""


@main.command("assess")
@click.argument("case_file", type=click.Path(path_type=Path))
@click.option("--as-of", callback=_date, help="Date the assessment speaks for (YYYY-MM-DD); default: the case's as_of, else today.")
@click.option("--json", "as_json", is_flag=True, help="Print the assessment as JSON (hague-assessment/1).")
@click.option("--no-trace", is_flag=True, help="Leave the step-by-step trace out of the text report.")
def assess_cmd(case_file: Path, as_of: dt.date | None, as_json: bool, no_trace: bool) -> None:
    """Assess CASE_FILE (YAML or JSON, format hague-case/1)."""
    book = _book()
    try:
        case = read_case_file(case_file, book)
    except CaseError as exc:
        click.echo(f"{case_file}: the case is not valid:", err=True)
        for error in exc.errors:
            click.echo(f"  - {error}", err=True)
        sys.exit(2)
    date = as_of or case.as_of or dt.date.today()
    case = case.model_copy(update={"as_of": date})
    result = assess(case, book)
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(book, result, trace=not no_trace), nl=False)


@main.command("states")
@click.option("--as-of", callback=_date, help="Date (YYYY-MM-DD); default: today.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--all", "show_all", is_flag=True, help="Also list States not (or not yet, or not surely) bound.")
def states_cmd(as_of: dt.date | None, as_json: bool, show_all: bool) -> None:
    """List the Contracting Parties in force on a date, flagging unverified data."""
    book = _book()
    day = as_of or dt.date.today()
    view = states_view.listing(book, day, show_all).model_dump(mode="json")
    rows: list[dict[str, Any]] = view["states"]
    if as_json:
        click.echo(json.dumps(view, indent=2, ensure_ascii=False))
        return
    sure = sum(1 for r in rows if r["in_force"] is True)
    click.echo(f"Contracting Parties on {day} (status data as of {book.status_as_of}): {sure} in force"
               + (f", {len(rows) - sure} not confirmed" if len(rows) > sure else ""))
    for r in rows:
        mark = {True: "in force", False: "not in force", None: "NOT CONFIRMED"}[r["in_force"]]
        since = f"since {r['entry_into_force']}" if r["entry_into_force"] else "date unknown"
        eu = " EU/BIIb" if r["brussels_iib"] else (" EU (not BIIb)" if r["eu_member"] else "")
        click.echo(f"  {r['code']}  {r['name']:<34} {mark:<13} {since}{eu}")
        if r["caution"]:
            click.echo(f"      ! {r['caution']}")


@main.group("rules")
def rules_group() -> None:
    """Work with the rules files (rules/*.yaml)."""


@rules_group.command("check")
@click.option("--dir", "directory", type=click.Path(path_type=Path, file_okay=False), help="Rules folder to check.")
def rules_check_cmd(directory: Path | None) -> None:
    """Load and validate every rules file; exit 1 naming file, path and problem on any error."""
    try:
        book = load_rulebook(directory)
    except RulesError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(1)
    counts = {"states": len(book.states), "measures": len(book.measures),
              "articles": sum(len(s.articles) for s in book.articles_file.instruments.values()),
              "questions": sum(len(s.questions) for s in book.questions_file.steps)}
    click.echo("rules OK: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f"; version {book.version[:12]}")


@main.command("articles")
@click.argument("numbers", nargs=-1)
def articles_cmd(numbers: tuple[str, ...]) -> None:
    """Print our summary of Convention Articles (all, or the NUMBERS given)."""
    book = _book()
    articles = book.articles_file.instruments["hcch1996"]
    for number, article in articles.articles.items():
        if not numbers or number in numbers:
            click.echo(f"Art. {number}. {article.title}\n  {article.summary}\n")
    click.echo(f"Official text: {articles.official_text}")


@main.command("measures")
def measures_cmd() -> None:
    """List the measure types (keys for measure.type) and where the Convention puts them."""
    for key, m in _book().measures.items():
        where = f"Art. {', '.join(m.convention)}" if m.convention else f"excluded, Art. {m.excluded_by}"
        local = ", ".join(f"{k}: {v}" for k, v in m.local_names.items())
        click.echo(f"  {key:<34} {where:<22} {m.label}" + (f" ({local})" if local else ""))


@main.group("scenarios")
def scenarios_group() -> None:
    """Training and test scenarios (format hague-scenario/1)."""


def _register_scenarios() -> None:
    """`hague scenarios check` and `new` live in hague/training_cli.py with the rest of training."""
    from hague.training_cli import check_cmd, new_cmd

    scenarios_group.add_command(check_cmd)
    scenarios_group.add_command(new_cmd)


_register_scenarios()


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
def serve_cmd(host: str, port: int) -> None:
    """Start the web application (embedded server and SQLite register; for production see the README)."""
    import os

    from werkzeug.serving import make_server

    from hague import create_app

    local = host in ("127.0.0.1", "localhost", "::1") and "HAGUE_COOKIE_SECURE" not in os.environ
    app = create_app({"SESSION_COOKIE_SECURE": False} if local else None)  # plain http on this machine only
    server = make_server(host, port, app, threaded=True)  # a port in use: werkzeug says so and exits 1
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"hague is running: open http://{shown}:{port}/ in your browser (Ctrl+C stops it).")
    click.echo(f"Data folder: {app.instance_path}. For a server shared by an office, see the README (gunicorn).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("hague stopped.")


def _register_documents() -> None:
    """`hague draft`: the co-operation documents (hague/documents), kept in their own module."""
    from hague.documents.cli import draft_cmd

    main.add_command(draft_cmd)


_register_documents()


def _register_register() -> None:
    """`hague users`, `hague offices`, `hague db`: the case register (hague/register), kept in its own module."""
    from hague.register.cli import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register_register()
