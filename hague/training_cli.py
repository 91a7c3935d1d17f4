"""`hague scenarios check` and `hague scenarios new`: the trainer's commands (registered in hague/cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hague.rulebook import Rulebook
from hague.scenarios import Outcome, check_file, scenario_files


def _book() -> Rulebook:
    from hague.cli import _book as book  # the CLI's rulebook loader (exit 3 on broken rules)

    return book()


def _report(outcome: Outcome, path: Path) -> None:
    tag = " [training]" if outcome.training else ""
    if outcome.passed:
        click.echo(f"ok    {path}{tag}")
        return
    click.echo(f"FAIL  {path}{tag}")
    if outcome.file_problems:
        click.echo("        in the scenario file:")
        for problem in outcome.file_problems:
            click.echo(f"        - {problem}")
    if outcome.differences:
        click.echo("        the engine and the model answer differ (decide from the law which is wrong):")
        for problem in outcome.differences:
            click.echo(f"        - {problem}")


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--training", "training_only", is_flag=True, help="Check only training scenarios (those with a `training` block).")
@click.option("-q", "--quiet", is_flag=True, help="List only the scenarios that fail.")
def check_cmd(paths: tuple[Path, ...], training_only: bool, quiet: bool) -> None:
    """Run scenarios through the engine and report, scenario by scenario, where it departs from the
    model answer and what in the file is incomplete; the last line is `N passed, M failed`."""
    from hague.resources import resource_dir

    book = _book()
    files = scenario_files(list(paths) or [resource_dir("scenarios")])
    passed = failed = 0
    for path in files:
        outcome = check_file(path, book)
        if training_only and not outcome.training:
            continue
        if outcome.passed:
            passed += 1
        else:
            failed += 1
        if not (quiet and outcome.passed):
            _report(outcome, path)
    click.echo(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@click.command("new")
@click.argument("scenario_id", metavar="ID")
@click.option("--dir", "directory", type=click.Path(path_type=Path, file_okay=False), default=Path("scenarios"),
              show_default=True, help="Folder to write ID.yaml into.")
@click.option("--from-case", "case_file", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Start from this case file (hague-case/1) instead of a sample case.")
def new_cmd(scenario_id: str, directory: Path, case_file: Path | None) -> None:
    """Write a commented skeleton scenario ID.yaml to fill in (never overwrites a file)."""
    from hague.case import CaseError
    from hague.intake import read_case
    from hague.training_skeleton import SkeletonError, write_skeleton
    from hague.yamlio import YamlError, load_path

    case_data = None
    if case_file is not None:
        try:
            case_data = load_path(case_file)
            read_case(case_data, _book())
        except YamlError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)
        except CaseError as exc:
            click.echo(f"{case_file}: the case is not valid:", err=True)
            for error in exc.errors:
                click.echo(f"  - {error}", err=True)
            sys.exit(2)
    try:
        path = write_skeleton(scenario_id, directory, case_data)
    except SkeletonError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"wrote {path}: fill in every TODO and the model answer, then run: hague scenarios check {path}")
