from __future__ import annotations

from pathlib import Path

import pytest

from hague.rulebook import Rulebook, default_rulebook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def book() -> Rulebook:
    return default_rulebook()


@pytest.fixture
def root() -> Path:
    return ROOT
