"""YAML reading with YAML 1.2 booleans, so that an unquoted `NO` stays Norway."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


class YamlError(ValueError):
    """A file or text that is not readable YAML, with the place it went wrong."""


class _Loader(yaml.SafeLoader):
    """SafeLoader whose only booleans are true/false (YAML 1.2 core schema)."""


_BOOL_TAG = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL_TAG,
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_bool(loader: yaml.SafeLoader, node: yaml.Node) -> bool:
    value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return str(value).lower() == "true"


_Loader.add_constructor(_BOOL_TAG, _construct_bool)


def loads(text: str, source: str = "<text>") -> Any:
    """Parse YAML (or JSON, which is YAML) text; raise YamlError naming the place."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"{source}: not valid YAML{where}: {problem}") from None
    except (ValueError, TypeError) as exc:  # e.g. an unquoted impossible date such as 2015-13-40
        raise YamlError(f"{source}: a value cannot be read: {exc} (write dates as real YYYY-MM-DD dates)") from None


class _KeepImpossibleDates(_Loader):
    """The same reading, except that an impossible date (2015-13-40) stays the text it is."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_KeepImpossibleDates.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def loads_keeping_bad_dates(text: str, source: str = "<text>") -> Any:
    """Like `loads`, but an unquoted impossible date is kept as text, so that the case model can name
    its field (the wizard shows it at its question) instead of refusing the whole file."""
    try:
        return loads(text, source)
    except YamlError as exc:
        if "a value cannot be read" not in str(exc):
            raise
        return yaml.load(text, Loader=_KeepImpossibleDates)  # noqa: S506 - derives from SafeLoader


def load_path(path: Path) -> Any:
    """Read and parse one YAML or JSON file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlError(f"{path}: not a text file (expected UTF-8 YAML or JSON)") from None
    except OSError as exc:
        raise YamlError(f"{path}: cannot be read: {exc.strerror}") from None
    return loads(text, str(path))


def dumps(data: Any) -> str:
    """Write data as block-style YAML that reads back the same with `loads`."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
