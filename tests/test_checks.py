"""The checks CI runs before the tests (.ci/run) run here too, so a plain ``pytest`` fails on
what CI would: lint, format, types and import contracts, as configured in pyproject.toml.
Each is skipped when its tool is not installed (``pip install -e '.[test]'`` brings them)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
CHECKS = {
    "ruff check": ("ruff", ["-m", "ruff", "check", "."]),
    "ruff format --check": ("ruff", ["-m", "ruff", "format", "--check", "."]),
    "mypy": ("mypy", ["-m", "mypy"]),
    "lint-imports": ("importlinter", ["-c", LINT_IMPORTS]),
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_check_passes(name: str) -> None:
    module, args = CHECKS[name]
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{name} failed:\n{(done.stdout + done.stderr)[-4000:]}"
