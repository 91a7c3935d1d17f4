"""Where the package's data folders (rules/, templates/) are, in a checkout or installed."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


# Folders installed under another name inside the package (hague/scenarios.py is already a module).
_INSTALLED_AS = {"scenarios": "scenario_library"}


def resource_dir(name: str) -> Path:
    """The top-level folder `name` of a checkout, or its copy inside an installed package."""
    checkout = _PACKAGE.parent / name
    if (_PACKAGE.parent / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return _PACKAGE / _INSTALLED_AS.get(name, name)
