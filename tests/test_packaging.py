"""The wheel an operator installs (`pip install .`) carries every data file the app reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_rules_templates_static_files_catalogues_migrations_and_scenarios(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("hague-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("hague/rules/states.yaml", "hague/rules/questions.yaml", "hague/templates/web/base.html",
                     "hague/templates/documents/base.html", "hague/web/static/hague.css", "hague/web/static/wizard.js",
                     "hague/web/translations/nb/LC_MESSAGES/messages.po", "hague/web/translations/fr/LC_MESSAGES/messages.po",
                     "hague/documents/fonts/DejaVuSans.ttf", "hague/register/migrations/env.py",
                     "hague/register/migrations/versions/0001_initial.py"):
        assert required in names, f"{required} is not in the wheel"
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("hague/scenario_library/")}
    assert shipped == {p.name for p in (ROOT / "scenarios").glob("*.yaml")}
